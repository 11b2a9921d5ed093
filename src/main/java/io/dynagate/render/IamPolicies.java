package io.dynagate.render;

import io.dynagate.declaration.RouteSpec;
import io.dynagate.declaration.RouteSpec.Action;
import io.dynagate.declaration.TableSpec;
import io.dynagate.declaration.WriteRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The API's role: trusted by API Gateway of this account only, allowed exactly what routes use.
 *
 * <p>A write is allowed only on the attributes its route may write ({@code dynamodb:Attributes},
 * {@code ForAllValues:StringEquals}): the table's key, its AttributeSchema, the route's version
 * attribute and the timestamps it sets. A route that allows undeclared attributes gets no such
 * condition, and then neither does any other route of the same action on the same table: the role
 * is the API's, so a narrower statement beside a wider one would narrow nothing.
 *
 * <p>Not used, because they would not narrow: {@code dynamodb:LeadingKeys} (every route takes its
 * partition key value from the caller, so no fixed set of values can be named), and {@code
 * dynamodb:ReturnValues} or {@code dynamodb:Select} (deletes and upserts read the old item to
 * answer 404 or 201, updates answer the new item, and a route's own request template may ask for
 * either).
 */
final class IamPolicies {

  private static final String ATTRIBUTES = "dynamodb:Attributes";

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

  /**
   * One statement per action and attribute set, each with the exact table (or index) ARNs, sorted;
   * routes with the same action and the same writable attributes share a statement.
   */
  static Map<String, Object> permissions(ApiDeclaration api) {
    // action -> ARN -> the attribute sets of its routes (empty: any attribute)
    Map<String, Map<String, List<Optional<SortedSet<String>>>>> uses = new TreeMap<>();
    for (ApiDeclaration.NamedRoute route : api.routes()) {
      RouteSpec spec = route.spec();
      String arn = api.tableArn(api.table(spec).tableName());
      if (spec.index() != null) {
        arn = arn + "/index/" + spec.index();
      }
      uses.computeIfAbsent("dynamodb:" + spec.actionOrDefault().name(), a -> new TreeMap<>())
          .computeIfAbsent(arn, r -> new ArrayList<>())
          .add(writable(spec, api.table(spec)));
    }
    Map<Grant, TreeSet<String>> grants = new TreeMap<>();
    uses.forEach(
        (action, byArn) ->
            byArn.forEach(
                (arn, sets) -> {
                  boolean any = sets.stream().anyMatch(Optional::isEmpty);
                  for (Optional<SortedSet<String>> set : sets) {
                    Grant grant = new Grant(action, any ? Optional.empty() : set);
                    grants.computeIfAbsent(grant, g -> new TreeSet<>()).add(arn);
                  }
                }));
    List<Object> statements = new ArrayList<>();
    Map<String, Integer> sids = new TreeMap<>();
    grants.forEach(
        (grant, arns) -> {
          int n = sids.merge(grant.action(), 1, Integer::sum);
          statements.add(grant.statement(n, List.copyOf(arns)));
        });
    return Map.of("Version", "2012-10-17", "Statement", statements);
  }

  /**
   * The attributes a write route may write, or empty when it may write any (reads: any, the
   * condition is about writes).
   */
  static Optional<SortedSet<String>> writable(RouteSpec route, TableSpec table) {
    Action action = route.actionOrDefault();
    if (!action.writes() || route.allowUndeclaredOrDefault()) {
      return Optional.empty();
    }
    SortedSet<String> names = new TreeSet<>();
    table.keySchema().forEach(key -> names.add(key.attributeName()));
    if (action != Action.DeleteItem && table.attributeSchema() != null) {
      names.addAll(table.attributeSchema().keySet());
    }
    if (route.versionAttribute() != null) {
      names.add(route.versionAttribute());
    }
    if (route.timestampsOrDefault()) {
      names.add(WriteRules.CREATED_AT);
      names.add(WriteRules.UPDATED_AT);
    }
    return Optional.of(names);
  }

  /** One action on some resources, on any attribute or on exactly these. */
  private record Grant(String action, Optional<SortedSet<String>> attributes)
      implements Comparable<Grant> {

    private static final Comparator<Grant> ORDER =
        Comparator.comparing(Grant::action)
            .thenComparing(g -> g.attributes().map(a -> 1).orElse(0))
            .thenComparing(g -> String.join("\u0000", g.attributes().orElse(new TreeSet<>())));

    @Override
    public int compareTo(Grant other) {
      return ORDER.compare(this, other);
    }

    Map<String, Object> statement(int n, List<String> resources) {
      Map<String, Object> statement = new TreeMap<>();
      statement.put("Sid", action.replace("dynamodb:", "Dynamodb") + (n == 1 ? "" : n));
      statement.put("Effect", "Allow");
      statement.put("Action", List.of(action));
      statement.put("Resource", resources);
      attributes.ifPresent(
          names ->
              statement.put(
                  "Condition",
                  Map.of("ForAllValues:StringEquals", Map.of(ATTRIBUTES, List.copyOf(names)))));
      return statement;
    }
  }
}
