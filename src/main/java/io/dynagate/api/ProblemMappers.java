package io.dynagate.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.dynagate.store.InvalidCursorException;
import io.dynagate.store.VersionConflictException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every failure answers a problem document; nothing internal (stack, class, ARN) leaks out. */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  @ServerExceptionMapper
  public Response api(ApiException e) {
    return answer(e.problem());
  }

  @ServerExceptionMapper
  public Response conflict(VersionConflictException e) {
    return answer(
        Problem.of(
            412,
            "Precondition failed",
            "the declaration changed meanwhile; read it again and retry with its ETag"));
  }

  @ServerExceptionMapper
  public Response cursor(InvalidCursorException e) {
    return answer(
        Problem.invalid(
            java.util.List.of(io.dynagate.declaration.Violation.of("cursor", e.getMessage()))));
  }

  @ServerExceptionMapper
  public Response json(JsonProcessingException e) {
    return answer(
        Problem.of(400, "Malformed JSON", "the body is not valid JSON: " + e.getOriginalMessage()));
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    String title =
        Response.Status.fromStatusCode(status) == null
            ? "Error"
            : Response.Status.fromStatusCode(status).getReasonPhrase();
    return answer(Problem.of(status, title, title));
  }

  @ServerExceptionMapper
  public Response unexpected(RuntimeException e) {
    LOG.error("unexpected failure", e);
    return answer(
        Problem.of(500, "Internal error", "an internal error occurred; it has been logged"));
  }

  static Response answer(Problem problem) {
    return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
  }
}
