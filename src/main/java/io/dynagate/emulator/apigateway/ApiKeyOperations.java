package io.dynagate.emulator.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynagate.emulator.apigateway.model.ApiKey;
import io.dynagate.emulator.core.AwsError;
import io.dynagate.emulator.core.EmulatorResponse;
import io.dynagate.emulator.core.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * API keys: create, get (the value only with {@code includeValue}), list, update ({@code /enabled},
 * {@code /name}, {@code /description}, {@code /customerId}), delete.
 */
@ApplicationScoped
class ApiKeyOperations implements ApiGatewayOperations {

  private static final String KEY_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final UsagePlanStore store;

  ApiKeyOperations(UsagePlanStore store) {
    this.store = store;
  }

  @Override
  public void register(Map<String, Function<ApiGatewayCall, EmulatorResponse>> handlers) {
    handlers.put("CreateApiKey", this::create);
    handlers.put("GetApiKey", this::get);
    handlers.put("GetApiKeys", this::list);
    handlers.put("UpdateApiKey", this::update);
    handlers.put("DeleteApiKey", this::delete);
  }

  private EmulatorResponse create(ApiGatewayCall call) {
    ObjectNode body = call.body();
    String value = ApiGatewayJson.text(body, "value");
    if (value == null) {
      value = generated();
    } else if (value.length() < 20 || value.length() > 128 || !value.matches("[\\x21-\\x7E]+")) {
      throw ApiGatewayErrors.badRequest(
          "API Key value should be at least 20 characters long, and at most 128, printable ASCII");
    }
    Instant now = Instant.now();
    ApiKey key =
        new ApiKey(
            Ids.apiGateway(),
            value,
            ApiGatewayJson.text(body, "name"),
            ApiGatewayJson.text(body, "description"),
            ApiGatewayJson.text(body, "customerId"),
            body.path("enabled").asBoolean(false),
            now,
            now,
            ApiGatewayJson.stringMap(body, "tags"));
    store.putKey(key);
    return ApiGatewayJson.answer(201, view(key, true));
  }

  private EmulatorResponse get(ApiGatewayCall call) {
    ApiKey key = store.key(call.parameter("api_Key")).orElseThrow(AccessErrors::noSuchKey);
    return ApiGatewayJson.answer(200, view(key, "true".equals(call.query("includeValue"))));
  }

  private EmulatorResponse list(ApiGatewayCall call) {
    boolean values = "true".equals(call.query("includeValues"));
    String name = call.query("name");
    String customer = call.query("customerId");
    List<ApiKey> matching =
        store.keys().stream()
            .filter(k -> name == null || (k.name() != null && k.name().startsWith(name)))
            .filter(k -> customer == null || customer.equals(k.customerId()))
            .toList();
    return ApiGatewayJson.answer(
        200,
        ApiGatewayJson.page(
            matching,
            ApiKey::id,
            k -> view(k, values),
            call.query("position"),
            call.query("limit")));
  }

  private EmulatorResponse update(ApiGatewayCall call) {
    JsonNode operations = call.body().path("patchOperations");
    ApiKey updated =
        store.updateKey(
            call.parameter("api_Key"),
            key -> {
              String name = key.name();
              String description = key.description();
              String customer = key.customerId();
              boolean enabled = key.enabled();
              for (JsonNode op : operations) {
                String value = ApiGatewayJson.text(op, "value");
                if (!"replace".equals(op.path("op").asText())) {
                  throw unsupported(op);
                }
                switch (op.path("path").asText()) {
                  case "/name" -> name = value;
                  case "/description" -> description = value;
                  case "/customerId" -> customer = value;
                  case "/enabled" -> enabled = Boolean.parseBoolean(value);
                  default -> throw unsupported(op);
                }
              }
              return key.with(name, description, customer, enabled);
            });
    // unlike CreateApiKey and GetApiKeys, AWS's UpdateApiKey answers tags even when there are none
    ObjectNode answer = view(updated, false);
    answer.set("tags", ApiGatewayJson.MAPPER.valueToTree(updated.tags()));
    return ApiGatewayJson.answer(200, answer);
  }

  private EmulatorResponse delete(ApiGatewayCall call) {
    store.deleteKey(call.parameter("api_Key"));
    return EmulatorResponse.empty(202);
  }

  static ObjectNode view(ApiKey key, boolean withValue) {
    ObjectNode node = ApiGatewayJson.MAPPER.createObjectNode().put("id", key.id());
    if (withValue) {
      node.put("value", key.value());
    }
    putIfPresent(node, "name", key.name());
    putIfPresent(node, "description", key.description());
    putIfPresent(node, "customerId", key.customerId());
    node.put("enabled", key.enabled());
    node.set("createdDate", ApiGatewayJson.MAPPER.valueToTree(key.createdDate()));
    node.set("lastUpdatedDate", ApiGatewayJson.MAPPER.valueToTree(key.lastUpdatedDate()));
    node.putArray("stageKeys");
    if (!key.tags().isEmpty()) {
      node.set("tags", ApiGatewayJson.MAPPER.valueToTree(key.tags()));
    }
    return node;
  }

  private static void putIfPresent(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }

  private static AwsError unsupported(JsonNode op) {
    return ApiGatewayErrors.badRequest(
        "Invalid patch path '"
            + op.path("path").asText()
            + "' specified for op '"
            + op.path("op").asText()
            + "'. Must be one of: [/name, /description, /customerId, /enabled]");
  }

  private static String generated() {
    StringBuilder value = new StringBuilder(40);
    for (int i = 0; i < 40; i++) {
      value.append(KEY_ALPHABET.charAt(RANDOM.nextInt(KEY_ALPHABET.length())));
    }
    return value.toString();
  }
}
