package io.dynagate.emulator.apigateway.model;

import java.util.List;
import java.util.Map;

/**
 * A method on a resource.
 *
 * @param httpMethod {@code GET}, ..., or {@code ANY}
 * @param authorizationType {@code NONE}, {@code AWS_IAM}, {@code CUSTOM} or {@code
 *     COGNITO_USER_POOLS}
 * @param authorizerId the authorizer, or null
 * @param apiKeyRequired whether callers need an API key
 * @param operationName the OpenAPI {@code operationId}, or null
 * @param requestValidatorId the validator, or null
 * @param requestParameters e.g. {@code method.request.path.id} to whether it is required
 * @param requestModels model names by content type
 * @param authorizationScopes OAuth scopes
 * @param methodResponses by status code
 * @param methodIntegration the integration, or null before one is put
 * @param requestValidator the validator {@code requestValidatorId} names, resolved, or null
 */
public record Method(
    String httpMethod,
    String authorizationType,
    String authorizerId,
    Boolean apiKeyRequired,
    String operationName,
    String requestValidatorId,
    Map<String, Boolean> requestParameters,
    Map<String, String> requestModels,
    List<String> authorizationScopes,
    Map<String, MethodResponse> methodResponses,
    Integration methodIntegration,
    RequestValidator requestValidator) {

  public Method {
    requestParameters = Maps.copy(requestParameters);
    requestModels = Maps.copy(requestModels);
    authorizationScopes = Maps.list(authorizationScopes);
    methodResponses = Maps.copy(methodResponses);
  }

  /** A method without a resolved request validator. */
  public Method(
      String httpMethod,
      String authorizationType,
      String authorizerId,
      Boolean apiKeyRequired,
      String operationName,
      String requestValidatorId,
      Map<String, Boolean> requestParameters,
      Map<String, String> requestModels,
      List<String> authorizationScopes,
      Map<String, MethodResponse> methodResponses,
      Integration methodIntegration) {
    this(
        httpMethod,
        authorizationType,
        authorizerId,
        apiKeyRequired,
        operationName,
        requestValidatorId,
        requestParameters,
        requestModels,
        authorizationScopes,
        methodResponses,
        methodIntegration,
        null);
  }

  /** This method checked by another validator: its id and the validator, or null and null. */
  public Method withRequestValidator(String validatorId, RequestValidator validator) {
    return with(
        methodResponses, methodIntegration, validator == null ? null : validatorId, validator);
  }

  public Method withResponse(MethodResponse response) {
    return with(Maps.with(methodResponses, response.statusCode(), response), methodIntegration);
  }

  public Method withoutResponse(String statusCode) {
    return with(Maps.without(methodResponses, statusCode), methodIntegration);
  }

  /** This method with another integration; null removes it. */
  public Method withIntegration(Integration integration) {
    return with(methodResponses, integration);
  }

  private Method with(Map<String, MethodResponse> responses, Integration integration) {
    return with(responses, integration, requestValidatorId, requestValidator);
  }

  private Method with(
      Map<String, MethodResponse> responses,
      Integration integration,
      String validatorId,
      RequestValidator validator) {
    return new Method(
        httpMethod,
        authorizationType,
        authorizerId,
        apiKeyRequired,
        operationName,
        validatorId,
        requestParameters,
        requestModels,
        authorizationScopes,
        responses,
        integration,
        validator);
  }
}
