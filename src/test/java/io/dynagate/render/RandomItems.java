package io.dynagate.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.dynagate.declaration.ValueType;
import io.dynagate.declaration.ValueType.ListOf;
import io.dynagate.declaration.ValueType.MapOf;
import io.dynagate.declaration.ValueType.Scalar;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Random DynamoDB values with their plain-JSON view: {@code typed} is what DynamoDB answers, {@code
 * plain} what the response template must give.
 */
final class RandomItems {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final List<String> PIECES =
      List.of(
          "a",
          "Z",
          "0",
          " ",
          "'",
          "\"",
          "\\",
          "/",
          "\\'",
          "$",
          "#",
          "$x",
          "#set",
          "%",
          "{",
          "}",
          "[",
          "]",
          ",",
          ":",
          "\n",
          "\t",
          "\r",
          "\b",
          "\f",
          "\u0000",
          "\u0001",
          "\u001f",
          "\u007f",
          "é",
          "中文",
          "\u2028",
          "\uD83D\uDE00",
          "\uD83C\uDDEB\uD83C\uDDF7",
          "null",
          "true");
  private static final List<String> SCALARS =
      List.of("S", "N", "B", "BOOL", "NULL", "SS", "NS", "BS");

  private final Random random;

  RandomItems(long seed) {
    this.random = new Random(seed);
  }

  record Value(JsonNode typed, JsonNode plain) {}

  String string() {
    StringBuilder out = new StringBuilder();
    int length = random.nextInt(8);
    for (int i = 0; i < length; i++) {
      out.append(PIECES.get(random.nextInt(PIECES.size())));
    }
    return out.toString();
  }

  /** A number as DynamoDB answers it: no exponent, no leading or trailing zeros. */
  String number() {
    String integer =
        Long.toString(random.nextInt(3) == 0 ? random.nextLong() : random.nextInt(1000));
    if (random.nextBoolean()) {
      return integer;
    }
    String fraction = Integer.toString(1 + random.nextInt(9999)).replaceAll("0+$", "");
    String sign = random.nextBoolean() ? "-" : "";
    return sign + integer.replace("-", "") + "." + "0".repeat(random.nextInt(3)) + fraction;
  }

  /**
   * An item of {@code attributes} random attributes with lists and maps nested to {@code depth}.
   */
  Value item(int attributes, int depth) {
    ObjectNode typed = F.objectNode();
    ObjectNode plain = F.objectNode();
    for (int i = 0; i < attributes; i++) {
      String name = string() + i;
      Value v = any(depth);
      typed.set(name, v.typed());
      plain.set(name, v.plain());
    }
    return new Value(typed, plain);
  }

  Value any(int depth) {
    int choice = random.nextInt(depth > 0 ? SCALARS.size() + 2 : SCALARS.size());
    if (choice == SCALARS.size()) {
      return list(depth - 1, this::any);
    }
    if (choice == SCALARS.size() + 1) {
      return map(depth - 1);
    }
    return scalar(SCALARS.get(choice));
  }

  Value declared(ValueType type) {
    if (type instanceof ListOf list) {
      return list(0, d -> declared(list.element()));
    }
    if (type instanceof MapOf map) {
      Value value = map(0);
      ObjectNode typedFields = (ObjectNode) value.typed().get("M");
      map.fields()
          .forEach(
              (name, fieldType) -> {
                if (random.nextInt(4) > 0) {
                  Value field = declared(fieldType);
                  typedFields.set(name, field.typed());
                  ((ObjectNode) value.plain()).set(name, field.plain());
                }
              });
      return value;
    }
    String name = ((Scalar) type).name();
    return name.equals("L") || name.equals("M") ? any(2) : scalar(name);
  }

  private Value list(int depth, java.util.function.IntFunction<Value> element) {
    ArrayNode typed = F.arrayNode();
    ArrayNode plain = F.arrayNode();
    int size = random.nextInt(4);
    for (int i = 0; i < size; i++) {
      Value v = element.apply(depth);
      typed.add(v.typed());
      plain.add(v.plain());
    }
    return new Value(F.objectNode().set("L", typed), plain);
  }

  private Value map(int depth) {
    ObjectNode typed = F.objectNode();
    ObjectNode plain = F.objectNode();
    int size = random.nextInt(4);
    for (int i = 0; i < size; i++) {
      String name = "f" + i + string();
      Value v = any(depth);
      typed.set(name, v.typed());
      plain.set(name, v.plain());
    }
    return new Value(F.objectNode().set("M", typed), plain);
  }

  private Value scalar(String type) {
    return switch (type) {
      case "S" -> {
        JsonNode text = F.textNode(string());
        yield new Value(F.objectNode().set("S", text), text);
      }
      case "N" -> numberValue();
      case "B" -> binary();
      case "BOOL" -> {
        boolean b = random.nextBoolean();
        yield new Value(F.objectNode().put("BOOL", b), F.booleanNode(b));
      }
      case "NULL" -> new Value(F.objectNode().put("NULL", true), F.nullNode());
      default -> set(type);
    };
  }

  private Value numberValue() {
    String n = number();
    return new Value(F.objectNode().put("N", n), F.rawValueNode(new RawValue(n)));
  }

  private Value binary() {
    byte[] bytes = new byte[1 + random.nextInt(12)];
    random.nextBytes(bytes);
    String b64 = Base64.getEncoder().encodeToString(bytes);
    return new Value(F.objectNode().put("B", b64), F.textNode(b64));
  }

  private Value set(String type) {
    Set<String> members = new LinkedHashSet<>();
    int size = 1 + random.nextInt(4);
    while (members.size() < size) {
      members.add(
          switch (type) {
            case "SS" -> string() + members.size();
            case "NS" -> number();
            default -> Base64.getEncoder().encodeToString(string().concat("x").getBytes());
          });
    }
    ArrayNode typed = F.arrayNode();
    ArrayNode plain = F.arrayNode();
    for (String m : members) {
      typed.add(m);
      plain.add(type.equals("NS") ? F.rawValueNode(new RawValue(m)) : F.textNode(m));
    }
    return new Value(F.objectNode().set(type, typed), plain);
  }
}
