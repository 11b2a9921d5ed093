package io.dynagate.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dynagate.reconcile.ApiShape.MethodShape;
import io.dynagate.reconcile.ApiShape.ResponseShape;
import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The {@link ApiShape} an OpenAPI document with {@code x-amazon-apigateway-integration} declares.
 */
public final class OpenApiShape {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options");

  private OpenApiShape() {}

  public static ApiShape of(String openApi) {
    try {
      return of(JSON.readTree(openApi));
    } catch (IOException e) {
      throw new IllegalArgumentException("not an OpenAPI document", e);
    }
  }

  static ApiShape of(JsonNode document) {
    Map<String, MethodShape> methods = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        if (METHODS.contains(op.getKey())) {
          JsonNode integration = op.getValue().path("x-amazon-apigateway-integration");
          methods.put(op.getKey().toUpperCase() + " " + path.getKey(), method(integration));
        }
      }
    }
    return new ApiShape(methods);
  }

  private static MethodShape method(JsonNode integration) {
    Map<String, ResponseShape> responses = new HashMap<>();
    integration
        .path("responses")
        .fields()
        .forEachRemaining(
            r ->
                responses.put(
                    r.getKey().equals("default") ? "" : r.getKey(),
                    new ResponseShape(
                        r.getValue().path("statusCode").asText(),
                        strings(r.getValue().path("responseTemplates")))));
    return new MethodShape(
        integration.path("type").asText("").toUpperCase(),
        text(integration.path("uri")),
        text(integration.path("credentials")),
        strings(integration.path("requestTemplates")),
        responses);
  }

  private static String text(JsonNode node) {
    return node.isMissingNode() || node.isNull() ? null : node.asText();
  }

  private static Map<String, String> strings(JsonNode node) {
    Map<String, String> out = new HashMap<>();
    node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }
}
