package io.dynagate.render;

import io.dynagate.declaration.KeyType;
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
  private final StringBuilder bindings = new StringBuilder("#set($p=$input.params())");
  private final Map<String, String> keyVars = new LinkedHashMap<>();

  private WriteVtl(RouteSpec route, TableSpec table, boolean body) {
    this.route = route;
    this.table = table;
    if (body) {
      bindings.append("#set($B=$input.path('$'))");
    }
    for (var source : RouteRules.keySources(route, table.keySchema()).entrySet()) {
      String var = "$v" + keyVars.size();
      bindings.append(RequestVtl.binding(var, source.getValue()));
      if (body) {
        String name = Vtl.string(source.getKey());
        bindings.append(
            "#if($B.containsKey(%s)&&\"$B.get(%s)\"!=%s)#set(%s='')#end"
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
    fields.add("\"TableName\":" + Vtl.json(table.tableName()));
    StringBuilder item = new StringBuilder("{").append(String.join(",", keyMembers()));
    item.append(TypedVtl.members("$B", types(), route.allowUndeclaredOrDefault(), 1));
    if (route.timestampsOrDefault()) {
      for (String name : List.of(WriteRules.CREATED_AT, WriteRules.UPDATED_AT)) {
        item.append(',').append(Vtl.json(name)).append(":{\"N\":\"$context.requestTimeEpoch\"}");
      }
    }
    fields.add("\"Item\":" + item.append('}'));
    Mode mode = route.modeOrDefault();
    if (mode == Mode.upsert) {
      // the old item, if any, tells a creation (201) from a replacement (200)
      fields.add("\"ReturnValues\":\"ALL_OLD\"");
    } else {
      String condition = mode == Mode.create ? "attribute_not_exists" : "attribute_exists";
      fields.add("\"ConditionExpression\":\"" + condition + "(#k0)\"");
      fields.add("\"ExpressionAttributeNames\":{\"#k0\":" + Vtl.json(hashKey()) + "}");
    }
    return bindings + "{" + String.join(",", fields) + "}";
  }

  /**
   * UpdateItem: the body's members sorted by {@link #sortMembers}, then the server-set ones.
   * Placeholders are numbered by the member's position in the body ({@code #a2 = :a2}).
   */
  private String updateItem() {
    sortMembers();
    // $z is the separator: 'SET ', then ', '; then ' REMOVE ', then ', '
    String set = "#set($z='SET ')#foreach($i in $S)$z#a$i = :a$i#set($z=', ')#end";
    List<String> serverSet = new ArrayList<>();
    List<String> names = new ArrayList<>(List.of("\"#k0\":" + Vtl.json(hashKey())));
    names.add("#foreach($i in $M.keySet()),\"#a$i\":\"" + Vtl.escaped("$M.get($i)") + "\"#end");
    List<String> values = new ArrayList<>();
    String condition = "attribute_exists(#k0)";
    if (route.timestampsOrDefault()) {
      serverSet.add("#ua = :now, #ca = if_not_exists(#ca, :now)");
      names.add(",\"#ca\":" + Vtl.json(WriteRules.CREATED_AT));
      names.add(",\"#ua\":" + Vtl.json(WriteRules.UPDATED_AT));
      values.add("\":now\":{\"N\":\"$context.requestTimeEpoch\"}");
    }
    if (route.versionAttribute() != null) {
      bindVersion(true);
      serverSet.add("#ver = #ver + :one");
      condition += " AND #ver = :vexp";
      names.add(",\"#ver\":" + Vtl.json(route.versionAttribute()));
      values.add("\":vexp\":{\"N\":\"" + Vtl.escaped("$E") + "\"}");
      values.add("\":one\":{\"N\":\"1\"}");
    }
    if (!serverSet.isEmpty()) {
      set += "$z" + String.join(", ", serverSet);
    }
    String remove =
        route.allowRemoveOrDefault()
            ? "#set($z=' REMOVE ')#foreach($i in $R)$z#a$i#set($z=', ')#end"
            : "";
    List<String> fields = new ArrayList<>();
    fields.add("\"TableName\":" + Vtl.json(table.tableName()));
    fields.add("\"Key\":{" + String.join(",", keyMembers()) + "}");
    fields.add("\"UpdateExpression\":\"" + set + remove + "\"");
    fields.add("\"ConditionExpression\":\"" + condition + "\"");
    fields.add("\"ExpressionAttributeNames\":{" + String.join("", names) + "}");
    fields.add("\"ReturnValues\":\"ALL_NEW\"");
    return bindings + "{" + valuesField(String.join(",", values)) + String.join(",", fields) + "}";
  }

  /**
   * One pass over the body: {@code $S} and {@code $R} get the positions of the members set and
   * removed ({@code null}, where allowed; without removal there is no {@code $R}), {@code $M} their
   * names, {@code $V} and {@code $T} the values to set and their declared types, for one walk to
   * write them.
   */
  private void sortMembers() {
    boolean removes = route.allowRemoveOrDefault();
    String set = "#set($o=$S.add($i))#set($o=$V.put(\":a$i\",$x))#set($o=$T.put(\":a$i\",$w))";
    bindings
        .append(removes ? "#set($S=[])#set($R=[])" : "#set($S=[])")
        .append("#set($M={})#set($V={})#set($T={})#set($D=")
        .append(types())
        .append(")#foreach($u in $B.keySet())#if($D.containsKey($u))#set($w=$D.get($u))")
        .append("#{else}#set($w=")
        .append(route.allowUndeclaredOrDefault() ? Walk.GENERIC : TypedVtl.SKIP)
        .append(")#end#if($w.get(0)!='-')#set($x=$B.get($u))#set($i=$foreach.index)")
        .append("#set($o=$M.put($i,$u))")
        // without removal a null is set as DynamoDB's NULL, like any other value
        .append(
            removes
                ? "#if(" + TypedVtl.isNull("$x") + ")#set($o=$R.add($i))#{else}" + set + "#end"
                : set)
        .append("#end#end");
  }

  /**
   * {@code ExpressionAttributeValues}: the body's values, then the server-set ones. DynamoDB
   * refuses it empty: with no server-set value, it is written only when the body sets something.
   */
  private String valuesField(String fixed) {
    String field =
        "\"ExpressionAttributeValues\":{"
            + TypedVtl.members("$V", "$T", false, 0)
            + (fixed.isEmpty() ? "" : "#if(!$V.isEmpty()),#end" + fixed)
            + "},";
    return fixed.isEmpty() && !route.allowUndeclaredOrDefault()
        ? "#if(!$V.isEmpty())" + field + "#end"
        : field;
  }

  /**
   * The declared types of the body's members as a VTL map: the writable attributes, and {@link
   * TypedVtl#SKIP} for the names a body may carry that are not written from it.
   */
  private String types() {
    Map<String, String> types = new TreeMap<>();
    known().forEach(name -> types.put(name, TypedVtl.SKIP));
    writable()
        .forEach(
            (name, type) -> types.put(name, Walk.type(type, route.allowUndeclaredOrDefault())));
    return Walk.map(types);
  }

  private String deleteItem() {
    List<String> fields = new ArrayList<>();
    fields.add("\"TableName\":" + Vtl.json(table.tableName()));
    fields.add("\"Key\":{" + String.join(",", keyMembers()) + "}");
    // the old item tells a deletion (204) from an absent item (404)
    fields.add("\"ReturnValues\":\"ALL_OLD\"");
    String version = "";
    if (route.versionAttribute() != null) {
      bindVersion(false);
      version =
          "#if($E!=''),\"ConditionExpression\":\"#ver = :vexp\","
              + "\"ExpressionAttributeNames\":{\"#ver\":"
              + Vtl.json(route.versionAttribute())
              + "},\"ExpressionAttributeValues\":{\":vexp\":{\"N\":\""
              + Vtl.escaped("$E")
              + "\"}}#end";
    }
    return bindings + "{" + String.join(",", fields) + version + "}";
  }

  /**
   * {@code $E}: the version the caller read, from {@code If-Match} (an entity tag, quotes and weak
   * prefix dropped) or, when the route has a body, from the body's version attribute.
   */
  private void bindVersion(boolean fromBody) {
    bindings.append(
        RequestVtl.binding("$E", new RequestSource(RequestSource.Location.header, "If-Match")));
    bindings.append("#set($E=$E.replace('W/','').replace('\"',''))");
    if (fromBody) {
      String name = Vtl.string(route.versionAttribute());
      bindings.append(
          "#if($E==''&&$B.containsKey(%s))#set($E=\"$B.get(%s)\")#end".formatted(name, name));
    }
  }

  /** Typed key members, {@code "userId":{"S":"..."}}. */
  private List<String> keyMembers() {
    List<String> members = new ArrayList<>();
    keyVars.forEach(
        (name, var) -> {
          String type = table.typeOf(name).orElseThrow().name();
          members.add(Vtl.json(name) + ":{\"" + type + "\":\"" + Vtl.escaped(var) + "\"}");
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
        .filter(k -> k.keyType() == KeyType.HASH)
        .findFirst()
        .orElseThrow()
        .attributeName();
  }
}
