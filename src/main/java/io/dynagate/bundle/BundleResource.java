package io.dynagate.bundle;

import io.dynagate.api.CurrentCaller;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A team's whole desired state as one YAML or JSON bundle, for GitOps and scripts. */
@Authenticated
@Path("/api/v1")
@Tag(name = "bundles")
public class BundleResource {

  static final String YAML = "application/yaml";

  private final BundleService bundles;
  private final CurrentCaller caller;

  public BundleResource(BundleService bundles, CurrentCaller caller) {
    this.bundles = bundles;
    this.caller = caller;
  }

  /** What an apply did, or would do with {@code dryRun}. */
  public record Applied(boolean dryRun, List<BundleChange> changes) {}

  @POST
  @Path("apply")
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Apply a bundle of tables, APIs and routes; dryRun answers the diff only; prune removes"
              + " what the caller's team owns and the bundle no longer names")
  @APIResponse(
      responseCode = "200",
      description = "the diff, applied unless dryRun",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Applied.class)))
  public Applied apply(
      @RequestBody(
              required = true,
              content = {
                @Content(mediaType = YAML, schema = @Schema(implementation = Bundle.class)),
                @Content(
                    mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Bundle.class))
              })
          String body,
      @QueryParam("dryRun") boolean dryRun,
      @QueryParam("prune") boolean prune) {
    return new Applied(dryRun, bundles.apply(caller.get(), BundleReader.read(body), dryRun, prune));
  }

  @GET
  @Path("export")
  @Produces({MediaType.APPLICATION_JSON, YAML})
  @Operation(
      summary =
          "What the caller's team owns, as a bundle; YAML by Accept: application/yaml or"
              + " format=yaml")
  @APIResponse(
      responseCode = "200",
      description = "the bundle",
      content = {
        @Content(mediaType = YAML, schema = @Schema(implementation = Bundle.class)),
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Bundle.class))
      })
  public Response export(
      @QueryParam("format") String format, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
    Bundle bundle = bundles.export(caller.get());
    boolean yaml =
        "yaml".equalsIgnoreCase(format)
            || (format == null && accept != null && accept.contains("yaml"));
    return yaml
        ? Response.ok(BundleReader.yaml(bundle), YAML).build()
        : Response.ok(bundle, MediaType.APPLICATION_JSON).build();
  }
}
