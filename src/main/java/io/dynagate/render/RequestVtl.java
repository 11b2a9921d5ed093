package io.dynagate.render;

import io.dynagate.declaration.AttributeType;
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
import java.util.Map;
import java.util.Optional;

/**
 * Integration request templates: the DynamoDB GetItem or Query request for one route. Request
 * values are bound to {@code $vN} variables first (missing ones become {@code ""}, which DynamoDB
 * rejects as a key), then always written through {@link Vtl#escaped}.
 */
final class RequestVtl {

  private RequestVtl() {}

  static String getItem(RouteSpec route, TableSpec table) {
    StringBuilder vars = new StringBuilder("#set($p = $input.params())\n");
    List<String> key = new ArrayList<>();
    int i = 0;
    for (var binding : RouteRules.keySources(route, table.keySchema()).entrySet()) {
      String var = bind(vars, "$v" + i++, binding.getValue());
      key.add(Vtl.json(binding.getKey()) + ": " + typedValue(table, binding.getKey(), var));
    }
    List<String> fields = new ArrayList<>();
    fields.add("\"TableName\": " + Vtl.json(table.tableName()));
    fields.add("\"Key\": {" + String.join(", ", key) + "}");
    Map<String, String> names = new LinkedHashMap<>();
    projection(route, names).ifPresent(fields::add);
    if (!names.isEmpty()) {
      fields.add("\"ExpressionAttributeNames\": " + jsonObject(names));
    }
    fields.add("\"ConsistentRead\": " + route.consistentReadOrDefault());
    return vars + "{\n  " + String.join(",\n  ", fields) + "\n}\n";
  }

  static String query(RouteSpec route, TableSpec table) {
    List<KeySchemaElement> keys = table.keySchemaOf(route.index()).orElseThrow();
    StringBuilder vars = new StringBuilder("#set($p = $input.params())\n");
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, String> values = new LinkedHashMap<>();
    var partition = RouteRules.keySources(route, keys).entrySet().iterator().next();
    names.put("#k0", Vtl.json(partition.getKey()));
    values.put(
        ":k0", typedValue(table, partition.getKey(), bind(vars, "$v0", partition.getValue())));
    String condition = "#k0 = :k0" + sortCondition(route, table, keys, vars, names, values);
    List<String> fields = new ArrayList<>();
    fields.add("\"TableName\": " + Vtl.json(table.tableName()));
    if (route.index() != null) {
      fields.add("\"IndexName\": " + Vtl.json(route.index()));
    }
    fields.add("\"KeyConditionExpression\": \"" + condition + "\"");
    projection(route, names).ifPresent(fields::add);
    fields.add("\"ExpressionAttributeNames\": " + jsonObject(names));
    fields.add("\"ExpressionAttributeValues\": " + jsonObject(values));
    fields.add("\"ConsistentRead\": " + route.consistentReadOrDefault());
    vars.append(Paging.variables(route));
    fields.add("\"Limit\": $limit");
    fields.add("\"ScanIndexForward\": #if($order == 'desc')false#{else}true#end");
    String body = "{\n  " + String.join(",\n  ", fields);
    return vars + body + Paging.exclusiveStartKey(table, keys) + "\n}\n";
  }

  private static String sortCondition(
      RouteSpec route,
      TableSpec table,
      List<KeySchemaElement> keys,
      StringBuilder vars,
      Map<String, String> names,
      Map<String, String> values) {
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
      values.put(":s" + i, typedValue(table, attribute, bind(vars, "$s" + i, source)));
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

  /** {@code ProjectionExpression} with {@code #pN} placeholders, registered in {@code names}. */
  private static Optional<String> projection(RouteSpec route, Map<String, String> names) {
    if (route.projection() == null) {
      return Optional.empty();
    }
    List<String> placeholders = new ArrayList<>();
    for (int i = 0; i < route.projection().size(); i++) {
      names.put("#p" + i, Vtl.json(route.projection().get(i)));
      placeholders.add("#p" + i);
    }
    return Optional.of("\"ProjectionExpression\": \"" + String.join(", ", placeholders) + "\"");
  }

  /**
   * Reads one request value into {@code var}. Headers are looked up as declared and, failing that,
   * in lower case, the spelling HTTP/2 clients send. The specific map is read rather than {@code
   * $input.params('x')}, whose search order would let {@code ?X-Tenant=} shadow a header.
   */
  static String bind(StringBuilder vars, String var, RequestSource source) {
    String map =
        switch (source.location()) {
          case path -> "path";
          case query -> "querystring";
          case header -> "header";
        };
    vars.append("#set(").append(var).append(" = \"$!p.").append(map).append(".get('");
    vars.append(source.name()).append("')\")\n");
    String lower = source.name().toLowerCase(java.util.Locale.ROOT);
    if (map.equals("header") && !lower.equals(source.name())) {
      vars.append("#if(").append(var).append(" == '')#set(").append(var).append(" = \"$!p.header");
      vars.append(".get('").append(lower).append("')\")#end\n");
    }
    return var;
  }

  /** {@code {"S": "..."}} with the key's declared type; numbers and binaries travel as strings. */
  static String typedValue(TableSpec table, String attribute, String var) {
    AttributeType type = table.typeOf(attribute).orElseThrow();
    return "{\"" + type + "\": \"" + Vtl.escaped(var) + "\"}";
  }

  /** A JSON object whose keys are this class's own placeholders ({@code #k0}, {@code :s1}). */
  private static String jsonObject(Map<String, String> members) {
    List<String> out = new ArrayList<>();
    members.forEach((k, v) -> out.add("\"" + k + "\": " + v));
    return "{" + String.join(", ", out) + "}";
  }
}
