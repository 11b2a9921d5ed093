package io.dynagate.emulator.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynagate.emulator.apigateway.model.RestApi;
import io.dynagate.emulator.core.EmulatorResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Models, read only: those an imported document declares ({@code components.schemas}, Swagger's
 * {@code definitions}), as GetModels and GetModel show them.
 */
@ApplicationScoped
class ModelOperations implements ApiGatewayOperations {

  private static final Pattern LOCAL_REFERENCE =
      Pattern.compile("\"\\$ref\"\\s*:\\s*\"#/(?:components/schemas|definitions)/([^\"]+)\"");

  private final ApiGatewayStore store;

  ModelOperations(ApiGatewayStore store) {
    this.store = store;
  }

  @Override
  public void register(Map<String, Function<ApiGatewayCall, EmulatorResponse>> handlers) {
    handlers.put("GetModels", this::list);
    handlers.put("GetModel", this::get);
  }

  private EmulatorResponse list(ApiGatewayCall call) {
    RestApi api = store.require(call.restApiId());
    return ApiGatewayJson.answer(
        200,
        ApiGatewayJson.page(
            api.models().keySet().stream().sorted().toList(),
            name -> name,
            name -> model(api, name),
            call.query("position"),
            call.query("limit")));
  }

  private EmulatorResponse get(ApiGatewayCall call) {
    RestApi api = store.require(call.restApiId());
    String name = call.parameter("model_name");
    if (!api.models().containsKey(name)) {
      throw ApiGatewayErrors.notFound("Invalid model name specified: " + name);
    }
    return ApiGatewayJson.answer(200, model(api, name));
  }

  private static ObjectNode model(RestApi api, String name) {
    // a model's id is stable for its API and name, the emulator keeps no other
    String id = Integer.toString((api.id() + "/" + name).hashCode() & 0x7fffffff, 36);
    String schema = api.models().get(name);
    ObjectNode model =
        ApiGatewayJson.MAPPER
            .createObjectNode()
            .put("id", id)
            .put("name", name)
            .put("contentType", "application/json");
    try {
      // AWS takes the model's description from its schema
      JsonNode description = ApiGatewayJson.MAPPER.readTree(schema).get("description");
      if (description != null && description.isTextual()) {
        model.put("description", description.asText());
      }
    } catch (IOException notJson) {
      // a schema that is not JSON has no description
    }
    return model.put("schema", absoluteReferences(api.id(), schema));
  }

  /**
   * The document's references to its own schemas as AWS shows them once they are models: the
   * model's URL ({@code https://apigateway.amazonaws.com/restapis/ID/models/NAME}).
   */
  private static String absoluteReferences(String apiId, String schema) {
    return LOCAL_REFERENCE
        .matcher(schema)
        .replaceAll(
            "\"\\$ref\":\"https://apigateway.amazonaws.com/restapis/"
                + Matcher.quoteReplacement(apiId)
                + "/models/$1\"");
  }
}
