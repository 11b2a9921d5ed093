package io.dynagate.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Does an answer hold an item as plain JSON ({@code {"userId":"u1","age":42}})? Numbers compare by
 * value (DynamoDB may write {@code 1E-130} another way), sets in any order.
 */
final class PlainShape {

  private PlainShape() {}

  /** Why {@code plain} is not the typed {@code item} restricted to {@code names}, if it is not. */
  static Optional<String> mismatch(JsonNode item, Collection<String> names, JsonNode plain) {
    if (plain == null || !plain.isObject()) {
      return Optional.of("expected a JSON object, got " + brief(plain));
    }
    TreeSet<String> expected = new TreeSet<>(names);
    TreeSet<String> actual = new TreeSet<>();
    plain.fieldNames().forEachRemaining(actual::add);
    if (!expected.equals(actual)) {
      return Optional.of("attributes " + actual + " where " + expected + " were expected");
    }
    for (String name : expected) {
      Optional<String> wrong = value(name, item.get(name), plain.get(name));
      if (wrong.isPresent()) {
        return wrong;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> value(String path, JsonNode typed, JsonNode plain) {
    Map.Entry<String, JsonNode> entry = typed.fields().next();
    JsonNode v = entry.getValue();
    boolean equal =
        switch (entry.getKey()) {
          case "S", "B" -> plain.isTextual() && plain.textValue().equals(v.textValue());
          case "N" -> plain.isNumber() && same(plain.decimalValue(), new BigDecimal(v.textValue()));
          case "BOOL" -> plain.isBoolean() && plain.booleanValue() == v.booleanValue();
          case "NULL" -> plain.isNull();
          case "SS", "BS" -> plain.isArray() && texts(plain).equals(texts(v));
          case "NS" -> allNumbers(plain) && numbers(plain).equals(numbers(v));
          case "L" -> plain.isArray() && plain.size() == v.size();
          case "M" -> plain.isObject();
          default -> false;
        };
    if (!equal) {
      return Optional.of(path + ": expected " + brief(plain(typed)) + ", got " + brief(plain));
    }
    if (entry.getKey().equals("L")) {
      for (int i = 0; i < v.size(); i++) {
        Optional<String> wrong = value(path + "[" + i + "]", v.get(i), plain.get(i));
        if (wrong.isPresent()) {
          return wrong;
        }
      }
    }
    if (entry.getKey().equals("M")) {
      List<String> names = new ArrayList<>();
      v.fieldNames().forEachRemaining(names::add);
      return mismatch(v, names, plain).map(reason -> path + "." + reason);
    }
    return Optional.empty();
  }

  /** Does the answer hold this key value anywhere, as a string or a number equal to it? */
  static boolean holds(JsonNode answer, JsonNode typedKey) {
    Map.Entry<String, JsonNode> key = typedKey.fields().next();
    String text = key.getValue().textValue();
    if (answer == null) {
      return false;
    }
    if (answer.isContainerNode()) {
      for (Iterator<JsonNode> it = answer.elements(); it.hasNext(); ) {
        if (holds(it.next(), typedKey)) {
          return true;
        }
      }
      return false;
    }
    if (key.getKey().equals("N") && answer.isNumber()) {
      return same(answer.decimalValue(), new BigDecimal(text));
    }
    return answer.isTextual() && answer.textValue().equals(text);
  }

  private static boolean same(BigDecimal a, BigDecimal b) {
    return a.compareTo(b) == 0;
  }

  private static TreeSet<String> texts(JsonNode array) {
    TreeSet<String> out = new TreeSet<>();
    array.forEach(e -> out.add(e.isTextual() ? e.textValue() : e.toString()));
    return out;
  }

  private static boolean allNumbers(JsonNode array) {
    if (!array.isArray()) {
      return false;
    }
    for (JsonNode e : array) {
      if (!e.isNumber()) {
        return false;
      }
    }
    return true;
  }

  /** Plain numbers, or a typed set's number strings, compared by value. */
  private static TreeSet<BigDecimal> numbers(JsonNode array) {
    TreeSet<BigDecimal> out = new TreeSet<>();
    for (JsonNode e : array) {
      out.add(e.isNumber() ? e.decimalValue() : new BigDecimal(e.textValue()));
    }
    return out;
  }

  /** The plain JSON a typed value should become (for messages). */
  static String plain(JsonNode typed) {
    Map.Entry<String, JsonNode> entry = typed.fields().next();
    return switch (entry.getKey()) {
      case "S", "B" -> '"' + entry.getValue().textValue() + '"';
      case "N" -> entry.getValue().textValue();
      case "NULL" -> "null";
      case "NS" -> "[" + String.join(",", texts(entry.getValue())) + "]";
      default -> entry.getValue().toString();
    };
  }

  static String brief(Object value) {
    String text = String.valueOf(value);
    return text.length() <= 120 ? text : text.substring(0, 117) + "...";
  }
}
