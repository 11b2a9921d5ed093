package io.dynagate.api;

import io.dynagate.declaration.ConsumerSpec;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The teams consuming an API: each with a usage plan and one API key, shown once. */
@Authenticated
@Path("/api/v1/apis/{api}/consumers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
@Tag(name = "consumers")
public class ConsumerResource {

  private final ConsumerService consumers;
  private final Bodies bodies;
  private final CurrentCaller caller;

  public ConsumerResource(ConsumerService consumers, Bodies bodies, CurrentCaller caller) {
    this.consumers = consumers;
    this.bodies = bodies;
    this.caller = caller;
  }

  @POST
  @Operation(
      summary =
          "Register a consuming team with a usage plan; the answer holds the API key value, shown"
              + " this once")
  @APIResponse(
      responseCode = "201",
      description = "registered; apiKey is the value to send in x-api-key",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ConsumerService.View.class)))
  public Response register(
      @PathParam("api") String api,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = ConsumerSpec.class)))
          String body) {
    return Response.status(201)
        .header("Cache-Control", "no-store")
        .entity(consumers.register(caller.get(), api, bodies.parse(body)))
        .build();
  }

  @GET
  @Operation(summary = "List an API's consumers, a page at a time (never their keys)")
  public Listing<ConsumerService.View> list(
      @PathParam("api") String api,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return consumers.list(caller.get(), api, Envelopes.limit(limit), cursor);
  }

  @GET
  @Path("{team}")
  @Operation(summary = "One consumer of an API (never its key)")
  public ConsumerService.View get(@PathParam("api") String api, @PathParam("team") String team) {
    return consumers.get(caller.get(), api, team);
  }

  @DELETE
  @Path("{team}")
  @Operation(summary = "Revoke a consumer: its key is refused from the API's next pass")
  @APIResponse(responseCode = "204", description = "revoked")
  public Response revoke(@PathParam("api") String api, @PathParam("team") String team) {
    consumers.revoke(caller.get(), api, team);
    return Response.noContent().build();
  }
}
