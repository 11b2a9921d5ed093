package io.dynagate.render;

import io.dynagate.declaration.AttributeType;
import io.dynagate.declaration.KeyType;
import io.dynagate.declaration.RouteSpec;
import io.dynagate.declaration.RouteSpec.Action;
import io.dynagate.declaration.TableSpec;
import io.dynagate.declaration.TableSpec.KeySchemaElement;
import io.dynagate.declaration.ValueType;
import io.dynagate.declaration.ValueType.ListOf;
import io.dynagate.declaration.ValueType.MapOf;
import io.dynagate.declaration.ValueType.Scalar;
import io.dynagate.declaration.WriteRules;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The API Gateway model (JSON Schema draft 4) of a write route's body, so that API Gateway refuses
 * a body of the wrong shape before DynamoDB is called. It also bounds what the request template
 * must handle: collections of at most {@link #MAX_MEMBERS} (a VTL {@code #foreach} stops at 1,000)
 * and undeclared content nested at most {@link WriteVtl#GENERIC_DEPTH} deep.
 */
final class BodyModel {

  static final int MAX_MEMBERS = 1000;
  private static final String BASE64 =
      "^([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$";
  private static final int HASH_KEY_BYTES = 2048;
  private static final int RANGE_KEY_BYTES = 1024;

  private BodyModel() {}

  static Map<String, Object> of(RouteSpec route, TableSpec table, String title) {
    boolean update = route.actionOrDefault() == Action.UpdateItem;
    Map<String, Object> properties = new TreeMap<>();
    WriteVtl.declaredAttributes(table)
        .forEach(
            (name, type) -> {
              Map<String, Object> schema = value(type, route.allowUndeclaredOrDefault());
              if (update && route.allowRemoveOrDefault()) {
                schema = nullable(schema);
              }
              properties.put(name, schema);
            });
    for (KeySchemaElement key : table.keySchema()) {
      properties.put(key.attributeName(), key(table, key));
    }
    if (route.versionAttribute() != null) {
      properties.put(route.versionAttribute(), type("number"));
    }
    if (route.timestampsOrDefault()) {
      // set by the server: a body may not carry them
      properties.put(WriteRules.CREATED_AT, Map.of("not", Map.of()));
      properties.put(WriteRules.UPDATED_AT, Map.of("not", Map.of()));
    }
    Map<String, Object> model = object(properties, route.allowUndeclaredOrDefault());
    model.put("$schema", "http://json-schema.org/draft-04/schema#");
    model.put("title", title);
    return model;
  }

  /** A key attribute given in the body: its declared type, DynamoDB's key size limits. */
  private static Map<String, Object> key(TableSpec table, KeySchemaElement key) {
    AttributeType type = table.typeOf(key.attributeName()).orElseThrow();
    if (type == AttributeType.N) {
      return type("number");
    }
    Map<String, Object> schema = type("string");
    schema.put("minLength", 1);
    schema.put("maxLength", key.keyType() == KeyType.HASH ? HASH_KEY_BYTES : RANGE_KEY_BYTES);
    if (type == AttributeType.B) {
      schema.put("pattern", BASE64);
    }
    return schema;
  }

  static Map<String, Object> value(ValueType type, boolean allowUndeclared) {
    if (type instanceof ListOf list) {
      return array(value(list.element(), allowUndeclared), false);
    }
    if (type instanceof MapOf map) {
      Map<String, Object> properties = new TreeMap<>();
      map.fields().forEach((k, v) -> properties.put(k, value(v, allowUndeclared)));
      return object(properties, allowUndeclared);
    }
    return switch (((Scalar) type).name()) {
      case "S" -> type("string");
      case "N" -> type("number");
      case "B" -> base64();
      case "BOOL" -> type("boolean");
      case "NULL" -> type("null");
      case "SS" -> array(type("string"), true);
      case "NS" -> array(type("number"), true);
      case "BS" -> array(base64(), true);
      default -> generic(WriteVtl.GENERIC_DEPTH);
    };
  }

  /** The name of the shared model for any JSON value nested at most {@code depth} deep. */
  static String anyValueName(int depth) {
    return "AnyValue" + depth;
  }

  /**
   * The shared models a write route's model refers to for undeclared content: {@code AnyValueN},
   * any JSON value with lists and maps nested at most N deep. Each refers to the one below, so that
   * the definition grows linearly with the depth.
   */
  static Map<String, Object> anyValueModels() {
    Map<String, Object> models = new TreeMap<>();
    for (int depth = 0; depth <= WriteVtl.GENERIC_DEPTH; depth++) {
      Map<String, Object> any = new TreeMap<>();
      any.put("$schema", "http://json-schema.org/draft-04/schema#");
      any.put("title", anyValueName(depth));
      if (depth == 0) {
        any.put("type", List.of("string", "number", "boolean", "null"));
      } else {
        any.put("type", List.of("string", "number", "boolean", "null", "array", "object"));
        Map<String, Object> next = generic(depth - 1);
        any.put("items", next);
        any.put("maxItems", MAX_MEMBERS);
        any.put("additionalProperties", next);
        any.put("maxProperties", MAX_MEMBERS);
      }
      models.put(anyValueName(depth), any);
    }
    return models;
  }

  private static Map<String, Object> generic(int depth) {
    return Map.of("$ref", "#/components/schemas/" + anyValueName(depth));
  }

  private static Map<String, Object> object(Map<String, Object> properties, boolean open) {
    Map<String, Object> schema = type("object");
    schema.put("properties", properties);
    schema.put("additionalProperties", open ? generic(WriteVtl.GENERIC_DEPTH) : false);
    schema.put("maxProperties", MAX_MEMBERS);
    return schema;
  }

  /** A list, or a DynamoDB set: not empty, no duplicates. */
  private static Map<String, Object> array(Map<String, Object> items, boolean set) {
    Map<String, Object> schema = type("array");
    schema.put("items", items);
    schema.put("maxItems", MAX_MEMBERS);
    if (set) {
      schema.put("minItems", 1);
      schema.put("uniqueItems", true);
    }
    return schema;
  }

  private static Map<String, Object> base64() {
    Map<String, Object> schema = type("string");
    schema.put("pattern", BASE64);
    return schema;
  }

  private static Map<String, Object> nullable(Map<String, Object> schema) {
    Map<String, Object> out = new TreeMap<>(schema);
    Object type = schema.get("type");
    out.put("type", type instanceof String t ? List.of(t, "null") : type);
    return out;
  }

  private static Map<String, Object> type(String name) {
    Map<String, Object> schema = new TreeMap<>();
    schema.put("type", name);
    return schema;
  }
}
