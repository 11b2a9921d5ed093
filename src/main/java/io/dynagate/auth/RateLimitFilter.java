package io.dynagate.auth;

import io.dynagate.api.Problem;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Counts mutating calls against the caller's limit once the call is authenticated and allowed. The
 * key is the principal: the team, whichever of its tokens it sent, so that issuing more tokens buys
 * no more rate (and {@code admin} for the admin token; no team may be named so). {@code POST
 * /ui/try} only reads a live route, but it makes this service call out: it is counted too.
 */
public class RateLimitFilter {

  private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");

  private final RateLimiter limiter;
  private final SecurityIdentity identity;

  public RateLimitFilter(RateLimiter limiter, SecurityIdentity identity) {
    this.limiter = limiter;
    this.identity = identity;
  }

  // After matching: the endpoint's security check has run, so the identity is known by now.
  @ServerRequestFilter
  public Optional<Response> limit(ContainerRequestContext request) {
    if (!MUTATING.contains(request.getMethod()) || identity.isAnonymous()) {
      return Optional.empty();
    }
    return limiter.acquire(identity.getPrincipal().getName()).map(RateLimitFilter::tooManyRequests);
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
