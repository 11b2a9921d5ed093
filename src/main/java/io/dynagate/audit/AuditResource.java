package io.dynagate.audit;

import io.dynagate.api.ApiException;
import io.dynagate.api.Caller;
import io.dynagate.api.CurrentCaller;
import io.dynagate.api.Envelopes;
import io.dynagate.store.Page;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who changed what and when: admins read every event, a team the events of its resources. */
@Authenticated
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit")
public class AuditResource {

  private final AuditTrail trail;
  private final CurrentCaller current;

  public AuditResource(AuditTrail trail, CurrentCaller current) {
    this.trail = trail;
    this.current = current;
  }

  /** A page of events, newest first; {@code nextCursor} is absent on the last page. */
  public record AuditPage(List<AuditEvent> items, String nextCursor) {}

  @GET
  @Operation(summary = "Audit events, newest first; admins may filter by team")
  public AuditPage list(
      @QueryParam("team") String team,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    Caller caller = current.get();
    String scope = caller.admin() ? team : caller.team();
    if (!caller.admin() && team != null && !team.equals(caller.team())) {
      throw ApiException.forbidden("a team reads its own audit events only");
    }
    Page<AuditEvent> page = trail.page(scope, Envelopes.limit(limit), cursor);
    return new AuditPage(page.items(), page.nextCursor());
  }
}
