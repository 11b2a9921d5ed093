package io.dynagate.api;

import io.dynagate.config.DynagateConfig;
import io.dynagate.reconcile.AccountPort;
import io.dynagate.reconcile.DesiredStates;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the service itself needs from AWS, for the operator who grants it. */
@Path("/api/v1/system")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "system")
public class SystemResource {

  private final CurrentCaller current;
  private final AccountPort account;
  private final DynagateConfig config;

  public SystemResource(CurrentCaller current, AccountPort account, DynagateConfig config) {
    this.current = current;
    this.account = account;
    this.config = config;
  }

  @GET
  @Path("iam-policy")
  @Operation(
      summary = "The least-privilege IAM policy Dynagate needs in this configuration (admin)")
  public Map<String, Object> iamPolicy() {
    if (!current.get().admin()) {
      throw ApiException.forbidden("only an admin reads the service's own IAM policy");
    }
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
