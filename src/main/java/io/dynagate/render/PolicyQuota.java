package io.dynagate.render;

import io.dynagate.declaration.ApiSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether an API's resource policy, with a given set of routes, fits API Gateway's 8,192-character
 * quota: the policy names every route's method ARN, so a route declaration can push it past.
 */
public final class PolicyQuota {

  private PolicyQuota() {}

  /** Why the policy would not fit, or empty when it fits (or the API declares none). */
  public static Optional<String> overrun(
      String apiName, ApiSpec api, List<ApiDeclaration.NamedRoute> routes, String region) {
    try {
      ResourcePolicies.of(
          new ApiDeclaration(apiName, api, routes, Map.of(), region, "000000000000", "quota"));
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }
}
