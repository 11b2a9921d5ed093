package io.dynagate.declaration;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a spec record from JSON, reporting every unknown field and wrong type at once (Jackson
 * alone stops at the first), each with its JSON path.
 */
public final class SpecReader {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  private SpecReader() {}

  /** The spec, or the violations that stop it from being read. */
  public record Result<T>(T spec, List<Violation> violations) {
    public boolean ok() {
      return violations.isEmpty();
    }
  }

  public static <T extends Record> Result<T> read(JsonNode json, Class<T> type) {
    List<Violation> violations = new ArrayList<>();
    if (json == null || !json.isObject()) {
      violations.add(Violation.of("", "the body must be a JSON object"));
      return new Result<>(null, violations);
    }
    check(json, type, "", violations);
    if (!violations.isEmpty()) {
      return new Result<>(null, violations);
    }
    try {
      return new Result<>(MAPPER.treeToValue(json, type), List.of());
    } catch (Exception e) {
      // Jackson's message names Java types; the checks above make this path unlikely anyway.
      return new Result<>(null, List.of(Violation.of("", "cannot be read as a " + noun(type))));
    }
  }

  private static String noun(Class<?> type) {
    return type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
  }

  private static void check(JsonNode node, Type type, String path, List<Violation> out) {
    if (node == null || node.isNull()) {
      return;
    }
    checkPresent(node, type, path, out);
  }

  // A field may be left out or null; an element of a list or a value of a map may not.
  private static void checkElement(JsonNode node, Type type, String path, List<Violation> out) {
    if (node == null || node.isNull()) {
      out.add(Violation.of(path, "must not be null"));
      return;
    }
    checkPresent(node, type, path, out);
  }

  private static void checkPresent(JsonNode node, Type type, String path, List<Violation> out) {
    Class<?> raw = rawClass(type);
    if (raw == String.class) {
      expect(node.isTextual(), "a string", path, out);
    } else if (raw == Integer.class || raw == Long.class) {
      expect(node.isIntegralNumber() && node.canConvertToLong(), "an integer", path, out);
    } else if (raw == Double.class) {
      expect(node.isNumber(), "a number", path, out);
    } else if (raw == Boolean.class) {
      expect(node.isBoolean(), "true or false", path, out);
    } else if (raw.isEnum()) {
      checkEnum(node, raw, path, out);
    } else if (raw == ValueType.class) {
      checkValueType(node, path, out);
    } else if (raw == List.class) {
      if (expect(node.isArray(), "an array", path, out)) {
        Type element = typeArgument(type, 0);
        for (int i = 0; i < node.size(); i++) {
          checkElement(node.get(i), element, path + "[" + i + "]", out);
        }
      }
    } else if (raw == Map.class) {
      if (expect(node.isObject(), "an object", path, out)) {
        Type value = typeArgument(type, 1);
        node.fields()
            .forEachRemaining(e -> checkElement(e.getValue(), value, join(path, e.getKey()), out));
      }
    } else if (raw.isRecord()) {
      if (expect(node.isObject(), "an object", path, out)) {
        checkRecord(node, raw, path, out);
      }
    }
  }

  private static void checkRecord(JsonNode node, Class<?> type, String path, List<Violation> out) {
    Set<String> known = new HashSet<>();
    for (RecordComponent component : type.getRecordComponents()) {
      String name = jsonName(component);
      known.add(name);
      check(node.get(name), component.getGenericType(), join(path, name), out);
    }
    node.fieldNames()
        .forEachRemaining(
            name -> {
              if (!known.contains(name)) {
                out.add(Violation.of(join(path, name), "unknown field"));
              }
            });
  }

  private static void checkEnum(JsonNode node, Class<?> type, String path, List<Violation> out) {
    List<String> allowed = Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
    if (!node.isTextual() || !allowed.contains(node.asText())) {
      out.add(Violation.of(path, "must be one of " + String.join(", ", allowed)));
    }
  }

  private static void checkValueType(JsonNode node, String path, List<Violation> out) {
    try {
      ValueType.fromJson(MAPPER.convertValue(node, Object.class));
    } catch (IllegalArgumentException e) {
      out.add(Violation.of(path, e.getMessage()));
    }
  }

  private static boolean expect(boolean ok, String what, String path, List<Violation> out) {
    if (!ok) {
      out.add(Violation.of(path, "must be " + what));
    }
    return ok;
  }

  private static String jsonName(RecordComponent component) {
    // @JsonProperty is not a RECORD_COMPONENT annotation: Java propagates it to the accessor.
    JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
    return property != null ? property.value() : component.getName();
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static Class<?> rawClass(Type type) {
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    return (Class<?>) type;
  }

  private static Type typeArgument(Type type, int index) {
    return ((ParameterizedType) type).getActualTypeArguments()[index];
  }
}
