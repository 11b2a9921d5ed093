package io.dynagate.emulator.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynagate.emulator.apigateway.model.Method;
import io.dynagate.emulator.apigateway.model.RequestValidator;
import io.dynagate.emulator.apigateway.model.RestApi;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** What PutMethod refuses beyond the verb and the authorization type, with AWS's texts. */
final class MethodRules {

  /** Models every REST API has without declaring them. */
  private static final Set<String> BUILT_IN_MODELS = Set.of("Empty", "Error");

  private MethodRules() {}

  /** The method holding the validator its id names; refused when the API has no such validator. */
  static Method withValidator(RestApi api, Method method) {
    String id = method.requestValidatorId();
    if (id == null || id.isEmpty()) {
      return method.withRequestValidator(null, null);
    }
    RequestValidator validator = api.requestValidators().get(id);
    if (validator == null) {
      throw ApiGatewayErrors.badRequest("Invalid Request Validator identifier specified");
    }
    return method.withRequestValidator(id, validator);
  }

  static void check(JsonNode body, String authorization) {
    boolean needsAuthorizer =
        authorization.equals("CUSTOM") || authorization.equals("COGNITO_USER_POOLS");
    // the emulator keeps no authorizers, so no authorizer id can name a valid one
    if (needsAuthorizer) {
      throw ApiGatewayErrors.badRequest(
          "Invalid authorizer ID specified. Setting the authorization type to CUSTOM or"
              + " COGNITO_USER_POOLS requires a valid authorizer.");
    }
    Set<String> names = new HashSet<>();
    Iterator<String> parameters = body.path("requestParameters").fieldNames();
    while (parameters.hasNext()) {
      String parameter = parameters.next();
      String name = parameter.substring(parameter.lastIndexOf('.') + 1);
      if (!names.add(name)) {
        throw ApiGatewayErrors.badRequest(
            "Parameter names must be unique across querystring, header and path");
      }
    }
  }

  static void checkModels(RestApi api, Map<String, String> requestModels) {
    for (String model : requestModels.values()) {
      if (!BUILT_IN_MODELS.contains(model) && !api.models().containsKey(model)) {
        throw ApiGatewayErrors.badRequest("Invalid model identifier specified: " + model);
      }
    }
  }
}
