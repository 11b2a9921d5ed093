package io.dynagate.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dynagate.api.ApiException;
import io.dynagate.api.Bodies;
import io.dynagate.api.Caller;
import io.dynagate.api.CurrentCaller;
import io.dynagate.api.Listing;
import io.dynagate.declaration.SpecReader;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Teams and team tokens. */
@Authenticated
@Path("/api/v1/teams")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
@Tag(name = "teams")
public class TeamResource {

  private final TeamService teams;
  private final Bodies bodies;
  private final CurrentCaller current;

  public TeamResource(TeamService teams, Bodies bodies, CurrentCaller current) {
    this.teams = teams;
    this.bodies = bodies;
    this.current = current;
  }

  /** The body of {@code POST /teams}. */
  public record NewTeam(@JsonProperty("name") String name) {}

  /** Every list answers {@code {items, nextCursor}}; teams and tokens fit one page. */
  public record Teams(List<TeamStore.Team> items, String nextCursor) {}

  public record Tokens(List<TeamService.TokenInfo> items, String nextCursor) {}

  @POST
  @RolesAllowed(Caller.ADMIN_ROLE)
  @Operation(summary = "Create a team (admin)")
  @APIResponse(
      responseCode = "201",
      description = "created",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TeamStore.Team.class)))
  public Response create(
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = NewTeam.class)))
          String body) {
    var read = SpecReader.read(bodies.parse(body), NewTeam.class);
    if (!read.ok()) {
      throw ApiException.invalid(read.violations());
    }
    return Response.status(201).entity(teams.createTeam(current.get(), read.spec().name())).build();
  }

  @GET
  @Operation(summary = "List teams")
  public Teams list(@QueryParam("cursor") String cursor) {
    Listing.refuseCursor(cursor);
    return new Teams(teams.teams(current.get()), null);
  }

  @POST
  @Path("{team}/tokens")
  @Operation(summary = "Issue a token for a team (admin or the team); the token is shown once")
  @APIResponse(
      responseCode = "201",
      description = "issued; the token is in this answer only",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TeamService.IssuedToken.class)))
  public Response issue(@PathParam("team") String team) {
    return Response.status(201)
        .header("Cache-Control", "no-store")
        .entity(teams.issue(current.get(), team))
        .build();
  }

  @GET
  @Path("{team}/tokens")
  @Operation(summary = "List a team's tokens, without their secrets")
  public Tokens tokens(@PathParam("team") String team, @QueryParam("cursor") String cursor) {
    Listing.refuseCursor(cursor);
    return new Tokens(teams.tokens(current.get(), team), null);
  }

  @DELETE
  @Path("{team}/tokens/{tokenId}")
  @Operation(summary = "Revoke a token; it fails from the next request on")
  @APIResponse(responseCode = "204", description = "removed")
  public Response revoke(@PathParam("team") String team, @PathParam("tokenId") String tokenId) {
    teams.revoke(current.get(), team, tokenId);
    return Response.noContent().build();
  }
}
