package io.dynagate.emulator.vtl;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON text to the values templates navigate, and back. Objects become {@link LinkedHashMap}s
 * (which print Java-map style, {@code {a=b, c=d}}), arrays {@link JsonArray}s (which print as
 * JSON), {@code null} becomes {@link Absent}.
 */
final class JsonValues {

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .registerModule(
              new SimpleModule()
                  .addSerializer(
                      Absent.class,
                      new JsonSerializer<>() {
                        @Override
                        public void serialize(
                            Absent value, JsonGenerator gen, SerializerProvider serializers)
                            throws IOException {
                          gen.writeNull();
                        }
                      }));

  private JsonValues() {}

  /** Parses JSON text; throws {@link VtlException} when it is not JSON. */
  static Object parse(String text) {
    try {
      return navigable(MAPPER.readValue(text, Object.class));
    } catch (JsonProcessingException e) {
      throw new VtlException("not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Converts what Jackson produced into the template-facing types. Jackson's objects already are
   * {@link LinkedHashMap}s with text keys, fresh and unshared: their values are converted in place
   * rather than the whole document copied.
   */
  @SuppressWarnings("unchecked")
  private static Object navigable(Object value) {
    if (value == null) {
      return Absent.VALUE;
    }
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<String, Object> field : ((Map<String, Object>) map).entrySet()) {
        field.setValue(navigable(field.getValue()));
      }
      return map;
    }
    if (value instanceof List<?> list) {
      ((List<Object>) list).replaceAll(JsonValues::navigable);
      return new JsonArray(list);
    }
    return value;
  }

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new VtlException("cannot write JSON", e);
    }
  }
}
