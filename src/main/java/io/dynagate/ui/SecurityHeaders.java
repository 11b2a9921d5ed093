package io.dynagate.ui;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Security headers on everything under {@code /ui}: pages and their static scripts and styles. The
 * policy allows only this origin's files, so no inline script or style can run, and the token in
 * sessionStorage is out of reach of injected markup.
 */
@ApplicationScoped
public class SecurityHeaders {

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
          + " frame-ancestors 'none'";

  void register(@Observes Filters filters) {
    filters.register(
        rc -> {
          String path = rc.normalizedPath();
          if (path.equals("/ui") || path.startsWith("/ui/")) {
            var headers = rc.response().headers();
            headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
          }
          rc.next();
        },
        100);
  }
}
