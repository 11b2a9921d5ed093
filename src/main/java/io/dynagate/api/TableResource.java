package io.dynagate.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dynagate.declaration.SpecReader;
import io.dynagate.declaration.TableSpec;
import io.dynagate.store.Kind;
import io.dynagate.store.Ref;
import io.dynagate.store.Registry;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Table declarations: the body is a DynamoDB CreateTable request. */
@Authenticated
@Path("/api/v1/tables")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
@Tag(name = "tables")
public class TableResource {

  private final DeclarationService declarations;
  private final Registry registry;
  private final Envelopes envelopes;
  private final Bodies bodies;
  private final CurrentCaller caller;

  public TableResource(
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

  @POST
  @Operation(summary = "Declare or update a table named by its TableName")
  @APIResponse(
      responseCode = "201",
      description = "declared",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Schemas.Table.class)))
  @APIResponse(
      responseCode = "200",
      description = "updated",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Schemas.Table.class)))
  public Response post(
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = TableSpec.class)))
          String body,
      @HeaderParam("If-Match") String ifMatch) {
    return envelopes.written(
        declarations.putTable(caller.get(), null, bodies.parse(body), Envelopes.ifMatch(ifMatch)));
  }

  @PUT
  @Path("{name}")
  @Operation(summary = "Declare or update a table")
  @APIResponse(
      responseCode = "201",
      description = "declared",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Schemas.Table.class)))
  @APIResponse(
      responseCode = "200",
      description = "updated",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Schemas.Table.class)))
  public Response put(
      @PathParam("name") String name,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = TableSpec.class)))
          String body,
      @HeaderParam("If-Match") String ifMatch) {
    return envelopes.written(
        declarations.putTable(caller.get(), name, bodies.parse(body), Envelopes.ifMatch(ifMatch)));
  }

  @GET
  @Operation(summary = "List tables, a page at a time")
  @APIResponse(
      responseCode = "200",
      description = "a page of tables",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Schemas.TableList.class)))
  public Envelopes.ListPage list(
      @Parameter(
              description = "page size, 1 to 500 (default 50)",
              schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500"))
          @QueryParam("limit")
          String limit,
      @QueryParam("cursor") String cursor) {
    return envelopes.page(
        declarations.visible(
            caller.get(), registry.list(Kind.TABLE, null, Envelopes.limit(limit), cursor)));
  }

  @GET
  @Path("{name}")
  @APIResponse(
      responseCode = "200",
      description = "the declaration and its status",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Schemas.Table.class)))
  public Response get(@PathParam("name") String name) {
    return envelopes.ok(declarations.read(caller.get(), Ref.table(name)));
  }

  /** The body of {@code POST /tables/{name}/adopt}: the team the table is adopted for. */
  public record Adoption(@JsonProperty("owner") String owner) {}

  @POST
  @Path("{name}/adopt")
  @RolesAllowed(Caller.ADMIN_ROLE)
  @Operation(
      summary =
          "Adopt a table that exists in the account but was not made by Dynagate (admin): tag it"
              + " as Dynagate's for the owner, who may then declare it")
  @APIResponse(
      responseCode = "200",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Schemas.Adopted.class)))
  public Map<String, String> adopt(@PathParam("name") String name, String body) {
    var read = SpecReader.read(bodies.parse(body), Adoption.class);
    if (!read.ok()) {
      throw ApiException.invalid(read.violations());
    }
    return declarations.adoptTable(caller.get(), name, read.spec().owner());
  }

  @DELETE
  @Path("{name}")
  @Operation(
      summary =
          "Remove a table declaration; the table's data is kept unless DeletionPolicy is DELETE")
  @APIResponse(responseCode = "204", description = "removed")
  public Response delete(@PathParam("name") String name, @HeaderParam("If-Match") String ifMatch) {
    declarations.deleteTable(caller.get(), name, Envelopes.ifMatch(ifMatch));
    return Response.noContent().build();
  }
}
