package io.dynagate.declaration;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What makes an API's {@code access} block valid, and the operator's rule on public routes. Names
 * and values are held to AWS's forms so that nothing declared can break out of the rendered policy.
 */
public final class AccessRules {

  /** AWS's quota on a REST API's resource policy, in characters. */
  public static final int POLICY_QUOTA = 8192;

  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
  private static final Pattern PRINCIPAL_ARN =
      Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:(role|user)(/[\\w+=,.@-]+)*/[\\w+=,.@-]{1,64}");
  private static final Pattern ORGANISATION = Pattern.compile("o-[a-z0-9]{10,32}");
  private static final Pattern IPV4_CIDR =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)(/(3[0-2]|[12]?\\d))?");
  private static final Pattern IPV6_CIDR =
      Pattern.compile("[0-9a-fA-F:]{2,39}(/(12[0-8]|1[01]\\d|[1-9]?\\d))?");
  private static final Pattern VPC_ENDPOINT = Pattern.compile("vpce-[0-9a-f]{8,17}");
  private static final Pattern ROUTE_NAME = Pattern.compile("[a-z0-9-]{1,64}");
  private static final int MAX_ENTRIES = 100;

  /** The operator's rule {@code dynagate.policy.public-routes}. */
  public enum PublicRoutes {
    ALLOW,
    DENY
  }

  private AccessRules() {}

  /** Violations of {@code spec}'s access block and of the private endpoint's requirements. */
  public static List<Violation> validate(ApiSpec spec, PublicRoutes rule) {
    List<Violation> out = new ArrayList<>();
    AccessSpec access = spec.access();
    if (access != null && access.resourcePolicy() != null) {
      policy(access.resourcePolicy(), out);
    }
    if (access != null) {
      access.routes().forEach((name, route) -> route(name, route, out));
    }
    if (spec.endpointTypeOrDefault() == ApiSpec.EndpointType.PRIVATE) {
      if (spec.vpcEndpointIds() == null || spec.vpcEndpointIds().isEmpty()) {
        out.add(
            Violation.of(
                "vpcEndpointIds",
                "is required for a PRIVATE endpoint: the VPC endpoints to serve"));
      }
      if (access == null || access.resourcePolicy() == null) {
        out.add(
            Violation.of(
                "access.resourcePolicy",
                "is required for a PRIVATE endpoint: API Gateway refuses to deploy one without"));
      }
    }
    if (spec.endpointTypeOrDefault() != ApiSpec.EndpointType.PRIVATE
        && spec.vpcEndpointIds() != null
        && !spec.vpcEndpointIds().isEmpty()) {
      out.add(
          Violation.of(
              "vpcEndpointIds", "only a PRIVATE endpoint is associated with VPC endpoints"));
    }
    if (spec.vpcEndpointIds() != null) {
      each(spec.vpcEndpointIds(), "vpcEndpointIds", VPC_ENDPOINT, "must be a vpce-... id", out);
    }
    if (rule == PublicRoutes.DENY && publicByDefault(access)) {
      out.add(
          Violation.of(
              "access",
              "routes open to anyone are denied here (dynagate.policy.public-routes=deny): set"
                  + " authorization to AWS_IAM or API_KEY, or a resource policy"));
    }
    return out;
  }

  /** Under {@code deny}: a route whose own override leaves it open to anyone. */
  public static List<Violation> validateRoute(
      AccessSpec access, String routeName, PublicRoutes rule) {
    if (rule == PublicRoutes.DENY && AccessSpec.isPublic(access, routeName)) {
      return List.of(
          Violation.of(
              "access",
              "route "
                  + routeName
                  + " would be open to anyone, which dynagate.policy.public-routes=deny refuses"));
    }
    return List.of();
  }

  private static boolean publicByDefault(AccessSpec access) {
    if (access == null || access.resourcePolicy() == null) {
      if (access == null || access.authorizationOrDefault() == AccessSpec.Authorization.NONE) {
        return true;
      }
      return access.routes().values().stream()
          .anyMatch(r -> r.authorization() == AccessSpec.Authorization.NONE);
    }
    return false;
  }

  private static void policy(AccessSpec.ResourcePolicy policy, List<Violation> out) {
    String field = "access.resourcePolicy";
    if (policy.principals().isEmpty()
        && policy.sourceIps().isEmpty()
        && policy.sourceVpcEndpoints().isEmpty()) {
      out.add(Violation.of(field, "must name principals, sourceIps or sourceVpcEndpoints"));
    }
    List<String> principals = policy.principals();
    for (int i = 0; i < principals.size(); i++) {
      String p = principals.get(i);
      if (p == null
          || !(ACCOUNT.matcher(p).matches()
              || PRINCIPAL_ARN.matcher(p).matches()
              || ORGANISATION.matcher(p).matches())) {
        out.add(
            Violation.of(
                field + ".principals[" + i + "]",
                "must be an account id, a role or user ARN, or an organisation id (o-...)"));
      }
    }
    List<String> ips = policy.sourceIps();
    for (int i = 0; i < ips.size(); i++) {
      String ip = ips.get(i);
      if (ip == null || !(IPV4_CIDR.matcher(ip).matches() || IPV6_CIDR.matcher(ip).matches())) {
        out.add(
            Violation.of(field + ".sourceIps[" + i + "]", "must be an IP address or CIDR range"));
      }
    }
    each(
        policy.sourceVpcEndpoints(),
        field + ".sourceVpcEndpoints",
        VPC_ENDPOINT,
        "must be a vpce-... id",
        out);
    int entries = principals.size() + ips.size() + policy.sourceVpcEndpoints().size();
    if (entries > MAX_ENTRIES) {
      out.add(Violation.of(field, "names more than " + MAX_ENTRIES + " entries"));
    }
  }

  private static void route(String name, AccessSpec.RouteAccess route, List<Violation> out) {
    String field = "access.routes." + name;
    if (name == null || !ROUTE_NAME.matcher(name).matches()) {
      out.add(Violation.of("access.routes", "must be keyed by route names (a-z, 0-9, '-')"));
      return;
    }
    if (route == null) {
      out.add(Violation.of(field, "must be an object"));
      return;
    }
    ApiSpec.Throttling throttling = route.throttling();
    if (throttling != null) {
      if (throttling.rateLimit() != null
          && (throttling.rateLimit() <= 0 || throttling.rateLimit() > 10000)) {
        out.add(Violation.of(field + ".throttling.rateLimit", "must be above 0 and at most 10000"));
      }
      if (throttling.burstLimit() != null
          && (throttling.burstLimit() < 0 || throttling.burstLimit() > 5000)) {
        out.add(Violation.of(field + ".throttling.burstLimit", "must be between 0 and 5000"));
      }
    }
  }

  private static void each(
      List<String> values, String field, Pattern pattern, String message, List<Violation> out) {
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) == null || !pattern.matcher(values.get(i)).matches()) {
        out.add(Violation.of(field + "[" + i + "]", message));
      }
    }
  }
}
