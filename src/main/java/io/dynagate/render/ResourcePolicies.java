package io.dynagate.render;

import io.dynagate.declaration.AccessRules;
import io.dynagate.declaration.AccessSpec;
import io.dynagate.declaration.PathTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An API's resource policy ({@code x-amazon-apigateway-policy}) from its {@code access} block. It
 * names exactly the API's method ARNs ({@code execute-api:/STAGE/METHOD/PATH}, path parameters as
 * {@code *}, which API Gateway expands to this API's ARN): an {@code Allow} for the principals (and
 * one for the organisation), and a {@code Deny} for any source outside the declared IP ranges or
 * VPC endpoints, so that sources bind IAM callers too.
 */
final class ResourcePolicies {

  private static final String INVOKE = "execute-api:Invoke";

  private ResourcePolicies() {}

  /** The policy, or empty when the API declares none. */
  static Optional<Map<String, Object>> of(ApiDeclaration api) {
    AccessSpec access = api.api().access();
    if (access == null || access.resourcePolicy() == null || api.routes().isEmpty()) {
      return Optional.empty();
    }
    AccessSpec.ResourcePolicy policy = access.resourcePolicy();
    List<String> methods = methodArns(api);
    List<Object> statements = new ArrayList<>();
    List<String> principals = new ArrayList<>();
    List<String> organisations = new ArrayList<>();
    for (String p : policy.principals()) {
      if (p.startsWith("o-")) {
        organisations.add(p);
      } else {
        principals.add(
            p.startsWith("arn:") ? p : "arn:" + api.partition() + ":iam::" + p + ":root");
      }
    }
    if (!principals.isEmpty()) {
      statements.add(statement("Allow", Map.of("AWS", sorted(principals)), methods, null));
    }
    if (!organisations.isEmpty()) {
      statements.add(
          statement(
              "Allow",
              "*",
              methods,
              Map.of("StringEquals", Map.of("aws:PrincipalOrgID", sorted(organisations)))));
    }
    if (principals.isEmpty() && organisations.isEmpty()) {
      // Only sources restrict: anyone from them may invoke.
      statements.add(statement("Allow", "*", methods, null));
    }
    if (!policy.sourceIps().isEmpty()) {
      statements.add(
          statement(
              "Deny",
              "*",
              methods,
              Map.of("NotIpAddress", Map.of("aws:SourceIp", sorted(policy.sourceIps())))));
    }
    if (!policy.sourceVpcEndpoints().isEmpty()) {
      statements.add(
          statement(
              "Deny",
              "*",
              methods,
              Map.of(
                  "StringNotEquals",
                  Map.of("aws:SourceVpce", sorted(policy.sourceVpcEndpoints())))));
    }
    Map<String, Object> document = new TreeMap<>();
    document.put("Version", "2012-10-17");
    document.put("Statement", statements);
    int size = CanonicalJson.write(document).length();
    if (size > AccessRules.POLICY_QUOTA) {
      throw new IllegalArgumentException(
          "the resource policy would be "
              + size
              + " characters, over API Gateway's quota of "
              + AccessRules.POLICY_QUOTA
              + " per policy");
    }
    return Optional.of(document);
  }

  /** {@code execute-api:/STAGE/METHOD/PATH} of every route, path parameters as {@code *}. */
  static List<String> methodArns(ApiDeclaration api) {
    TreeSet<String> arns = new TreeSet<>();
    String stage = api.api().stageOrDefault();
    for (ApiDeclaration.NamedRoute route : api.routes()) {
      String path =
          PathTemplate.parse(route.spec().path()).template().orElseThrow().parameters().stream()
              .reduce(
                  route.spec().path(),
                  (p, name) -> p.replace("{" + name + "}", "*").replace("{" + name + "+}", "*"),
                  (a, b) -> a);
      arns.add(
          "execute-api:/" + stage + "/" + route.spec().method().toUpperCase(Locale.ROOT) + path);
    }
    return List.copyOf(arns);
  }

  private static Map<String, Object> statement(
      String effect, Object principal, List<String> resources, Map<String, Object> condition) {
    Map<String, Object> statement = new TreeMap<>();
    statement.put("Effect", effect);
    statement.put("Principal", principal);
    statement.put("Action", INVOKE);
    statement.put("Resource", resources);
    if (condition != null) {
      statement.put("Condition", condition);
    }
    return statement;
  }

  private static List<String> sorted(List<String> values) {
    return List.copyOf(new TreeSet<>(values));
  }
}
