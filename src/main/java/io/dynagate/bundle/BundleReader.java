package io.dynagate.bundle;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.dynagate.api.ApiException;
import io.dynagate.declaration.Violation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Reads and writes bundles as YAML (JSON being YAML, a JSON bundle reads the same). */
final class BundleReader {

  private static final ObjectMapper YAML =
      new ObjectMapper(
              new YAMLFactory()
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private BundleReader() {}

  static Bundle read(String text) {
    if (text == null || text.isBlank()) {
      throw ApiException.badRequest("the body is empty: send a bundle of tables and apis");
    }
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (Exception e) {
      throw ApiException.of(400, "Malformed bundle", "the body is neither YAML nor JSON");
    }
    List<Violation> violations = shape(root);
    if (!violations.isEmpty()) {
      throw ApiException.invalid(violations);
    }
    return YAML.convertValue(root, Bundle.class);
  }

  static String yaml(Object bundle) {
    try {
      return YAML.writeValueAsString(bundle);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The document's outline: only known keys, objects where objects belong. */
  private static List<Violation> shape(JsonNode root) {
    List<Violation> violations = new ArrayList<>();
    if (root == null || !root.isObject()) {
      violations.add(Violation.of("", "a bundle is an object with tables and apis"));
      return violations;
    }
    unknownKeys(root, "", List.of("tables", "apis"), violations);
    objectOfObjects(root.get("tables"), "tables", violations);
    JsonNode apis = root.get("apis");
    objectOfObjects(apis, "apis", violations);
    if (apis != null && apis.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = apis.fields(); it.hasNext(); ) {
        var api = it.next();
        String path = "apis." + api.getKey();
        if (api.getValue().isObject()) {
          unknownKeys(api.getValue(), path + ".", List.of("spec", "routes"), violations);
          objectOfObjects(api.getValue().get("routes"), path + ".routes", violations);
        }
      }
    }
    return violations;
  }

  private static void unknownKeys(
      JsonNode node, String prefix, List<String> known, List<Violation> violations) {
    node.fieldNames()
        .forEachRemaining(
            key -> {
              if (!known.contains(key)) {
                violations.add(Violation.of(prefix + key, "unknown field; expected " + known));
              }
            });
  }

  private static void objectOfObjects(JsonNode node, String path, List<Violation> violations) {
    if (node == null || node.isNull()) {
      return;
    }
    if (!node.isObject()) {
      violations.add(Violation.of(path, "must be an object of named items"));
      return;
    }
    node.fields()
        .forEachRemaining(
            item -> {
              if (!item.getValue().isObject()) {
                violations.add(Violation.of(path + "." + item.getKey(), "must be an object"));
              }
            });
  }
}
