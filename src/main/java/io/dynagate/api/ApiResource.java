package io.dynagate.api;

import io.dynagate.declaration.ApiSpec;
import io.dynagate.declaration.RouteSpec;
import io.dynagate.store.Kind;
import io.dynagate.store.Ref;
import io.dynagate.store.Registry;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** REST API declarations and their routes. */
@Authenticated
@Path("/api/v1/apis")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
@Tag(name = "apis")
public class ApiResource {

  private final DeclarationService declarations;
  private final Registry registry;
  private final Envelopes envelopes;
  private final Bodies bodies;
  private final CurrentCaller caller;

  public ApiResource(
      DeclarationService declarations,
      Registry registry,
      Envelopes envelopes,
      Bodies bodies,
      CurrentCaller caller) {
    this.declarations = declarations;
    this.registry = registry;
    this.envelopes = envelopes;
    this.bodies = bodies;
    this.caller = caller;
  }

  @PUT
  @Path("{api}")
  @Operation(summary = "Declare or update a REST API")
  @APIResponse(
      responseCode = "201",
      description = "declared",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Schemas.Api.class)))
  @APIResponse(
      responseCode = "200",
      description = "updated",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Schemas.Api.class)))
  public Response put(
      @PathParam("api") String api,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = ApiSpec.class)))
          String body,
      @HeaderParam("If-Match") String ifMatch) {
    return envelopes.written(
        declarations.putApi(caller.get(), api, bodies.parse(body), Envelopes.ifMatch(ifMatch)));
  }

  @GET
  @Operation(summary = "List APIs, a page at a time")
  @APIResponse(
      responseCode = "200",
      description = "a page of APIs",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Schemas.ApiList.class)))
  public Envelopes.ListPage list(
      @Parameter(
              description = "page size, 1 to 500 (default 50)",
              schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500"))
          @QueryParam("limit")
          String limit,
      @QueryParam("cursor") String cursor) {
    return envelopes.page(
        declarations.visible(
            caller.get(), registry.list(Kind.API, null, Envelopes.limit(limit), cursor)));
  }

  @GET
  @Path("{api}")
  @APIResponse(
      responseCode = "200",
      description = "the declaration and its status",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Schemas.Api.class)))
  public Response get(@PathParam("api") String api) {
    return envelopes.ok(declarations.read(caller.get(), Ref.api(api)));
  }

  @DELETE
  @Path("{api}")
  @Operation(
      summary = "Remove an API: the reconciler deletes its REST API and role, then the declaration")
  @APIResponse(
      responseCode = "202",
      description = "deletion requested",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Schemas.Api.class)))
  public Response delete(@PathParam("api") String api, @HeaderParam("If-Match") String ifMatch) {
    declarations.deleteApi(caller.get(), api, Envelopes.ifMatch(ifMatch));
    return Response.accepted(envelopes.of(declarations.get(Ref.api(api)))).build();
  }

  @PUT
  @Path("{api}/routes/{route}")
  @Operation(summary = "Declare or update a route")
  @APIResponse(
      responseCode = "201",
      description = "declared",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Schemas.Route.class)))
  @APIResponse(
      responseCode = "200",
      description = "updated",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Schemas.Route.class)))
  public Response putRoute(
      @PathParam("api") String api,
      @PathParam("route") String route,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = RouteSpec.class)))
          String body,
      @HeaderParam("If-Match") String ifMatch) {
    return envelopes.written(
        declarations.putRoute(
            caller.get(), api, route, bodies.parse(body), Envelopes.ifMatch(ifMatch)));
  }

  @GET
  @Path("{api}/routes")
  @Operation(summary = "List an API's routes, a page at a time")
  @APIResponse(
      responseCode = "200",
      description = "a page of routes",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Schemas.RouteList.class)))
  public Envelopes.ListPage routes(
      @PathParam("api") String api,
      @Parameter(
              description = "page size, 1 to 500 (default 50)",
              schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500"))
          @QueryParam("limit")
          String limit,
      @QueryParam("cursor") String cursor) {
    declarations.read(caller.get(), Ref.api(api));
    return envelopes.page(
        declarations.visible(
            caller.get(), registry.list(Kind.ROUTE, api, Envelopes.limit(limit), cursor)));
  }

  @GET
  @Path("{api}/routes/{route}")
  @APIResponse(
      responseCode = "200",
      description = "the declaration and its API's status",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Schemas.Route.class)))
  public Response route(@PathParam("api") String api, @PathParam("route") String route) {
    return envelopes.ok(declarations.read(caller.get(), Ref.route(api, route)));
  }

  @DELETE
  @Path("{api}/routes/{route}")
  @Operation(summary = "Remove a route; it leaves the live API at the next pass")
  @APIResponse(responseCode = "204", description = "removed")
  public Response deleteRoute(
      @PathParam("api") String api,
      @PathParam("route") String route,
      @HeaderParam("If-Match") String ifMatch) {
    declarations.deleteRoute(caller.get(), api, route, Envelopes.ifMatch(ifMatch));
    return Response.noContent().build();
  }
}
