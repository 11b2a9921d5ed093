package io.dynagate.declaration;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * Who may call an API's routes: the authorization every route requires unless it overrides it, the
 * resource policy that names who may invoke at all, and per-route overrides (authorization and
 * throttling, the latter as stage method settings beside the stage's own).
 *
 * @param authorization {@code NONE} (default), {@code AWS_IAM} or {@code API_KEY}
 * @param resourcePolicy allowed principals and sources, or null for none
 * @param routes overrides by route name
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccessSpec(
    Authorization authorization, ResourcePolicy resourcePolicy, Map<String, RouteAccess> routes) {

  public AccessSpec {
    routes = routes == null ? Map.of() : Map.copyOf(routes);
  }

  public enum Authorization {
    /** Anyone who reaches the route (subject to the resource policy). */
    NONE,
    /** Callers sign with SigV4; their identity policy must allow {@code execute-api:Invoke}. */
    AWS_IAM,
    /** Callers send an API key of a registered consumer in {@code x-api-key}. */
    API_KEY
  }

  /**
   * A resource policy. Principals are account ids ({@code 123456789012}), role or user ARNs and
   * organisation ids ({@code o-...}); source IPs are CIDR ranges; source VPC endpoints are {@code
   * vpce-...} ids. Sources restrict every principal, also IAM callers.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ResourcePolicy(
      List<String> principals, List<String> sourceIps, List<String> sourceVpcEndpoints) {

    public ResourcePolicy {
      principals = principals == null ? List.of() : List.copyOf(principals);
      sourceIps = sourceIps == null ? List.of() : List.copyOf(sourceIps);
      sourceVpcEndpoints = sourceVpcEndpoints == null ? List.of() : List.copyOf(sourceVpcEndpoints);
    }
  }

  /** One route's override: its authorization, and its throttling as a stage method setting. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RouteAccess(Authorization authorization, ApiSpec.Throttling throttling) {}

  public Authorization authorizationOrDefault() {
    return authorization == null ? Authorization.NONE : authorization;
  }

  /** The authorization of one route: its override, else the API's. */
  public Authorization authorizationOf(String routeName) {
    RouteAccess own = routes.get(routeName);
    return own != null && own.authorization() != null
        ? own.authorization()
        : authorizationOrDefault();
  }

  /** Whether a route is open to anyone who reaches it: no authorization and no resource policy. */
  public static boolean isPublic(AccessSpec access, String routeName) {
    return access == null
        || (access.resourcePolicy() == null
            && access.authorizationOf(routeName) == Authorization.NONE);
  }
}
