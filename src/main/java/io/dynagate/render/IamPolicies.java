package io.dynagate.render;

import io.dynagate.declaration.RouteSpec;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The API's role: trusted by API Gateway of this account only, allowed exactly what routes use. */
final class IamPolicies {

  private IamPolicies() {}

  static Map<String, Object> trust(ApiDeclaration api) {
    Map<String, Object> statement = new TreeMap<>();
    statement.put("Effect", "Allow");
    statement.put("Principal", Map.of("Service", "apigateway.amazonaws.com"));
    statement.put("Action", "sts:AssumeRole");
    // Confused-deputy guard: only API Gateway acting for this account, and for this API once its
    // id is known, may assume the role.
    Map<String, Object> condition = new TreeMap<>();
    condition.put("StringEquals", Map.of("aws:SourceAccount", api.accountId()));
    if (api.restApiId() != null) {
      condition.put("ArnLike", Map.of("aws:SourceArn", api.executeApiArn()));
    }
    statement.put("Condition", condition);
    return Map.of("Version", "2012-10-17", "Statement", List.of(statement));
  }

  /** One statement per action, each with the exact table (or index) ARNs, sorted. */
  static Map<String, Object> permissions(ApiDeclaration api) {
    Map<String, TreeSet<String>> resources = new TreeMap<>();
    for (ApiDeclaration.NamedRoute route : api.routes()) {
      RouteSpec spec = route.spec();
      String arn = api.tableArn(api.table(spec).tableName());
      if (spec.index() != null) {
        arn = arn + "/index/" + spec.index();
      }
      resources
          .computeIfAbsent("dynamodb:" + spec.actionOrDefault().name(), a -> new TreeSet<>())
          .add(arn);
    }
    List<Object> statements =
        resources.entrySet().stream()
            .map(
                e ->
                    (Object)
                        Map.of(
                            "Sid", e.getKey().replace("dynamodb:", "Dynamodb"),
                            "Effect", "Allow",
                            "Action", List.of(e.getKey()),
                            "Resource", List.copyOf(e.getValue())))
            .toList();
    return Map.of("Version", "2012-10-17", "Statement", statements);
  }
}
