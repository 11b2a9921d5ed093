package io.dynagate.emulator.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynagate.emulator.apigateway.model.Method;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What an OpenAPI document says about who may call: {@code security} requirements (on the
 * operation, else the document's) naming {@code components.securitySchemes} — an {@code apiKey}
 * scheme in the {@code x-api-key} header makes the method require a key, a scheme with {@code
 * x-amazon-apigateway-authtype: awsSigv4} makes it {@code AWS_IAM} — and the API's resource policy
 * in {@code x-amazon-apigateway-policy}.
 */
final class OpenApiAccess {

  static final String POLICY = "x-amazon-apigateway-policy";

  private OpenApiAccess() {}

  /** The paths with each method's authorization type and key requirement as the document sets. */
  static Map<String, Map<String, Method>> secured(
      JsonNode root, Map<String, Map<String, Method>> paths) {
    Map<String, Map<String, Method>> secured = new LinkedHashMap<>();
    paths.forEach(
        (path, methods) -> {
          Map<String, Method> out = new LinkedHashMap<>();
          methods.forEach(
              (verb, method) -> out.put(verb, secured(root, operation(root, path, verb), method)));
          secured.put(path, out);
        });
    return secured;
  }

  /** The resource policy as JSON text, or null when the document has none. */
  static String policy(JsonNode root) {
    JsonNode policy = root.get(POLICY);
    return policy == null || policy.isNull() ? null : policy.toString();
  }

  private static Method secured(JsonNode root, JsonNode operation, Method method) {
    JsonNode requirements =
        operation.has("security") ? operation.get("security") : root.path("security");
    JsonNode schemes = root.path("components").path("securitySchemes");
    boolean apiKey = false;
    String authorization = method.authorizationType();
    for (JsonNode requirement : requirements) {
      for (var names = requirement.fieldNames(); names.hasNext(); ) {
        JsonNode scheme = schemes.path(names.next());
        if ("apiKey".equals(scheme.path("type").asText())
            && "header".equals(scheme.path("in").asText())
            && "x-api-key".equalsIgnoreCase(scheme.path("name").asText())
            && !scheme.has("x-amazon-apigateway-authtype")) {
          apiKey = true;
        } else if ("awsSigv4"
            .equalsIgnoreCase(scheme.path("x-amazon-apigateway-authtype").asText())) {
          authorization = "AWS_IAM";
        }
      }
    }
    return new Method(
        method.httpMethod(),
        authorization,
        method.authorizerId(),
        apiKey || Boolean.TRUE.equals(method.apiKeyRequired()),
        method.operationName(),
        method.requestValidatorId(),
        method.requestParameters(),
        method.requestModels(),
        method.authorizationScopes(),
        method.methodResponses(),
        method.methodIntegration());
  }

  private static JsonNode operation(JsonNode root, String path, String verb) {
    String key = verb.equals("ANY") ? OpenApiReader.ANY_METHOD : verb.toLowerCase(Locale.ROOT);
    return root.path("paths").path(path).path(key);
  }
}
