package io.dynagate.reconcile;

import io.dynagate.declaration.TableSpec;
import java.util.List;
import java.util.Map;

/** What one API should look like on AWS, fully rendered. */
public record Desired(
    String api,
    String stage,
    String description,
    RestApiPort.Endpoint endpoint,
    List<TableSpec> tables,
    RolePort.DesiredRole role,
    String roleArn,
    String policyName,
    String permissionPolicy,
    String openApi,
    String definitionHash,
    Map<String, String> tags,
    Throttling throttling) {

  /**
   * Stage-wide throttling (the method settings of every method); null leaves the stage's own as it
   * is.
   */
  public record Throttling(Double rateLimit, Integer burstLimit) {}

  /** The tag every AWS resource of this API carries, by which a crashed pass's work is adopted. */
  public static final String API_TAG = "dynagate:api";

  public ApiShape shape() {
    return OpenApiShape.of(openApi);
  }

  /** The description of the deployments a definition makes, which carries its hash. */
  public static String deploymentDescription(String hash) {
    return "dynagate " + hash;
  }
}
