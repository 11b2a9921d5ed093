package io.dynagate.render;

import io.dynagate.declaration.RequestSource;
import io.dynagate.declaration.RouteRules;
import io.dynagate.declaration.RouteSpec;
import io.dynagate.declaration.RouteSpec.Mode;
import io.dynagate.declaration.TableSpec;
import io.dynagate.declaration.TableSpec.KeySchemaElement;
import io.dynagate.declaration.ValueType;
import io.dynagate.declaration.WriteRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Integration request templates of write routes: PutItem, UpdateItem and DeleteItem from a plain
 * JSON body. The key always comes from the request (path, query or header); a body that names a key
 * attribute with another value empties the key, which DynamoDB refuses (400). Attribute names reach
 * expressions only as placeholders ({@code #a0}), values only as {@code :a0}.
 */
final class WriteVtl {

  /** Lists and maps of undeclared content are written this many levels deep (the model's bound). */
  static final int GENERIC_DEPTH = 6;

  private final RouteSpec route;
  private final TableSpec table;
  private final StringBuilder bindings = new StringBuilder("#set($p = $input.params())\n");
  private final Map<String, String> keyVars = new LinkedHashMap<>();

  private WriteVtl(RouteSpec route, TableSpec table, boolean body) {
    this.route = route;
    this.table = table;
    if (body) {
      bindings.append("#set($body = $input.path('$'))\n");
    }
    for (var source : RouteRules.keySources(route, table.keySchema()).entrySet()) {
      String var = "$v" + keyVars.size();
      bindings.append(RequestVtl.binding(var, source.getValue()));
      if (body) {
        String name = Vtl.string(source.getKey());
        bindings.append(
            "#if($body.containsKey(%s) && \"$body.get(%s)\" != %s)#set(%s = '')#end\n"
                .formatted(name, name, var, var));
      }
      keyVars.put(source.getKey(), var);
    }
  }

  /**
   * The table's AttributeSchema without its key attributes (a key is never written from a body).
   */
  static Map<String, ValueType> declaredAttributes(TableSpec table) {
    Map<String, ValueType> declared = new TreeMap<>();
    if (table.attributeSchema() != null) {
      declared.putAll(table.attributeSchema());
    }
    table.keySchema().forEach(k -> declared.remove(k.attributeName()));
    return declared;
  }

  static String putItem(RouteSpec route, TableSpec table) {
    return new WriteVtl(route, table, true).putItem();
  }

  static String updateItem(RouteSpec route, TableSpec table) {
    return new WriteVtl(route, table, true).updateItem();
  }

  static String deleteItem(RouteSpec route, TableSpec table) {
    return new WriteVtl(route, table, false).deleteItem();
  }

  private String putItem() {
    List<String> fields = new ArrayList<>();
    fields.add("\"TableName\": " + Vtl.json(table.tableName()));
    StringBuilder item = new StringBuilder("{").append(String.join(", ", keyMembers()));
    Map<String, ValueType> attributes = writable();
    attributes.forEach(
        (name, type) ->
            item.append("#if($body.containsKey(")
                .append(Vtl.string(name))
                .append(")), ")
                .append(Vtl.json(name))
                .append(": #set($w = $body.get(")
                .append(Vtl.string(name))
                .append("))")
                .append(TypedVtl.typed(type, "$w", 1, route.allowUndeclaredOrDefault()))
                .append("#end"));
    if (route.allowUndeclaredOrDefault()) {
      bindings.append("#set($sep = ', ')\n");
      item.append(TypedVtl.undeclared("$body", known(), 0, "$sep"));
    }
    if (route.timestampsOrDefault()) {
      for (String name : List.of(WriteRules.CREATED_AT, WriteRules.UPDATED_AT)) {
        item.append(", ").append(Vtl.json(name)).append(": {\"N\": \"$context.requestTimeEpoch\"}");
      }
    }
    fields.add("\"Item\": " + item.append('}'));
    Mode mode = route.modeOrDefault();
    if (mode == Mode.upsert) {
      // the old item, if any, tells a creation (201) from a replacement (200)
      fields.add("\"ReturnValues\": \"ALL_OLD\"");
    } else {
      String condition = mode == Mode.create ? "attribute_not_exists" : "attribute_exists";
      fields.add("\"ConditionExpression\": \"" + condition + "(#k0)\"");
      fields.add("\"ExpressionAttributeNames\": {\"#k0\": " + Vtl.json(hashKey()) + "}");
    }
    return bindings + "{\n  " + String.join(",\n  ", fields) + "\n}\n";
  }

  /** The parts of an UpdateItem request that grow attribute by attribute. */
  private record Clauses(
      StringBuilder set, StringBuilder remove, List<String> names, StringBuilder typedValues) {}

  private String updateItem() {
    Clauses clauses =
        new Clauses(
            new StringBuilder("#set($sep = 'SET ')"),
            new StringBuilder("#set($sep = ' REMOVE ')"),
            new ArrayList<>(List.of("\"#k0\": " + Vtl.json(hashKey()))),
            new StringBuilder("#set($sep = '')"));
    int declared = 0;
    for (var attribute : writable().entrySet()) {
      updateDeclared(declared++, attribute.getKey(), attribute.getValue(), clauses);
    }
    if (route.allowUndeclaredOrDefault()) {
      updateUndeclared(clauses);
    }
    List<String> values = new ArrayList<>();
    String condition = "attribute_exists(#k0)";
    if (route.timestampsOrDefault()) {
      clauses.set().append("$sep#ua = :now, #ca = if_not_exists(#ca, :now)#set($sep = ', ')");
      clauses.names().add(",\"#ca\": " + Vtl.json(WriteRules.CREATED_AT));
      clauses.names().add(",\"#ua\": " + Vtl.json(WriteRules.UPDATED_AT));
      values.add("\":now\": {\"N\": \"$context.requestTimeEpoch\"}");
    }
    if (route.versionAttribute() != null) {
      bindVersion(true);
      clauses.set().append("$sep#ver = #ver + :one#set($sep = ', ')");
      condition += " AND #ver = :vexp";
      clauses.names().add(",\"#ver\": " + Vtl.json(route.versionAttribute()));
      values.add("\":vexp\": {\"N\": \"" + Vtl.escaped("$ver") + "\"}");
      values.add("\":one\": {\"N\": \"1\"}");
    }
    List<String> fields = new ArrayList<>();
    fields.add("\"TableName\": " + Vtl.json(table.tableName()));
    fields.add("\"Key\": {" + String.join(", ", keyMembers()) + "}");
    fields.add("\"UpdateExpression\": \"" + clauses.set() + clauses.remove() + "\"");
    fields.add("\"ConditionExpression\": \"" + condition + "\"");
    fields.add("\"ExpressionAttributeNames\": {" + String.join("", clauses.names()) + "}");
    fields.add("\"ReturnValues\": \"ALL_NEW\"");
    String valuesField = valuesField(clauses.typedValues(), String.join(", ", values), declared);
    return bindings + "{\n  " + valuesField + "\n  " + String.join(",\n  ", fields) + "\n}\n";
  }

  /**
   * One declared attribute: {@code $sN} is {@code 's'} when the body sets it, {@code 'r'} when it
   * removes it ({@code null}, where allowed), empty when the body does not name it.
   */
  private void updateDeclared(int i, String attribute, ValueType type, Clauses clauses) {
    String state = "$s" + i;
    String name = Vtl.string(attribute);
    bindings.append("#set(%s = '')#if($body.containsKey(%s))".formatted(state, name));
    bindings.append("#set($w = $body.get(%s))".formatted(name));
    if (route.allowRemoveOrDefault()) {
      bindings.append(
          "#if(%s)#set(%s = 'r')#{else}#set(%s = 's')#end#end\n"
              .formatted(TypedVtl.isNull("$w"), state, state));
    } else {
      bindings.append("#set(%s = 's')#end\n".formatted(state));
    }
    clauses
        .set()
        .append("#if(%s == 's')$sep#a%d = :a%d#set($sep = ', ')#end".formatted(state, i, i));
    clauses.remove().append("#if(%s == 'r')$sep#a%d#set($sep = ', ')#end".formatted(state, i));
    clauses.names().add("#if(%s != ''),\"#a%d\": %s#end".formatted(state, i, Vtl.json(attribute)));
    clauses
        .typedValues()
        .append(
            "#if(%s == 's')$sep\":a%d\": #set($w = $body.get(%s))%s#set($sep = ', ')#end"
                .formatted(
                    state,
                    i,
                    name,
                    TypedVtl.typed(type, "$w", 1, route.allowUndeclaredOrDefault())));
  }

  /**
   * {@code ExpressionAttributeValues}. DynamoDB refuses it empty: with no server-set value, it is
   * written only when some declared attribute is set.
   */
  private String valuesField(StringBuilder typedValues, String fixed, int declared) {
    String field =
        "\"ExpressionAttributeValues\": {"
            + typedValues
            + (fixed.isEmpty() ? "" : "$sep" + fixed)
            + "},";
    bindings.append("#set($anySet = false)");
    for (int j = 0; j < declared; j++) {
      bindings.append("#if($s%d == 's')#set($anySet = true)#end".formatted(j));
    }
    bindings.append('\n');
    return fixed.isEmpty() && !route.allowUndeclaredOrDefault()
        ? "#if($anySet)" + field + "#end"
        : field;
  }

  /** Undeclared members of the body: set, or removed when {@code null} and the route allows it. */
  private void updateUndeclared(Clauses clauses) {
    bindings.append("#set($known = ").append(TypedVtl.list(known())).append(")\n");
    String each = "#foreach($u in $body.keySet())#if(!$known.contains($u))#set($w = $body.get($u))";
    String removes = route.allowRemoveOrDefault() ? TypedVtl.isNull("$w") : "false";
    clauses
        .set()
        .append(each)
        .append("#if(!(" + removes + "))$sep#u$foreach.index = :u$foreach.index")
        .append("#set($sep = ', ')#end#end#end");
    clauses
        .remove()
        .append(each)
        .append("#if(" + removes + ")$sep#u$foreach.index#set($sep = ', ')#end#end#end");
    clauses.names().add(each + ",\"#u$foreach.index\": \"" + Vtl.escaped("$u") + "\"#end#end");
    clauses
        .typedValues()
        .append(each)
        .append("#if(!(" + removes + "))$sep\":u$foreach.index\": ")
        .append(TypedVtl.generic("$w", 1, GENERIC_DEPTH))
        .append("#set($sep = ', ')#end#end#end");
  }

  private String deleteItem() {
    List<String> fields = new ArrayList<>();
    fields.add("\"TableName\": " + Vtl.json(table.tableName()));
    fields.add("\"Key\": {" + String.join(", ", keyMembers()) + "}");
    // the old item tells a deletion (204) from an absent item (404)
    fields.add("\"ReturnValues\": \"ALL_OLD\"");
    String version = "";
    if (route.versionAttribute() != null) {
      bindVersion(false);
      version =
          "#if($ver != ''),\n  \"ConditionExpression\": \"#ver = :vexp\",\n"
              + "  \"ExpressionAttributeNames\": {\"#ver\": "
              + Vtl.json(route.versionAttribute())
              + "},\n  \"ExpressionAttributeValues\": {\":vexp\": {\"N\": \""
              + Vtl.escaped("$ver")
              + "\"}}#end";
    }
    return bindings + "{\n  " + String.join(",\n  ", fields) + version + "\n}\n";
  }

  /**
   * {@code $ver}: the version the caller read, from {@code If-Match} (an entity tag, quotes and
   * weak prefix dropped) or, when the route has a body, from the body's version attribute.
   */
  private void bindVersion(boolean fromBody) {
    bindings.append(
        RequestVtl.binding("$ver", new RequestSource(RequestSource.Location.header, "If-Match")));
    bindings.append("#set($ver = $ver.replace('W/', '').replace('\"', ''))\n");
    if (fromBody) {
      String name = Vtl.string(route.versionAttribute());
      bindings.append(
          "#if($ver == '' && $body.containsKey(%s))#set($ver = \"$body.get(%s)\")#end\n"
              .formatted(name, name));
    }
  }

  /** Typed key members, {@code "userId": {"S": "..."}}. */
  private List<String> keyMembers() {
    List<String> members = new ArrayList<>();
    keyVars.forEach(
        (name, var) -> {
          String type = table.typeOf(name).orElseThrow().name();
          members.add(Vtl.json(name) + ": {\"" + type + "\": \"" + Vtl.escaped(var) + "\"}");
        });
    return members;
  }

  /** Declared attributes a body may write: not the key, version or server-set ones. */
  private Map<String, ValueType> writable() {
    Map<String, ValueType> out = declaredAttributes(table);
    if (route.versionAttribute() != null) {
      out.remove(route.versionAttribute());
    }
    if (route.timestampsOrDefault()) {
      out.remove(WriteRules.CREATED_AT);
      out.remove(WriteRules.UPDATED_AT);
    }
    return out;
  }

  /** Every name the body may carry that is not written as an undeclared attribute. */
  private List<String> known() {
    List<String> names = new ArrayList<>(declaredAttributes(table).keySet());
    table.keySchema().stream().map(KeySchemaElement::attributeName).forEach(names::add);
    if (route.versionAttribute() != null) {
      names.add(route.versionAttribute());
    }
    if (route.timestampsOrDefault()) {
      names.add(WriteRules.CREATED_AT);
      names.add(WriteRules.UPDATED_AT);
    }
    return names;
  }

  private String hashKey() {
    return table.keySchema().stream()
        .filter(k -> k.keyType() == io.dynagate.declaration.KeyType.HASH)
        .findFirst()
        .orElseThrow()
        .attributeName();
  }
}
