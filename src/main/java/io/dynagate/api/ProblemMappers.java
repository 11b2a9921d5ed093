package io.dynagate.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.dynagate.declaration.Violation;
import io.dynagate.store.InvalidCursorException;
import io.dynagate.store.VersionConflictException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
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
    return answer(Problem.invalid(List.of(Violation.of("cursor", e.getMessage()))));
  }

  // Only a syntax error's message is the client's own text; a binding error's names Java types.
  @ServerExceptionMapper
  public Response json(JsonProcessingException e) {
    String detail =
        e instanceof JsonParseException
            ? "the body is not valid JSON: " + e.getOriginalMessage()
            : "the body does not have the expected fields and types";
    return answer(Problem.of(400, "Malformed JSON", detail));
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
    LOG.error("unexpected failure", LogText.escaped(e));
    return answer(
        Problem.of(500, "Internal error", "an internal error occurred; it has been logged"));
  }

  static Response answer(Problem problem) {
    return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
  }
}
