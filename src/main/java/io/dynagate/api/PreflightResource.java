package io.dynagate.api;

import io.dynagate.declaration.ApiSpec;
import io.dynagate.preflight.PreflightReport;
import io.dynagate.preflight.PreflightRunner;
import io.dynagate.preflight.Subject;
import io.dynagate.reconcile.DesiredStates;
import io.dynagate.render.ApiDeclaration;
import io.dynagate.render.ApiRenderer;
import io.dynagate.store.Ref;
import io.dynagate.store.Specs;
import io.dynagate.store.Stored;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Preflight of an API on the local shadow, on demand, and its last report. */
@Authenticated
@Path("/api/v1/apis/{api}/preflight")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "reconcile")
public class PreflightResource {

  private final DeclarationService declarations;
  private final DesiredStates desiredStates;
  private final PreflightRunner runner;
  private final Specs specs;
  private final CurrentCaller caller;

  public PreflightResource(
      DeclarationService declarations,
      DesiredStates desiredStates,
      PreflightRunner runner,
      Specs specs,
      CurrentCaller caller) {
    this.declarations = declarations;
    this.desiredStates = desiredStates;
    this.runner = runner;
    this.specs = specs;
    this.caller = caller;
  }

  @POST
  @Operation(
      summary =
          "Prove the API's current definition on the local shadow: every probe of every route. A"
              + " definition proved already answers its kept report unless force=true")
  public PreflightReport run(@PathParam("api") String api, @QueryParam("force") boolean force) {
    Stored stored = declarations.read(caller.get(), Ref.api(api));
    if (!caller.get().mayChange(stored.owner())) {
      throw ApiException.forbidden("api " + api + " belongs to another team");
    }
    try {
      ApiDeclaration declaration = desiredStates.declaration(stored);
      if (declaration.routes().isEmpty()) {
        throw ApiException.conflict("api " + api + " has no routes: nothing to prove");
      }
      Subject subject =
          new Subject(
              declaration,
              ApiRenderer.render(declaration),
              specs.read(stored, ApiSpec.class).stageOrDefault(),
              desiredStates.policyName());
      return force ? runner.run(subject) : runner.prove(subject);
    } catch (DesiredStates.InvalidDeclarationException e) {
      throw ApiException.conflict(e.getMessage());
    }
  }

  @GET
  @Operation(summary = "The API's last preflight report on this instance")
  public PreflightReport last(@PathParam("api") String api) {
    declarations.read(caller.get(), Ref.api(api));
    return runner
        .last(api)
        .orElseThrow(() -> ApiException.notFound("api " + api + " has no preflight report yet"));
  }
}
