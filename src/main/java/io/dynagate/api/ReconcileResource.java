package io.dynagate.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dynagate.config.DynagateConfig;
import io.dynagate.reconcile.ApiReconciler;
import io.dynagate.reconcile.Desired;
import io.dynagate.reconcile.DesiredStates;
import io.dynagate.reconcile.PreflightPort;
import io.dynagate.reconcile.ReconcileLoop;
import io.dynagate.store.Events;
import io.dynagate.store.Ref;
import io.dynagate.store.Stored;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Reconciling an API: its plan, a pass on demand, its events and its generated definition. */
@Authenticated
@Path("/api/v1/apis/{api}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "reconcile")
public class ReconcileResource {

  private final DeclarationService declarations;
  private final ApiReconciler reconciler;
  private final ReconcileLoop loop;
  private final DesiredStates desiredStates;
  private final Events events;
  private final Envelopes envelopes;
  private final ObjectMapper json;
  private final CurrentCaller caller;
  private final PublicRoutes publicRoutes;
  private final Duration waitBound;

  public ReconcileResource(
      DeclarationService declarations,
      ApiReconciler reconciler,
      ReconcileLoop loop,
      DesiredStates desiredStates,
      Events events,
      Envelopes envelopes,
      ObjectMapper json,
      CurrentCaller caller,
      DynagateConfig config,
      PublicRoutes publicRoutes) {
    this.declarations = declarations;
    this.reconciler = reconciler;
    this.loop = loop;
    this.desiredStates = desiredStates;
    this.events = events;
    this.envelopes = envelopes;
    this.json = json;
    this.caller = caller;
    this.publicRoutes = publicRoutes;
    this.waitBound = config.reconcile().waitBound();
  }

  /** One change of a plan. */
  public record PlannedChange(String type, String description, boolean mutating) {}

  /**
   * @param publicRoutes the routes open to anyone who reaches them (NONE, no resource policy)
   * @param preflight when the plan would change the definition: the proof it is held to, per route
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Plan(
      String api,
      List<PlannedChange> changes,
      List<String> publicRoutes,
      PreflightPort.Proof preflight) {}

  @GET
  @Path("plan")
  @Operation(summary = "What a pass would change now, change by change, without changing anything")
  public Plan plan(@PathParam("api") String api) {
    Stored stored = declarations.read(caller.get(), Ref.api(api));
    ApiReconciler.Planned planned = reconciler.planned(api);
    List<PlannedChange> changes =
        planned.changes().stream()
            .map(c -> new PlannedChange(c.getClass().getSimpleName(), c.describe(), c.mutating()))
            .toList();
    return new Plan(api, changes, publicRoutes.of(stored), planned.preflight().orElse(null));
  }

  @POST
  @Path("reconcile")
  @Operation(
      summary =
          "Reconcile now; with wait=true answer 200 once the pass is over, or 202 after a bound")
  @APIResponse(
      responseCode = "200",
      description = "the pass is over",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Schemas.Api.class)))
  @APIResponse(
      responseCode = "202",
      description = "the pass is under way",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Schemas.Api.class)))
  public Response reconcile(@PathParam("api") String api, @QueryParam("wait") boolean wait) {
    Stored stored = declarations.read(caller.get(), Ref.api(api));
    if (!caller.get().mayChange(stored.owner())) {
      throw ApiException.forbidden("api " + api + " belongs to another team");
    }
    var pass = loop.trigger(api);
    if (!wait) {
      return Response.accepted(envelopes.of(declarations.get(Ref.api(api)))).build();
    }
    try {
      pass.get(waitBound.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return Response.accepted(envelopes.of(declarations.get(Ref.api(api)))).build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiException.of(503, "Interrupted", "the service is stopping");
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
    return Response.ok(envelopes.of(declarations.get(Ref.api(api)))).build();
  }

  @GET
  @Path("events")
  @Operation(summary = "What recent passes changed, found and failed at, newest first")
  public Listing<Events.Event> events(
      @PathParam("api") String api,
      @Parameter(
              description = "how many events, 1 to 500 (default 100)",
              schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500"))
          @QueryParam("limit")
          String limit,
      @Parameter(description = "none: the most recent events are one page") @QueryParam("cursor")
          String cursor) {
    Listing.refuseCursor(cursor);
    declarations.read(caller.get(), Ref.api(api));
    // The most recent events are the useful ones; older ones are not paged through.
    return Listing.whole(events.recent(api, Envelopes.limit(limit == null ? "100" : limit)));
  }

  /** The generated artefacts, each as JSON. */
  public record DefinitionView(
      String api,
      String hash,
      String roleName,
      String roleArn,
      String policyName,
      JsonNode openApi,
      JsonNode trustPolicy,
      JsonNode permissionPolicy) {}

  @GET
  @Path("definition")
  @Operation(summary = "The generated OpenAPI document (VTL included) and IAM policies")
  public DefinitionView definition(@PathParam("api") String api) {
    Stored stored = declarations.read(caller.get(), Ref.api(api));
    try {
      Desired desired = desiredStates.of(stored);
      return new DefinitionView(
          api,
          desired.definitionHash(),
          desired.role().name(),
          desired.roleArn(),
          desired.policyName(),
          json.readTree(desired.openApi()),
          json.readTree(desired.role().trustPolicy()),
          json.readTree(desired.permissionPolicy()));
    } catch (DesiredStates.InvalidDeclarationException e) {
      throw ApiException.conflict(e.getMessage());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
