package io.dynagate.emulator.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynagate.emulator.apigateway.model.IntegrationResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * UpdateIntegrationResponse's patch operations: {@code /selectionPattern} and {@code
 * /contentHandling} replaced, one {@code /responseTemplates/TYPE} (escaped as in JSON Pointer) or
 * one {@code /responseParameters/NAME} added, replaced or removed.
 */
final class IntegrationResponsePatch {

  private static final String TEMPLATES = "/responseTemplates/";
  private static final String PARAMETERS = "/responseParameters/";

  private IntegrationResponsePatch() {}

  static IntegrationResponse apply(IntegrationResponse response, JsonNode operations) {
    String pattern = response.selectionPattern();
    String handling = response.contentHandling();
    Map<String, String> templates = new LinkedHashMap<>(response.responseTemplates());
    Map<String, String> parameters = new LinkedHashMap<>(response.responseParameters());
    for (JsonNode operation : operations) {
      String op = operation.path("op").asText();
      String path = operation.path("path").asText();
      String value = op.equals("remove") ? null : ApiGatewayJson.text(operation, "value");
      if (path.startsWith(TEMPLATES)) {
        String type = path.substring(TEMPLATES.length()).replace("~1", "/").replace("~0", "~");
        putOrRemove(templates, type, value, op);
      } else if (path.startsWith(PARAMETERS)) {
        putOrRemove(parameters, path.substring(PARAMETERS.length()), value, op);
      } else if (path.equals("/selectionPattern")) {
        pattern = value;
      } else if (path.equals("/contentHandling")) {
        handling = value;
      } else {
        throw ApiGatewayErrors.badRequest("Invalid patch path " + path);
      }
    }
    return new IntegrationResponse(response.statusCode(), pattern, parameters, templates, handling);
  }

  private static void putOrRemove(Map<String, String> map, String key, String value, String op) {
    if (op.equals("remove")) {
      map.remove(key);
    } else {
      map.put(key, value);
    }
  }
}
