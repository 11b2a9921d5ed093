package io.dynagate.emulator.apigateway;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynagate.emulator.apigateway.model.Deployment;
import io.dynagate.emulator.apigateway.model.Resource;
import io.dynagate.emulator.apigateway.model.RestApi;
import io.dynagate.emulator.apigateway.model.Stage;
import io.dynagate.emulator.core.AwsError;
import io.dynagate.emulator.core.EmulatorResponse;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * API Gateway's JSON: the model as the SDKs read it (timestamps in epoch seconds, absent and empty
 * members left out), pages of {@code item} with {@code position}, and errors.
 */
final class ApiGatewayJson {

  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .findAndRegisterModules()
          .setSerializationInclusion(JsonInclude.Include.NON_EMPTY)
          .enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS);

  private ApiGatewayJson() {}

  static EmulatorResponse answer(int status, Object value) {
    try {
      return EmulatorResponse.json(status, MAPPER.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static EmulatorResponse error(AwsError error) {
    ObjectNode body = MAPPER.createObjectNode().put("message", error.getMessage());
    return EmulatorResponse.json(error.status(), body.toString())
        .withHeader("x-amzn-ErrorType", error.code());
  }

  static ObjectNode restApi(RestApi api) {
    return restApi(api, false);
  }

  /**
   * A REST API as AWS shows it; UpdateRestApi shows {@code tags} even when there are none, the
   * other operations leave it out.
   */
  static ObjectNode restApi(RestApi api, boolean emptyTags) {
    ObjectNode node = MAPPER.createObjectNode().put("id", api.id()).put("name", api.name());
    putIfPresent(node, "description", api.description());
    node.set("createdDate", MAPPER.valueToTree(api.createdDate()));
    putIfPresent(node, "version", api.version());
    if (!api.binaryMediaTypes().isEmpty()) {
      node.set("binaryMediaTypes", MAPPER.valueToTree(api.binaryMediaTypes()));
    }
    node.put("apiKeySource", api.apiKeySource());
    ObjectNode endpoint = node.putObject("endpointConfiguration");
    endpoint.put("ipAddressType", api.ipAddressType());
    endpoint.set("types", MAPPER.valueToTree(api.endpointTypes()));
    if (!api.vpcEndpointIds().isEmpty()) {
      endpoint.set("vpcEndpointIds", MAPPER.valueToTree(api.vpcEndpointIds()));
    }
    if (api.minimumCompressionSize() != null) {
      node.put("minimumCompressionSize", api.minimumCompressionSize());
    }
    putIfPresent(node, "policy", api.policy());
    if (emptyTags || !api.tags().isEmpty()) {
      node.set("tags", MAPPER.valueToTree(api.tags()));
    }
    node.put("rootResourceId", api.draft().rootResourceId());
    node.put("disableExecuteApiEndpoint", api.disableExecuteApiEndpoint());
    return node;
  }

  static ObjectNode deployment(Deployment deployment) {
    ObjectNode node = MAPPER.createObjectNode().put("id", deployment.id());
    putIfPresent(node, "description", deployment.description());
    node.set("createdDate", MAPPER.valueToTree(deployment.createdDate()));
    return node;
  }

  /** A stage, with the members AWS always answers even when they hold nothing. */
  static ObjectNode stage(Stage stage) {
    ObjectNode node = MAPPER.valueToTree(stage);
    node.put("cacheClusterStatus", stage.cacheClusterEnabled() ? "AVAILABLE" : "NOT_AVAILABLE");
    if (!node.has("methodSettings")) {
      node.putObject("methodSettings");
    }
    return node;
  }

  /** A resource; without {@code embed=methods} its methods appear as empty objects. */
  static ObjectNode resource(Resource resource, boolean embedMethods) {
    ObjectNode node = MAPPER.valueToTree(resource);
    if (!embedMethods && node.has("resourceMethods")) {
      ObjectNode names = node.putObject("resourceMethods");
      resource.resourceMethods().keySet().forEach(names::putObject);
    }
    return node;
  }

  /** One page: items after {@code position} (an item's key), at most {@code limit} (1 to 500). */
  static <T> ObjectNode page(
      List<T> ordered,
      Function<T, String> key,
      Function<T, JsonNode> view,
      String position,
      String limit) {
    int max = parseLimit(limit);
    int start = 0;
    if (position != null) {
      start = -1;
      for (int i = 0; i < ordered.size() && start < 0; i++) {
        if (key.apply(ordered.get(i)).equals(position)) {
          start = i;
        }
      }
      if (start < 0) {
        throw ApiGatewayErrors.badRequest("Invalid position parameter");
      }
    }
    int end = Math.min(ordered.size(), start + max);
    ObjectNode page = MAPPER.createObjectNode();
    if (end < ordered.size()) {
      page.put("position", key.apply(ordered.get(end)));
    }
    ArrayNode items = page.putArray("item");
    ordered.subList(start, end).forEach(item -> items.add(view.apply(item)));
    return page;
  }

  static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  static Map<String, String> stringMap(JsonNode node, String field) {
    Map<String, String> map = new LinkedHashMap<>();
    JsonNode value = node.get(field);
    if (value != null && value.isObject()) {
      value
          .fields()
          .forEachRemaining(
              entry ->
                  map.put(
                      entry.getKey(),
                      entry.getValue().isNull() ? null : entry.getValue().asText()));
    }
    return map;
  }

  static Map<String, Boolean> booleanMap(JsonNode node, String field) {
    Map<String, Boolean> map = new LinkedHashMap<>();
    JsonNode value = node.get(field);
    if (value != null && value.isObject()) {
      value
          .fields()
          .forEachRemaining(entry -> map.put(entry.getKey(), entry.getValue().asBoolean()));
    }
    return map;
  }

  static List<String> stringList(JsonNode node, String field) {
    List<String> list = new ArrayList<>();
    JsonNode value = node.get(field);
    if (value != null && value.isArray()) {
      value.forEach(item -> list.add(item.asText()));
    }
    return list;
  }

  private static void putIfPresent(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }

  private static int parseLimit(String limit) {
    if (limit == null) {
      return 25;
    }
    try {
      int value = Integer.parseInt(limit);
      if (value >= 1 && value <= 500) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiGatewayErrors.badRequest("Invalid limit parameter: must be between 1 and 500");
  }
}
