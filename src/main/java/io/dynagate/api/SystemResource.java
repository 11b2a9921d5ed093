package io.dynagate.api;

import io.dynagate.config.DynagateConfig;
import io.dynagate.reconcile.AccountPort;
import io.dynagate.reconcile.DesiredStates;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the service itself needs from AWS, for the operator who grants it. */
@Authenticated
@Path("/api/v1/system")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "system")
public class SystemResource {

  private final AccountPort account;
  private final DynagateConfig config;

  public SystemResource(AccountPort account, DynagateConfig config) {
    this.account = account;
    this.config = config;
  }

  @GET
  @Path("iam-policy")
  @RolesAllowed(Caller.ADMIN_ROLE)
  @Operation(
      summary = "The least-privilege IAM policy Dynagate needs in this configuration (admin)")
  @APIResponse(
      responseCode = "200",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Schemas.IamPolicy.class)))
  public Map<String, Object> iamPolicy() {
    String region = account.region();
    return new OwnIamPolicy(
            partition(region),
            region,
            account.accountId(),
            config.registry().table(),
            // Read by name: the key belongs to the table naming rules, which may be absent.
            ConfigProvider.getConfig()
                .getOptionalValue("dynagate.tables.name-pattern", String.class)
                .filter(pattern -> !pattern.isBlank()),
            DesiredStates.ROLE_PATH,
            config.reconcile().resourcePrefix(),
            config.aws().permissionsBoundary())
        .document();
  }

  private static String partition(String region) {
    if (region.startsWith("cn-")) {
      return "aws-cn";
    }
    return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
  }
}
