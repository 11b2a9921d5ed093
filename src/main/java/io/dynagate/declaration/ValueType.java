package io.dynagate.declaration;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The declared type of a non-key attribute (the table's {@code AttributeSchema}), which drives the
 * plain-JSON response mapping. In JSON: a DynamoDB type name ({@code "S"}, {@code "N"}, {@code
 * "BOOL"}, {@code "NULL"}, {@code "SS"}, {@code "NS"}, {@code "BS"}, {@code "B"}, and {@code "L"}
 * or {@code "M"} for undeclared content), {@code {"L": TYPE}} for a list of TYPE, or {@code {"M":
 * {"field": TYPE, ...}}} for a map with declared fields.
 */
public sealed interface ValueType {

  Set<String> SCALARS = Set.of("S", "N", "B", "BOOL", "NULL", "SS", "NS", "BS", "L", "M");

  /**
   * A DynamoDB type without declared content ({@code L} and {@code M} fall back to generic
   * mapping).
   */
  record Scalar(String name) implements ValueType {
    public Scalar {
      if (!SCALARS.contains(name)) {
        throw new IllegalArgumentException(
            "unknown type " + name + "; expected one of " + new TreeSet<>(SCALARS));
      }
    }

    @Override
    public Object toJson() {
      return name;
    }
  }

  /** A list whose elements all have one declared type. */
  record ListOf(ValueType element) implements ValueType {
    @Override
    public Object toJson() {
      return Map.of("L", element.toJson());
    }
  }

  /** A map with declared fields (undeclared fields use the generic mapping). */
  record MapOf(Map<String, ValueType> fields) implements ValueType {
    public MapOf {
      fields = Map.copyOf(fields);
    }

    @Override
    public Object toJson() {
      Map<String, Object> out = new TreeMap<>();
      fields.forEach((k, v) -> out.put(k, v.toJson()));
      return Map.of("M", out);
    }
  }

  @JsonValue
  Object toJson();

  @JsonCreator
  @SuppressWarnings("unchecked")
  static ValueType fromJson(Object json) {
    if (json instanceof String name) {
      return new Scalar(name);
    }
    if (json instanceof Map<?, ?> map && map.size() == 1) {
      Object list = map.get("L");
      if (list != null) {
        return new ListOf(fromJson(list));
      }
      Object fields = map.get("M");
      if (fields instanceof Map<?, ?> declared) {
        Map<String, ValueType> out = new LinkedHashMap<>();
        ((Map<String, Object>) declared).forEach((k, v) -> out.put(k, fromJson(v)));
        return new MapOf(out);
      }
    }
    throw new IllegalArgumentException(
        "expected a type name such as \"S\", {\"L\": TYPE} or {\"M\": {\"field\": TYPE}}");
  }
}
