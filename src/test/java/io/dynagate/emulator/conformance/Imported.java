package io.dynagate.emulator.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads back every method of an imported API as the import recordings did: for each resource and
 * method, GetMethod, GetMethodResponse and GetIntegrationResponse for status 200, and
 * GetIntegration, named {@code method-<path>-<verb>}, {@code method-response-...}, {@code
 * integration-...} and {@code integration-response-...} with the root path named {@code root}.
 */
final class Imported {

  private Imported() {}

  static Map<String, Replay.Answer> read(Replay replay, String apiId) {
    ObjectNode list = JsonNodeFactory.instance.objectNode().put("restApiId", apiId);
    Replay.Answer resources = replay.call("apigateway", "GetResources", list);
    List<JsonNode> items = new ArrayList<>();
    resources.body().path("items").forEach(items::add);
    items.sort(Comparator.comparing(item -> item.path("path").asText()));
    Map<String, Replay.Answer> answers = new LinkedHashMap<>();
    for (JsonNode item : items) {
      String path = item.path("path").asText();
      String name = path.equals("/") ? "root" : path.substring(1);
      List<String> methods = new ArrayList<>();
      item.path("resourceMethods").fieldNames().forEachRemaining(methods::add);
      for (String method : methods) {
        String key = name + "-" + method.toLowerCase(java.util.Locale.ROOT);
        ObjectNode target =
            JsonNodeFactory.instance
                .objectNode()
                .put("restApiId", apiId)
                .put("resourceId", item.path("id").asText())
                .put("httpMethod", method);
        ObjectNode withStatus = target.deepCopy().put("statusCode", "200");
        answers.put("method-" + key, replay.call("apigateway", "GetMethod", target));
        answers.put(
            "method-response-" + key, replay.call("apigateway", "GetMethodResponse", withStatus));
        answers.put("integration-" + key, replay.call("apigateway", "GetIntegration", target));
        answers.put(
            "integration-response-" + key,
            replay.call("apigateway", "GetIntegrationResponse", withStatus));
      }
    }
    return answers;
  }
}
