package io.dynagate.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynagate.declaration.ValueType;
import java.util.Base64;
import java.util.List;

/**
 * Attribute values in DynamoDB's typed JSON, plain or built to break a template: quotes,
 * backslashes, VTL and JSON syntax, percent signs and slashes, unicode beyond the BMP, line breaks,
 * very long strings, numbers at the edges of DynamoDB's range, nesting.
 */
final class SyntheticValues {

  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** A string value that breaks templates that do not escape exactly as they should. */
  static final String HOSTILE =
      "O'Brien \"the\" back\\slash \\' \\u0041 #set($x = 1)${x} $util.toJson(x) {\"a\":1}"
          + " 100% /a/../b ?q=1&r=2 #frag ü 日本語 😀\ttab\nline </script>";

  /** A key value for the path or query string: the URL must carry it through intact. */
  static final String HOSTILE_KEY = "k'\"\\ #%/?&=+;,$x{} ü 日本 😀";

  /** A key value a header can carry (visible ASCII). */
  static final String HOSTILE_HEADER_KEY = "k'\"\\ #%/?&=+;,$x{}";

  /** Numbers at DynamoDB's edges: 38 digits of precision, magnitudes 1E-130 to 1E+126. */
  static final List<String> EDGE_NUMBERS =
      List.of(
          "-9.9999999999999999999999999999999999999E+125",
          "-0.000000000000000000000000000000000000000001",
          "1E-130",
          "12345678901234567890123456789012345678",
          "9.9999999999999999999999999999999999999E+125");

  private SyntheticValues() {}

  static JsonNode typed(String type, JsonNode value) {
    return NODES.objectNode().set(type, value);
  }

  static JsonNode string(String text) {
    return typed("S", NODES.textNode(text));
  }

  static JsonNode number(String text) {
    return typed("N", NODES.textNode(text));
  }

  static JsonNode binary(byte... bytes) {
    return typed("B", NODES.textNode(Base64.getEncoder().encodeToString(bytes)));
  }

  /** A value of the declared type; {@code seed} keeps sibling values apart. */
  static JsonNode of(ValueType type, boolean hostile, int seed) {
    if (type instanceof ValueType.ListOf list) {
      ArrayNode elements = NODES.arrayNode();
      elements.add(of(list.element(), hostile, seed));
      elements.add(of(list.element(), hostile, seed + 1));
      return typed("L", elements);
    }
    if (type instanceof ValueType.MapOf map) {
      ObjectNode fields = NODES.objectNode();
      map.fields().forEach((name, t) -> fields.set(name, of(t, hostile, seed + name.length())));
      return typed("M", fields);
    }
    return scalar(((ValueType.Scalar) type).name(), hostile, seed);
  }

  private static JsonNode scalar(String name, boolean hostile, int seed) {
    return switch (name) {
      case "S" -> string(hostile ? HOSTILE + seed : "plain " + seed);
      case "N" -> number(hostile ? EDGE_NUMBERS.get(seed % EDGE_NUMBERS.size()) : "" + seed);
      case "B" -> hostile ? binary((byte) 0, (byte) 0xff, (byte) '/', (byte) seed) : binary(1, 2);
      case "BOOL" -> typed("BOOL", NODES.booleanNode(!hostile));
      case "NULL" -> typed("NULL", NODES.booleanNode(true));
      case "SS" -> set("SS", hostile ? List.of(HOSTILE, "'", "\\") : List.of("a", "b"));
      case "NS" -> set("NS", hostile ? List.of("1E-130", EDGE_NUMBERS.get(4)) : List.of("1", "2"));
      case "BS" -> set("BS", List.of("AAE=", hostile ? "/+8=" : "AQI="));
      case "L", "M" -> generic(hostile, 0);
      default -> throw new IllegalArgumentException("no synthetic value for " + name);
    };
  }

  private static JsonNode binary(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return binary(bytes);
  }

  private static JsonNode set(String type, List<String> members) {
    ArrayNode array = NODES.arrayNode();
    members.forEach(array::add);
    return typed(type, array);
  }

  /**
   * Undeclared nested content, three levels deep: the generated templates expand undeclared lists
   * and maps to a fixed depth (beyond it they write null), which this stays within.
   */
  static JsonNode generic(boolean hostile, int depth) {
    if (depth > 0) {
      return scalar("S", hostile, depth);
    }
    ArrayNode list = NODES.arrayNode();
    list.add(scalar("S", hostile, 1));
    list.add(scalar("N", hostile, 3));
    list.add(typed("M", NODES.objectNode().set("deep", generic(hostile, depth + 1))));
    ObjectNode map = NODES.objectNode();
    map.set("s", scalar("S", hostile, 2));
    map.set("n", scalar("N", hostile, 4));
    map.set("b", scalar("BOOL", hostile, 0));
    map.set("z", scalar("NULL", hostile, 0));
    map.set("l", typed("L", list));
    return typed("M", map);
  }

  /** A string of about {@code length} characters made of hostile text. */
  static JsonNode longString(int length) {
    StringBuilder text = new StringBuilder(length + HOSTILE.length());
    while (text.length() < length) {
      text.append(HOSTILE);
    }
    return string(text.toString());
  }
}
