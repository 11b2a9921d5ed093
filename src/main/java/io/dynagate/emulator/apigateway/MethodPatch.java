package io.dynagate.emulator.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynagate.emulator.apigateway.model.Method;
import io.dynagate.emulator.apigateway.model.RestApi;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * UpdateMethod's patch operations: {@code replace} on the method's own fields, {@code
 * add|replace|remove} on one request parameter or one request model (its content type escaped as in
 * JSON Pointer), with AWS's texts for the rest.
 */
final class MethodPatch {

  private static final String PARAMETERS = "/requestParameters/";
  private static final String MODELS = "/requestModels/";

  private final RestApi api;
  private String authorizationType;
  private String authorizerId;
  private boolean apiKeyRequired;
  private String operationName;
  private String validatorId;
  private final Map<String, Boolean> parameters;
  private final Map<String, String> models;

  private MethodPatch(RestApi api, Method method) {
    this.api = api;
    this.authorizationType = method.authorizationType();
    this.authorizerId = method.authorizerId();
    this.apiKeyRequired = Boolean.TRUE.equals(method.apiKeyRequired());
    this.operationName = method.operationName();
    this.validatorId = method.requestValidatorId();
    this.parameters = new LinkedHashMap<>(method.requestParameters());
    this.models = new LinkedHashMap<>(method.requestModels());
  }

  static Method apply(RestApi api, Method method, JsonNode operations) {
    MethodPatch patch = new MethodPatch(api, method);
    operations.forEach(patch::apply);
    // an authorizer id means nothing without an authorizer type, and AWS forgets it
    boolean custom =
        patch.authorizationType.equals("CUSTOM")
            || patch.authorizationType.equals("COGNITO_USER_POOLS");
    if (custom) {
      MethodRules.check(ApiGatewayJson.MAPPER.createObjectNode(), patch.authorizationType);
    }
    MethodRules.checkModels(api, patch.models);
    Method patched =
        new Method(
            method.httpMethod(),
            patch.authorizationType,
            custom ? patch.authorizerId : null,
            patch.apiKeyRequired,
            patch.operationName,
            patch.validatorId,
            patch.parameters,
            patch.models,
            method.authorizationScopes(),
            method.methodResponses(),
            method.methodIntegration(),
            method.requestValidator());
    return Objects.equals(patch.validatorId, method.requestValidatorId())
        ? patched
        : MethodRules.withValidator(api, patched);
  }

  private void apply(JsonNode operation) {
    String op = operation.path("op").asText();
    String path = operation.path("path").asText();
    String value = ApiGatewayJson.text(operation, "value");
    if (path.startsWith(PARAMETERS) && path.length() > PARAMETERS.length()) {
      String name = path.substring(PARAMETERS.length());
      if (op.equals("remove")) {
        parameters.remove(name);
      } else {
        parameters.put(name, Boolean.parseBoolean(value));
      }
      return;
    }
    if (path.startsWith(MODELS) && !path.substring(MODELS.length()).contains("/")) {
      String type = path.substring(MODELS.length()).replace("~1", "/").replace("~0", "~");
      if (op.equals("remove")) {
        models.remove(type);
      } else {
        models.put(type, value);
      }
      return;
    }
    switch (path) {
      case "/operationName" -> operationName = replaced(op, value);
      case "/apiKeyRequired" -> apiKeyRequired = Boolean.parseBoolean(replaced(op, value));
      case "/authorizationType" -> authorizationType = replaced(op, value).toUpperCase(Locale.ROOT);
      case "/authorizerId" -> authorizerId = replaced(op, value);
      case "/requestValidatorId" -> {
        String replacement = replaced(op, value);
        validatorId = replacement.isEmpty() ? null : replacement;
      }
      default -> throw ApiGatewayErrors.badRequest("Invalid patch path " + path);
    }
  }

  private static String replaced(String op, String value) {
    if (!op.equals("replace")) {
      throw ApiGatewayErrors.badRequest(
          "Invalid patch operation specified. Must be one of: [replace]");
    }
    return value == null ? "" : value;
  }
}
