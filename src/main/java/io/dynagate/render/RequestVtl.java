package io.dynagate.render;

import io.dynagate.declaration.KeyType;
import io.dynagate.declaration.RequestSource;
import io.dynagate.declaration.RouteRules;
import io.dynagate.declaration.RouteSpec;
import io.dynagate.declaration.RouteSpec.SortKeyCondition;
import io.dynagate.declaration.TableSpec;
import io.dynagate.declaration.TableSpec.KeySchemaElement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Integration request templates: the DynamoDB GetItem or Query request of one route. Request values
 * are first bound to variables (a missing one becomes {@code ""}, which DynamoDB rejects as a key
 * value: a 400), then always written through {@link Vtl#escaped}.
 */
final class RequestVtl {

  private final RouteSpec route;
  private final TableSpec table;
  private final StringBuilder bindings = new StringBuilder("#set($p=$input.params())");
  private final Map<String, String> names = new LinkedHashMap<>();
  private final Map<String, String> values = new LinkedHashMap<>();
  private final List<String> fields = new ArrayList<>();

  private RequestVtl(RouteSpec route, TableSpec table) {
    this.route = route;
    this.table = table;
    fields.add("\"TableName\":" + Vtl.json(table.tableName()));
  }

  static String getItem(RouteSpec route, TableSpec table) {
    return new RequestVtl(route, table).getItem();
  }

  static String query(RouteSpec route, TableSpec table) {
    return new RequestVtl(route, table).query();
  }

  private String getItem() {
    List<String> key = new ArrayList<>();
    for (var binding : RouteRules.keySources(route, table.keySchema()).entrySet()) {
      String value = typedValue(binding.getKey(), bind("$v" + key.size(), binding.getValue()));
      key.add(Vtl.json(binding.getKey()) + ":" + value);
    }
    fields.add("\"Key\":{" + String.join(",", key) + "}");
    projection();
    if (!names.isEmpty()) {
      fields.add("\"ExpressionAttributeNames\":" + placeholders(names));
    }
    consistentRead();
    return bindings + "{" + String.join(",", fields) + "}";
  }

  private String query() {
    List<KeySchemaElement> keys = table.keySchemaOf(route.index()).orElseThrow();
    if (route.index() != null) {
      fields.add("\"IndexName\":" + Vtl.json(route.index()));
    }
    var partition = RouteRules.keySources(route, keys).entrySet().iterator().next();
    names.put("#k0", Vtl.json(partition.getKey()));
    values.put(":k0", typedValue(partition.getKey(), bind("$v0", partition.getValue())));
    String condition = "#k0 = :k0" + sortCondition(keys);
    fields.add("\"KeyConditionExpression\":\"" + condition + "\"");
    projection();
    fields.add("\"ExpressionAttributeNames\":" + placeholders(names));
    fields.add("\"ExpressionAttributeValues\":" + placeholders(values));
    consistentRead();
    bindings.append(Paging.variables(route));
    // ascending is DynamoDB's default order: only descending is asked for
    fields.add(
        "\"Limit\":"
            + Paging.LIMIT
            + "#if("
            + Paging.ORDER
            + "=='desc'),\"ScanIndexForward\":false#end");
    return bindings + "{" + String.join(",", fields) + Paging.exclusiveStartKey(table, keys) + "}";
  }

  /** DynamoDB reads eventually consistent unless ConsistentRead is true: only then is it sent. */
  private void consistentRead() {
    if (route.consistentReadOrDefault()) {
      fields.add("\"ConsistentRead\":true");
    }
  }

  private String sortCondition(List<KeySchemaElement> keys) {
    SortKeyCondition sort = route.sortKey();
    Optional<KeySchemaElement> range =
        keys.stream().filter(k -> k.keyType() == KeyType.RANGE).findFirst();
    if (sort == null || range.isEmpty()) {
      return "";
    }
    String attribute = range.get().attributeName();
    names.put("#k1", Vtl.json(attribute));
    List<String> sources = sort.sources();
    for (int i = 0; i < sources.size(); i++) {
      RequestSource source = RequestSource.parse(sources.get(i)).orElseThrow();
      values.put(":s" + i, typedValue(attribute, bind("$s" + i, source)));
    }
    return switch (sort.condition()) {
      case EQ -> " AND #k1 = :s0";
      case LT -> " AND #k1 < :s0";
      case LE -> " AND #k1 <= :s0";
      case GT -> " AND #k1 > :s0";
      case GE -> " AND #k1 >= :s0";
      case BEGINS_WITH -> " AND begins_with(#k1, :s0)";
      case BETWEEN -> " AND #k1 BETWEEN :s0 AND :s1";
    };
  }

  /** {@code ProjectionExpression} over {@code #pN} placeholders. */
  private void projection() {
    if (route.projection() == null) {
      return;
    }
    List<String> placeholders = new ArrayList<>();
    for (int i = 0; i < route.projection().size(); i++) {
      names.put("#p" + i, Vtl.json(route.projection().get(i)));
      placeholders.add("#p" + i);
    }
    fields.add("\"ProjectionExpression\":\"" + String.join(", ", placeholders) + "\"");
  }

  /**
   * Binds one request value to {@code var}. Headers are looked up as declared and, failing that, in
   * lower case, the spelling HTTP/2 clients send. The specific map is read rather than {@code
   * $input.params('x')}, whose search order would let a {@code ?X-Tenant=} shadow a header.
   */
  private String bind(String var, RequestSource source) {
    bindings.append(binding(var, source));
    return var;
  }

  /** VTL setting {@code var} to one request value (needs {@code $p = $input.params()}). */
  static String binding(String var, RequestSource source) {
    String map =
        switch (source.location()) {
          case path -> "path";
          case query -> "querystring";
          case header -> "header";
        };
    String out = "#set(" + var + "=\"$!p." + map + ".get('" + source.name() + "')\")";
    String lower = source.name().toLowerCase(Locale.ROOT);
    if (map.equals("header") && !lower.equals(source.name())) {
      out += "#if(" + var + "=='')#set(" + var + "=\"$!p.header.get('" + lower + "')\")#end";
    }
    return out;
  }

  /** {@code {"S":"..."}} with the key's declared type; numbers and binaries travel as strings. */
  private String typedValue(String attribute, String var) {
    String type = table.typeOf(attribute).orElseThrow().name();
    return "{\"" + type + "\":\"" + Vtl.escaped(var) + "\"}";
  }

  /** A JSON object keyed by this class's own placeholders ({@code #k0}, {@code :s1}). */
  private static String placeholders(Map<String, String> members) {
    List<String> out = new ArrayList<>();
    members.forEach((k, v) -> out.add("\"" + k + "\":" + v));
    return "{" + String.join(",", out) + "}";
  }
}
