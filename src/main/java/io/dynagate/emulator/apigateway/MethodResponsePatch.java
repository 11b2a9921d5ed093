package io.dynagate.emulator.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynagate.emulator.apigateway.model.MethodResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * UpdateMethodResponse's patch operations: one {@code /responseParameters/NAME} (its value whether
 * the header is required) or one {@code /responseModels/TYPE} (escaped as in JSON Pointer) added,
 * replaced or removed. As on AWS, replacing or removing one the response does not hold is 404.
 */
final class MethodResponsePatch {

  private static final String PARAMETERS = "/responseParameters/";
  private static final String MODELS = "/responseModels/";

  private MethodResponsePatch() {}

  static MethodResponse apply(MethodResponse response, JsonNode operations) {
    Map<String, Boolean> parameters = new LinkedHashMap<>(response.parameters());
    Map<String, String> models = new LinkedHashMap<>(response.models());
    for (JsonNode operation : operations) {
      String op = operation.path("op").asText();
      String path = operation.path("path").asText();
      String value = ApiGatewayJson.text(operation, "value");
      if (path.startsWith(PARAMETERS)) {
        String name = path.substring(PARAMETERS.length());
        change(
            parameters, name, Boolean.parseBoolean(value), op, "Invalid parameter name specified");
      } else if (path.startsWith(MODELS)) {
        String type = path.substring(MODELS.length()).replace("~1", "/").replace("~0", "~");
        change(models, type, value, op, "Content-Type specified was not found");
      } else {
        throw ApiGatewayErrors.badRequest("Invalid patch path " + path);
      }
    }
    // a map emptied by the patch is no longer answered, as on AWS
    return new MethodResponse(
        response.statusCode(),
        parameters.isEmpty() ? null : parameters,
        models.isEmpty() ? null : models);
  }

  private static <V> void change(
      Map<String, V> map, String key, V value, String op, String missing) {
    if ((op.equals("remove") || op.equals("replace")) && !map.containsKey(key)) {
      throw ApiGatewayErrors.notFound(missing);
    }
    switch (op) {
      case "remove" -> map.remove(key);
      case "add", "replace" -> map.put(key, value);
      default -> throw ApiGatewayErrors.badRequest("Invalid patch operation specified: " + op);
    }
  }
}
