package io.dynagate.emulator.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynagate.emulator.apigateway.model.Method;
import io.dynagate.emulator.apigateway.model.MethodResponse;
import io.dynagate.emulator.apigateway.model.Resource;
import io.dynagate.emulator.core.EmulatorResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Methods and method responses. */
@ApplicationScoped
class MethodOperations implements ApiGatewayOperations {

  static final Set<String> HTTP_METHODS =
      Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "ANY");
  private static final Set<String> AUTHORIZATION_TYPES =
      Set.of("NONE", "AWS_IAM", "CUSTOM", "COGNITO_USER_POOLS");

  private static final String STATUS = "[1-5]\\d\\d";

  private final ApiGatewayStore store;

  MethodOperations(ApiGatewayStore store) {
    this.store = store;
  }

  @Override
  public void register(Map<String, Function<ApiGatewayCall, EmulatorResponse>> handlers) {
    handlers.put("PutMethod", this::put);
    handlers.put("GetMethod", this::get);
    handlers.put("DeleteMethod", this::delete);
    handlers.put("UpdateMethod", this::update);
    handlers.put("PutMethodResponse", this::putResponse);
    handlers.put("GetMethodResponse", this::getResponse);
    handlers.put("DeleteMethodResponse", this::deleteResponse);
    handlers.put("UpdateMethodResponse", this::updateResponse);
  }

  private EmulatorResponse put(ApiGatewayCall call) {
    String httpMethod = validHttpMethod(call);
    ObjectNode body = call.body();
    String authorization = ApiGatewayJson.text(body, "authorizationType");
    if (authorization != null) {
      // AWS takes the authorization type in any case and answers it in capitals
      authorization = authorization.toUpperCase(Locale.ROOT);
    }
    if (authorization == null || !AUTHORIZATION_TYPES.contains(authorization)) {
      throw ApiGatewayErrors.badRequest(
          "Invalid authorization type specified. Valid values are NONE, AWS_IAM, CUSTOM, COGNITO_USER_POOLS");
    }
    MethodRules.check(body, authorization);
    Method method =
        new Method(
            httpMethod,
            authorization,
            ApiGatewayJson.text(body, "authorizerId"),
            body.path("apiKeyRequired").asBoolean(false),
            ApiGatewayJson.text(body, "operationName"),
            ApiGatewayJson.text(body, "requestValidatorId"),
            ApiGatewayJson.booleanMap(body, "requestParameters"),
            ApiGatewayJson.stringMap(body, "requestModels"),
            ApiGatewayJson.stringList(body, "authorizationScopes"),
            Map.of(),
            null);
    String resourceId = call.parameter("resource_id");
    store.update(
        call.restApiId(),
        api -> {
          Resource resource = Drafts.resource(api.draft(), resourceId);
          MethodRules.checkModels(api, method.requestModels());
          Method checked = MethodRules.withValidator(api, method);
          if (resource.resourceMethods().containsKey(httpMethod)) {
            throw ApiGatewayErrors.conflict("Method already exists for this resource");
          }
          return api.withDraft(api.draft().with(resource.withMethod(checked)));
        });
    return ApiGatewayJson.answer(201, method);
  }

  private EmulatorResponse get(ApiGatewayCall call) {
    Method method =
        Drafts.method(
            store.require(call.restApiId()).draft(),
            call.parameter("resource_id"),
            httpMethod(call));
    return ApiGatewayJson.answer(200, method);
  }

  private EmulatorResponse update(ApiGatewayCall call) {
    String resourceId = call.parameter("resource_id");
    String httpMethod = httpMethod(call);
    var updated =
        store.update(
            call.restApiId(),
            api ->
                api.withDraft(
                    Drafts.changeMethod(
                        api.draft(),
                        resourceId,
                        httpMethod,
                        method ->
                            MethodPatch.apply(api, method, call.body().path("patchOperations")))));
    return ApiGatewayJson.answer(200, Drafts.method(updated.draft(), resourceId, httpMethod));
  }

  private EmulatorResponse delete(ApiGatewayCall call) {
    String resourceId = call.parameter("resource_id");
    String httpMethod = httpMethod(call);
    store.update(
        call.restApiId(),
        api -> {
          Drafts.method(api.draft(), resourceId, httpMethod);
          Resource resource = Drafts.resource(api.draft(), resourceId);
          return api.withDraft(api.draft().with(resource.withoutMethod(httpMethod)));
        });
    return EmulatorResponse.empty(204);
  }

  private EmulatorResponse putResponse(ApiGatewayCall call) {
    ObjectNode body = call.body();
    MethodResponse response =
        new MethodResponse(
            statusCode(call),
            body.has("responseParameters")
                ? ApiGatewayJson.booleanMap(body, "responseParameters")
                : null,
            body.has("responseModels") ? ApiGatewayJson.stringMap(body, "responseModels") : null);
    store.update(
        call.restApiId(),
        api ->
            api.withDraft(
                Drafts.changeMethod(
                    api.draft(),
                    call.parameter("resource_id"),
                    httpMethod(call),
                    method -> method.withResponse(response))));
    return ApiGatewayJson.answer(201, response);
  }

  private EmulatorResponse getResponse(ApiGatewayCall call) {
    Method method =
        Drafts.method(
            store.require(call.restApiId()).draft(),
            call.parameter("resource_id"),
            httpMethod(call));
    MethodResponse response = method.methodResponses().get(statusCode(call));
    if (response == null) {
      throw ApiGatewayErrors.noSuchResponse();
    }
    return ApiGatewayJson.answer(200, response);
  }

  private EmulatorResponse updateResponse(ApiGatewayCall call) {
    JsonNode operations = call.body().path("patchOperations");
    // AWS lists bad operation names and a bad status together, before looking anything up
    List<String> violations =
        new ArrayList<>(RestApiPatch.operationViolations(operations, "updateMethodResponseInput"));
    String status = call.parameter("status_code");
    if (!status.matches(STATUS)) {
      violations.add(statusViolation(status));
    }
    if (!violations.isEmpty()) {
      throw RestApiSettings.validation(violations);
    }
    MethodResponse[] updated = new MethodResponse[1];
    store.update(
        call.restApiId(),
        api ->
            api.withDraft(
                Drafts.changeMethod(
                    api.draft(),
                    call.parameter("resource_id"),
                    httpMethod(call),
                    method -> {
                      MethodResponse response = method.methodResponses().get(status);
                      if (response == null) {
                        throw ApiGatewayErrors.noSuchResponse();
                      }
                      updated[0] = MethodResponsePatch.apply(response, operations);
                      return method.withResponse(updated[0]);
                    })));
    return ApiGatewayJson.answer(201, updated[0]);
  }

  private EmulatorResponse deleteResponse(ApiGatewayCall call) {
    String status = statusCode(call);
    store.update(
        call.restApiId(),
        api ->
            api.withDraft(
                Drafts.changeMethod(
                    api.draft(),
                    call.parameter("resource_id"),
                    httpMethod(call),
                    method -> {
                      if (!method.methodResponses().containsKey(status)) {
                        throw ApiGatewayErrors.noSuchResponse();
                      }
                      return method.withoutResponse(status);
                    })));
    return EmulatorResponse.empty(204);
  }

  /**
   * The method a call names. Only PutMethod checks it against HTTP's verbs; for every other call an
   * unknown verb is simply a method that does not exist, as on AWS.
   */
  static String httpMethod(ApiGatewayCall call) {
    return call.parameter("http_method").toUpperCase(Locale.ROOT);
  }

  private static String validHttpMethod(ApiGatewayCall call) {
    String httpMethod = httpMethod(call);
    if (!HTTP_METHODS.contains(httpMethod)) {
      throw ApiGatewayErrors.badRequest(
          "Invalid HttpMethod specified. Valid options are GET,PUT,POST,DELETE,PATCH,OPTIONS,HEAD,ANY");
    }
    return httpMethod;
  }

  static String statusCode(ApiGatewayCall call) {
    String status = call.parameter("status_code");
    if (!status.matches(STATUS)) {
      throw RestApiSettings.validation(List.of(statusViolation(status)));
    }
    return status;
  }

  private static String statusViolation(String status) {
    return "Value '"
        + status
        + "' at 'statusCode' failed to satisfy constraint: Member must satisfy regular"
        + " expression pattern: "
        + STATUS;
  }
}
