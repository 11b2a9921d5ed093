package io.dynagate.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dynagate.api.ApiException;
import io.dynagate.api.Bodies;
import io.dynagate.api.CurrentCaller;
import io.dynagate.declaration.SpecReader;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Teams and team tokens. */
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

  public record Teams(List<TeamStore.Team> items) {}

  public record Tokens(List<TeamService.TokenInfo> items) {}

  @POST
  @Operation(summary = "Create a team (admin)")
  public Response create(String body) {
    var read = SpecReader.read(bodies.parse(body), NewTeam.class);
    if (!read.ok()) {
      throw ApiException.invalid(read.violations());
    }
    return Response.status(201).entity(teams.createTeam(current.get(), read.spec().name())).build();
  }

  @GET
  @Operation(summary = "List teams")
  public Teams list() {
    return new Teams(teams.teams(current.get()));
  }

  @POST
  @Path("{team}/tokens")
  @Operation(summary = "Issue a token for a team (admin or the team); the token is shown once")
  public Response issue(@PathParam("team") String team) {
    return Response.status(201)
        .header("Cache-Control", "no-store")
        .entity(teams.issue(current.get(), team))
        .build();
  }

  @GET
  @Path("{team}/tokens")
  @Operation(summary = "List a team's tokens, without their secrets")
  public Tokens tokens(@PathParam("team") String team) {
    return new Tokens(teams.tokens(current.get(), team));
  }

  @DELETE
  @Path("{team}/tokens/{tokenId}")
  @Operation(summary = "Revoke a token; it fails from the next request on")
  public Response revoke(@PathParam("team") String team, @PathParam("tokenId") String tokenId) {
    teams.revoke(current.get(), team, tokenId);
    return Response.noContent().build();
  }
}
