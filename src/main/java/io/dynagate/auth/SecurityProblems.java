package io.dynagate.auth;

import io.dynagate.api.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Quarkus Security's refusals as problem documents, like every other failure: 401 with the bearer
 * challenge for no token or a bad one, 403 for a role the caller does not have.
 */
public class SecurityProblems {

  @ServerExceptionMapper
  public Response failed(AuthenticationFailedException e) {
    return unauthorized();
  }

  @ServerExceptionMapper
  public Response anonymous(UnauthorizedException e) {
    return unauthorized();
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e) {
    return Response.status(403)
        .type(Problem.MEDIA_TYPE)
        .entity(Problem.of(403, "Forbidden", "only an admin may make this call"))
        .build();
  }

  private static Response unauthorized() {
    return Response.status(401)
        .type(Problem.MEDIA_TYPE)
        .header(HttpHeaders.WWW_AUTHENTICATE, BearerMechanism.CHALLENGE)
        .entity(
            Problem.of(401, "Unauthorized", "send Authorization: Bearer TOKEN with a valid token"))
        .build();
  }
}
