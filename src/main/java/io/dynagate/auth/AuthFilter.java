package io.dynagate.auth;

import io.dynagate.api.CurrentCaller;
import io.dynagate.api.Problem;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every REST call carries {@code Authorization: Bearer TOKEN}, except reading the admin UI's shell
 * under {@code /ui}: it holds no data and signs in with a token kept in the browser. Health, the
 * OpenAPI document and Swagger UI are not REST resources and never reach this filter; they hold no
 * data either. Mutating calls, and "try it" calls of live routes, are then counted against the
 * caller's team's rate limit.
 */
public class AuthFilter {

  private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");
  private static final String BEARER = "Bearer ";

  private final Authenticator authenticator;
  private final RateLimiter limiter;
  private final CurrentCaller current;

  public AuthFilter(Authenticator authenticator, RateLimiter limiter, CurrentCaller current) {
    this.authenticator = authenticator;
    this.limiter = limiter;
    this.current = current;
  }

  @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
  public Optional<Response> authenticate(ContainerRequestContext request) {
    if (isPublic(request)) {
      return Optional.empty();
    }
    var authenticated = authenticator.authenticate(bearer(request));
    if (authenticated.isEmpty()) {
      return Optional.of(unauthorized());
    }
    current.set(authenticated.get().caller());
    if (changesSomething(request)) {
      return limiter.acquire(authenticated.get().limitKey()).map(AuthFilter::tooManyRequests);
    }
    return Optional.empty();
  }

  // POST /ui/try only reads a live route, but it makes this service call out: counted too.
  private static boolean changesSomething(ContainerRequestContext request) {
    return MUTATING.contains(request.getMethod());
  }

  private static boolean isPublic(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    boolean read = request.getMethod().equals("GET") || request.getMethod().equals("HEAD");
    return read && (path.equals("/ui") || path.startsWith("/ui/"));
  }

  private static String bearer(ContainerRequestContext request) {
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return null;
    }
    return header.substring(BEARER.length()).trim();
  }

  private static Response unauthorized() {
    return Response.status(401)
        .type(Problem.MEDIA_TYPE)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"dynagate\"")
        .entity(
            Problem.of(401, "Unauthorized", "send Authorization: Bearer TOKEN with a valid token"))
        .build();
  }

  private static Response tooManyRequests(Duration wait) {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    return Response.status(429)
        .type(Problem.MEDIA_TYPE)
        .header("Retry-After", seconds)
        .entity(
            Problem.of(
                429,
                "Too many requests",
                "this team made too many changes; retry in " + seconds + " s"))
        .build();
  }
}
