package io.dynagate.emulator.dataplane;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OpenAPI documents of {@code MOCK} methods answering {@code {"ok":"PATH"}}, each with the security
 * requirement API Gateway reads ({@code api_key}, {@code sigv4} or none), and optionally a resource
 * policy.
 */
final class AccessApis {

  private static final ObjectMapper JSON = new ObjectMapper();

  private AccessApis() {}

  /** Paths to their security scheme ({@code api_key}, {@code sigv4}, or {@code none}). */
  static String document(String title, Map<String, String> paths, Object policy) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("openapi", "3.0.1");
    doc.put("info", Map.of("title", title, "version", "1"));
    Map<String, Object> pathItems = new LinkedHashMap<>();
    paths.forEach((path, scheme) -> pathItems.put(path, Map.of("get", operation(path, scheme))));
    doc.put("paths", pathItems);
    doc.put(
        "components",
        Map.of(
            "securitySchemes",
            Map.of(
                "api_key",
                Map.of("type", "apiKey", "name", "x-api-key", "in", "header"),
                "sigv4",
                Map.of(
                    "type",
                    "apiKey",
                    "name",
                    "Authorization",
                    "in",
                    "header",
                    "x-amazon-apigateway-authtype",
                    "awsSigv4"))));
    if (policy != null) {
      doc.put("x-amazon-apigateway-policy", policy);
    }
    try {
      return JSON.writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> operation(String path, String scheme) {
    Map<String, Object> operation = new LinkedHashMap<>();
    if (path.contains("{id}")) {
      operation.put(
          "parameters",
          List.of(
              Map.of(
                  "name",
                  "id",
                  "in",
                  "path",
                  "required",
                  true,
                  "schema",
                  Map.of("type", "string"))));
    }
    operation.put("responses", Map.of("200", Map.of("description", "ok")));
    if (!scheme.equals("none")) {
      operation.put("security", List.of(Map.of(scheme, List.of())));
    }
    operation.put(
        "x-amazon-apigateway-integration",
        Map.of(
            "type",
            "mock",
            "requestTemplates",
            Map.of("application/json", "{\"statusCode\": 200}"),
            "responses",
            Map.of(
                "default",
                Map.of(
                    "statusCode",
                    "200",
                    "responseTemplates",
                    Map.of("application/json", "{\"ok\":\"" + path + "\"}")))));
    return operation;
  }
}
