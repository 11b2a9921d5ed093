package io.dynagate.emulator.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynagate.emulator.apigateway.model.Method;
import io.dynagate.emulator.apigateway.model.RequestValidator;
import io.dynagate.emulator.apigateway.model.Resource;
import io.dynagate.emulator.apigateway.model.RestApi;
import io.dynagate.emulator.core.AwsError;
import io.dynagate.emulator.core.EmulatorResponse;
import io.dynagate.emulator.core.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Request validators: created, read, changed and deleted through the control plane, or declared by
 * an imported document ({@code x-amazon-apigateway-request-validators}, where a validator's name is
 * also its id, as the methods that use it name it). Errors as AWS recorded them: an unknown API is
 * "Invalid REST API identifier specified" (400) when creating, and "Invalid Request Validator
 * identifier specified" (404) when reading, changing or deleting one validator.
 */
@ApplicationScoped
class RequestValidatorOperations implements ApiGatewayOperations {

  private static final Set<String> PATHS =
      Set.of("/name", "/validateRequestBody", "/validateRequestParameters");

  private final ApiGatewayStore store;

  RequestValidatorOperations(ApiGatewayStore store) {
    this.store = store;
  }

  @Override
  public void register(Map<String, Function<ApiGatewayCall, EmulatorResponse>> handlers) {
    handlers.put("CreateRequestValidator", this::create);
    handlers.put("GetRequestValidators", this::list);
    handlers.put("GetRequestValidator", this::get);
    handlers.put("UpdateRequestValidator", this::update);
    handlers.put("DeleteRequestValidator", this::delete);
  }

  private EmulatorResponse create(ApiGatewayCall call) {
    if (store.restApi(call.restApiId()).isEmpty()) {
      throw ApiGatewayErrors.badRequest("Invalid REST API identifier specified");
    }
    JsonNode body = call.body();
    String name = ApiGatewayJson.text(body, "name");
    if (name == null || name.isBlank()) {
      throw ApiGatewayErrors.badRequest("Request Validator name cannot be blank");
    }
    String id = Ids.apiGateway();
    RequestValidator validator =
        new RequestValidator(
            name,
            body.path("validateRequestBody").asBoolean(false),
            body.path("validateRequestParameters").asBoolean(false));
    store.update(
        call.restApiId(),
        api -> api.withRequestValidators(with(api.requestValidators(), id, validator)));
    return ApiGatewayJson.answer(201, view(id, validator));
  }

  private EmulatorResponse list(ApiGatewayCall call) {
    RestApi api = store.require(call.restApiId());
    return ApiGatewayJson.answer(
        200,
        ApiGatewayJson.page(
            api.requestValidators().entrySet().stream().toList(),
            Map.Entry::getKey,
            entry -> view(entry.getKey(), entry.getValue()),
            call.query("position"),
            call.query("limit")));
  }

  private EmulatorResponse get(ApiGatewayCall call) {
    String id = call.parameter("requestvalidator_id");
    return ApiGatewayJson.answer(
        200, view(id, existing(store.restApi(call.restApiId()).orElse(null), id)));
  }

  private EmulatorResponse update(ApiGatewayCall call) {
    String id = call.parameter("requestvalidator_id");
    JsonNode operations = call.body().path("patchOperations");
    RestApi updated =
        store.update(
            call.restApiId(),
            api -> {
              RequestValidator validator = existing(api, id);
              for (JsonNode operation : operations) {
                validator = patched(validator, operation);
              }
              return api.withRequestValidators(with(api.requestValidators(), id, validator));
            });
    return ApiGatewayJson.answer(200, view(id, updated.requestValidators().get(id)));
  }

  private EmulatorResponse delete(ApiGatewayCall call) {
    String id = call.parameter("requestvalidator_id");
    existing(store.restApi(call.restApiId()).orElse(null), id);
    store.update(
        call.restApiId(),
        api -> {
          existing(api, id);
          refuseWhileUsed(api, id);
          Map<String, RequestValidator> next = new LinkedHashMap<>(api.requestValidators());
          next.remove(id);
          return api.withRequestValidators(next);
        });
    return EmulatorResponse.empty(202);
  }

  /** The validator, or AWS's answer for it, whether the API or the validator is unknown. */
  private static RequestValidator existing(RestApi api, String id) {
    RequestValidator validator = api == null ? null : api.requestValidators().get(id);
    if (validator == null) {
      throw ApiGatewayErrors.notFound("Invalid Request Validator identifier specified");
    }
    return validator;
  }

  /**
   * AWS does not delete a validator a method still uses (its answer's text is not recorded; this
   * one names the method as AWS's answer for a model in use does).
   */
  private static void refuseWhileUsed(RestApi api, String id) {
    for (Resource resource : api.draft().byPath()) {
      for (Method method : resource.resourceMethods().values()) {
        if (id.equals(method.requestValidatorId())) {
          throw ApiGatewayErrors.badRequest(
              "Cannot delete request validator "
                  + id
                  + ", is referenced in method: "
                  + resource.path()
                  + "/"
                  + method.httpMethod());
        }
      }
    }
  }

  /** One patch operation as AWS applies it: only {@code replace}, of the three fields. */
  private static RequestValidator patched(RequestValidator validator, JsonNode operation) {
    String op = operation.path("op").asText();
    String path = operation.path("path").asText();
    String value = ApiGatewayJson.text(operation, "value");
    if (!op.equals("replace")) {
      throw invalidPath(path, op, "Please choose supported operations");
    }
    if (!PATHS.contains(path)) {
      throw invalidPath(
          path, op, "Must be one of: [/name, /validateRequestParameters, /validateRequestBody]");
    }
    boolean flag = value != null && value.toLowerCase(Locale.ROOT).equals("true");
    return switch (path) {
      case "/name" -> {
        if (value == null || value.isBlank()) {
          throw ApiGatewayErrors.badRequest("Request Validator name cannot be blank");
        }
        yield new RequestValidator(
            value, validator.validateRequestBody(), validator.validateRequestParameters());
      }
      case "/validateRequestBody" ->
          new RequestValidator(validator.name(), flag, validator.validateRequestParameters());
      default -> new RequestValidator(validator.name(), validator.validateRequestBody(), flag);
    };
  }

  // AWS's text has two spaces after "path".
  private static AwsError invalidPath(String path, String op, String hint) {
    return ApiGatewayErrors.badRequest(
        "Invalid patch path  '" + path + "' specified for op '" + op + "'. " + hint);
  }

  private static Map<String, RequestValidator> with(
      Map<String, RequestValidator> validators, String id, RequestValidator validator) {
    Map<String, RequestValidator> next = new LinkedHashMap<>(validators);
    next.put(id, validator);
    return next;
  }

  private static ObjectNode view(String id, RequestValidator validator) {
    return ApiGatewayJson.MAPPER
        .createObjectNode()
        .put("id", id)
        .put("name", validator.name())
        .put("validateRequestBody", validator.validateRequestBody())
        .put("validateRequestParameters", validator.validateRequestParameters());
  }
}
