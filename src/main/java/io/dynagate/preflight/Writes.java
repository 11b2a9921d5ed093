package io.dynagate.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynagate.declaration.RouteSpec;
import io.dynagate.declaration.RouteSpec.Action;
import io.dynagate.declaration.TableSpec.KeySchemaElement;
import io.dynagate.declaration.ValueType;
import io.dynagate.preflight.PreflightReport.Request;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What write probes share: a key new to the shadow, the body a write sends (the declared
 * attributes, with hostile values), an item set up beforehand, and what the table should hold
 * after.
 */
final class Writes {

  /** The version an item set up for a versioned route holds, sent back in {@code If-Match}. */
  static final String VERSION = "1";

  private static final List<String> SERVER_SET = List.of("createdAt", "updatedAt");

  private Writes() {}

  static boolean applies(RouteCase route) {
    return route.spec().actionOrDefault().writes();
  }

  static boolean hasBody(RouteCase route) {
    Action action = route.spec().actionOrDefault();
    return action == Action.PutItem || action == Action.UpdateItem;
  }

  /** A key no item holds yet: unique to this run and route. */
  static Map<String, JsonNode> freshKey(RouteCase route, String nonce) {
    Map<String, JsonNode> key = new LinkedHashMap<>();
    String tag = nonce + "-" + route.name();
    for (KeySchemaElement k : route.fixture().table().keySchema()) {
      String name = k.attributeName();
      key.put(
          name,
          switch (route.fixture().type(name)) {
            case S -> SyntheticValues.string("pf-write-" + tag + "-" + name);
            case N ->
                SyntheticValues.number(
                    new BigInteger(nonce, 36) + "" + Math.floorMod(tag.hashCode(), 1000));
            case B -> SyntheticValues.binary(tag.getBytes(StandardCharsets.UTF_8));
          });
    }
    return key;
  }

  /** The attributes a body may write: declared, not the key, version or server-set ones. */
  static Map<String, JsonNode> bodyAttributes(RouteCase route, boolean hostile) {
    Map<String, ValueType> schema = route.fixture().table().attributeSchema();
    Map<String, JsonNode> out = new TreeMap<>();
    if (schema == null) {
      return out;
    }
    int seed = 0;
    for (var declared : new TreeMap<>(schema).entrySet()) {
      String name = declared.getKey();
      if (!serverSet(route.spec(), name) && !isKey(route, name)) {
        out.put(name, SyntheticValues.of(declared.getValue(), hostile, seed++));
      }
    }
    return out;
  }

  /** An item under {@code key} with plain values (and the version, for a versioned route). */
  static JsonNode setUp(RouteCase route, Map<String, JsonNode> key, Probing on) {
    ObjectNode item = SyntheticValues.NODES.objectNode();
    bodyAttributes(route, false).forEach(item::set);
    key.forEach(item::set);
    if (route.spec().versionAttribute() != null) {
      item.set(route.spec().versionAttribute(), SyntheticValues.number(VERSION));
    }
    on.put(route.fixture().table().tableName(), item);
    return item;
  }

  /** A write request for {@code key}, with a body when the action takes one. */
  static Request request(RouteCase route, Map<String, JsonNode> key, Map<String, JsonNode> body) {
    Request request = route.getItem(key);
    if (route.spec().versionAttribute() != null) {
      request = request.withHeader("If-Match", VERSION);
    }
    return hasBody(route) ? request.withBody(plainObject(body).toString()) : request;
  }

  /** Why the stored item is not {@code expected}, server-set attributes aside, if it is not. */
  static Optional<String> stored(RouteCase route, JsonNode expected, Optional<JsonNode> stored) {
    if (stored.isEmpty()) {
      return Optional.of("the table holds no item under the key after the write");
    }
    return shape(route, expected, stored.get()).map(reason -> "stored item: " + reason);
  }

  /** Why a typed item, server-set attributes aside, differs from {@code expected}, if it does. */
  static Optional<String> shape(RouteCase route, JsonNode expected, JsonNode typed) {
    ObjectNode plain = plainObject(fields(typed));
    removeServerSet(route, plain);
    ObjectNode wanted = ((ObjectNode) expected).deepCopy();
    removeServerSet(route, wanted);
    List<String> names = new ArrayList<>();
    wanted.fieldNames().forEachRemaining(names::add);
    return PlainShape.mismatch(wanted, names, plain);
  }

  static void removeServerSet(RouteCase route, ObjectNode item) {
    SERVER_SET.forEach(item::remove);
    if (route.spec().versionAttribute() != null) {
      item.remove(route.spec().versionAttribute());
    }
  }

  private static boolean serverSet(RouteSpec spec, String name) {
    return name.equals(spec.versionAttribute())
        || (spec.timestampsOrDefault() && SERVER_SET.contains(name));
  }

  private static boolean isKey(RouteCase route, String name) {
    return route.fixture().table().keySchema().stream()
        .anyMatch(k -> k.attributeName().equals(name));
  }

  private static Map<String, JsonNode> fields(JsonNode item) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    item.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** Typed attributes as one plain JSON object, as a client sends it. */
  static ObjectNode plainObject(Map<String, JsonNode> typed) {
    ObjectNode out = SyntheticValues.NODES.objectNode();
    typed.forEach((name, value) -> out.set(name, plain(value)));
    return out;
  }

  static JsonNode plain(JsonNode typed) {
    var entry = typed.fields().next();
    JsonNode v = entry.getValue();
    return switch (entry.getKey()) {
      case "S", "B" -> v;
      case "N" -> SyntheticValues.NODES.numberNode(new BigDecimal(v.textValue()));
      case "BOOL" -> v;
      case "NULL" -> SyntheticValues.NODES.nullNode();
      case "SS", "BS" -> v;
      case "NS" -> {
        ArrayNode numbers = SyntheticValues.NODES.arrayNode();
        v.forEach(n -> numbers.add(new BigDecimal(n.textValue())));
        yield numbers;
      }
      case "L" -> {
        ArrayNode list = SyntheticValues.NODES.arrayNode();
        v.forEach(e -> list.add(plain(e)));
        yield list;
      }
      case "M" -> plainObject(fields(v));
      default -> throw new IllegalArgumentException("not a DynamoDB type: " + entry.getKey());
    };
  }
}
