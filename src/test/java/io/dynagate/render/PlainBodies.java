package io.dynagate.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynagate.declaration.ValueType;
import io.dynagate.declaration.ValueType.ListOf;
import io.dynagate.declaration.ValueType.MapOf;
import io.dynagate.declaration.ValueType.Scalar;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Random plain-JSON bodies for write routes, each with the DynamoDB item it must become: hostile
 * strings and names, numbers at DynamoDB's edges, sets, declared and undeclared nesting.
 */
final class PlainBodies {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final Set<String> SETS = Set.of("SS", "NS", "BS");
  private static final List<String> EDGE_NUMBERS =
      List.of(
          "0",
          "-1",
          "12345678901234567890123456789012345678",
          "-99999999999999999999999999999999999999",
          "9.9999999999999999999999999999999999999E+125",
          "1E-130",
          "-1E-130",
          "1E+125",
          "0.000001",
          "3.14159265358979323846264338327950288",
          "9223372036854775808",
          "-9223372036854775809",
          "2.5e3",
          "1.50");

  private final Random random;
  private final RandomItems strings;

  PlainBodies(long seed) {
    this.random = new Random(seed);
    this.strings = new RandomItems(seed * 31 + 7);
  }

  /** A body and its item. */
  record Body(ObjectNode plain, ObjectNode typed) {}

  /** Values for some of the declared attributes, and undeclared ones when asked for. */
  Body body(Map<String, ValueType> declared, boolean undeclared) {
    ObjectNode plain = F.objectNode();
    ObjectNode typed = F.objectNode();
    new TreeMap<>(declared)
        .forEach(
            (name, type) -> {
              if (random.nextInt(3) > 0) {
                JsonNode[] pair = declaredValue(type, 0);
                plain.set(name, pair[0]);
                typed.set(name, pair[1]);
              }
            });
    if (undeclared) {
      int count = random.nextInt(4);
      for (int i = 0; i < count; i++) {
        String name = strings.string() + "~" + i;
        if (declared.containsKey(name) || name.equals("userId")) {
          continue;
        }
        JsonNode[] pair = generic(random.nextInt(WriteVtl.GENERIC_DEPTH + 1));
        plain.set(name, pair[0]);
        typed.set(name, pair[1]);
      }
    }
    return new Body(plain, typed);
  }

  private JsonNode[] declaredValue(ValueType type, int level) {
    if (type instanceof ListOf list) {
      ArrayNode plain = F.arrayNode();
      ArrayNode typed = F.arrayNode();
      for (int i = random.nextInt(4); i > 0; i--) {
        JsonNode[] pair = declaredValue(list.element(), level + 1);
        plain.add(pair[0]);
        typed.add(pair[1]);
      }
      return new JsonNode[] {plain, F.objectNode().set("L", typed)};
    }
    if (type instanceof MapOf map) {
      ObjectNode plain = F.objectNode();
      ObjectNode typed = F.objectNode();
      new TreeMap<>(map.fields())
          .forEach(
              (name, fieldType) -> {
                if (random.nextBoolean()) {
                  JsonNode[] pair = declaredValue(fieldType, level + 1);
                  plain.set(name, pair[0]);
                  typed.set(name, pair[1]);
                }
              });
      return new JsonNode[] {plain, F.objectNode().set("M", typed)};
    }
    String name = ((Scalar) type).name();
    return switch (name) {
      case "S" -> scalar(F.textNode(strings.string()), "S");
      case "N" -> number();
      case "B" -> binary();
      case "BOOL" -> {
        boolean b = random.nextBoolean();
        yield new JsonNode[] {F.booleanNode(b), F.objectNode().put("BOOL", b)};
      }
      case "NULL" -> new JsonNode[] {F.nullNode(), F.objectNode().put("NULL", true)};
      case "SS", "BS", "NS" -> set(name);
      default -> generic(random.nextInt(WriteVtl.GENERIC_DEPTH + 1));
    };
  }

  /** Any JSON value with containers nested at most {@code depth} deep. */
  JsonNode[] generic(int depth) {
    int choice = random.nextInt(depth > 0 ? 7 : 5);
    return switch (choice) {
      case 0 -> scalar(F.textNode(strings.string()), "S");
      case 1 -> number();
      case 2 -> {
        boolean b = random.nextBoolean();
        yield new JsonNode[] {F.booleanNode(b), F.objectNode().put("BOOL", b)};
      }
      case 3 -> new JsonNode[] {F.nullNode(), F.objectNode().put("NULL", true)};
      case 4 -> scalar(F.textNode(strings.string()), "S");
      case 5 -> {
        ArrayNode plain = F.arrayNode();
        ArrayNode typed = F.arrayNode();
        for (int i = random.nextInt(4); i > 0; i--) {
          JsonNode[] pair = generic(depth - 1);
          plain.add(pair[0]);
          typed.add(pair[1]);
        }
        yield new JsonNode[] {plain, F.objectNode().set("L", typed)};
      }
      default -> {
        ObjectNode plain = F.objectNode();
        ObjectNode typed = F.objectNode();
        for (int i = random.nextInt(4); i > 0; i--) {
          String key = strings.string() + i;
          JsonNode[] pair = generic(depth - 1);
          plain.set(key, pair[0]);
          typed.set(key, pair[1]);
        }
        yield new JsonNode[] {plain, F.objectNode().set("M", typed)};
      }
    };
  }

  private JsonNode[] number() {
    String text =
        random.nextInt(3) == 0
            ? EDGE_NUMBERS.get(random.nextInt(EDGE_NUMBERS.size()))
            : strings.number();
    BigDecimal value = new BigDecimal(text);
    JsonNode plain =
        value.scale() <= 0 && !text.contains("E") && !text.contains("e")
            ? F.numberNode(new BigInteger(text))
            : F.numberNode(value);
    return new JsonNode[] {plain, F.objectNode().put("N", text)};
  }

  private JsonNode[] binary() {
    byte[] bytes = new byte[random.nextInt(6)];
    random.nextBytes(bytes);
    String text = Base64.getEncoder().encodeToString(bytes);
    return scalar(F.textNode(text), "B");
  }

  private JsonNode[] set(String type) {
    Set<String> members = new LinkedHashSet<>();
    for (int i = 1 + random.nextInt(4); i > 0; i--) {
      members.add(
          switch (type) {
            case "NS" -> new BigDecimal(strings.number()).toPlainString();
            case "BS" -> binary()[0].asText();
            default -> strings.string() + i;
          });
    }
    ArrayNode plain = F.arrayNode();
    ArrayNode typed = F.arrayNode();
    for (String member : members) {
      plain.add(type.equals("NS") ? F.numberNode(new BigDecimal(member)) : F.textNode(member));
      typed.add(member);
    }
    return new JsonNode[] {plain, F.objectNode().set(type, typed)};
  }

  private static JsonNode[] scalar(JsonNode plain, String type) {
    return new JsonNode[] {plain, F.objectNode().set(type, plain)};
  }

  /** The tree with numbers as plain decimals and sets sorted, for comparison. */
  static JsonNode normalised(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = F.objectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        JsonNode value = field.getValue();
        if (field.getKey().equals("N") && value.isTextual()) {
          out.put("N", decimal(value.asText()));
        } else if (SETS.contains(field.getKey()) && value.isArray()) {
          // DynamoDB keeps no order in a set
          java.util.TreeSet<String> members = new java.util.TreeSet<>();
          boolean numbers = field.getKey().equals("NS");
          value.forEach(m -> members.add(numbers ? decimal(m.asText()) : m.asText()));
          ArrayNode sorted = F.arrayNode();
          members.forEach(sorted::add);
          out.set(field.getKey(), sorted);
        } else {
          out.set(field.getKey(), normalised(value));
        }
      }
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = F.arrayNode();
      node.forEach(e -> out.add(normalised(e)));
      return out;
    }
    return node;
  }

  private static String decimal(String text) {
    try {
      BigDecimal value = new BigDecimal(text);
      return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    } catch (NumberFormatException e) {
      return "not a number: " + text;
    }
  }
}
