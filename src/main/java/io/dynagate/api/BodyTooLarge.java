package io.dynagate.api;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body over {@code quarkus.http.limits.max-body-size} is refused by the HTTP layer before any
 * resource runs, with an empty 413; this gives that answer the problem document every other refusal
 * has. A declared length is judged before the body is read; a chunked body that outgrows the limit
 * fails in the HTTP layer and is answered by the failure handler.
 */
@Singleton
public class BodyTooLarge {

  private static final String BODY =
      "{\"type\":\"about:blank\",\"title\":\"Payload too large\",\"status\":413,"
          + "\"detail\":\"the body is larger than %d bytes\"}";

  private final long max;

  public BodyTooLarge(
      @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
          MemorySize max) {
    this.max = max.asLongValue();
  }

  void install(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE).handler(this::judgeDeclaredLength);
    router.route().order(Integer.MIN_VALUE).failureHandler(this::answerFailure);
  }

  private void judgeDeclaredLength(RoutingContext context) {
    String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length != null && isOver(length)) {
      refuse(context);
    } else {
      context.next();
    }
  }

  private boolean isOver(String length) {
    try {
      return Long.parseLong(length.trim()) > max;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private void answerFailure(RoutingContext context) {
    if (context.statusCode() == 413 && !context.response().headWritten()) {
      refuse(context);
    } else {
      context.next();
    }
  }

  private void refuse(RoutingContext context) {
    context
        .response()
        .setStatusCode(413)
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
        .putHeader(HttpHeaders.CONNECTION, "close")
        .end(BODY.formatted(max));
  }
}
