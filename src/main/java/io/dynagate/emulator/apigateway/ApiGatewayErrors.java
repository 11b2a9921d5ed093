package io.dynagate.emulator.apigateway;

import io.dynagate.emulator.core.AwsError;

/** API Gateway's errors, with the status, error type and messages AWS uses. */
final class ApiGatewayErrors {

  private ApiGatewayErrors() {}

  static AwsError notFound(String message) {
    return new AwsError(404, "NotFoundException", message);
  }

  static AwsError conflict(String message) {
    return new AwsError(409, "ConflictException", message);
  }

  static AwsError badRequest(String message) {
    return new AwsError(400, "BadRequestException", message);
  }

  static AwsError noSuchApi(String accountId, String id) {
    return notFound("Invalid API identifier specified " + accountId + ":" + id);
  }

  static AwsError noSuchResource() {
    return notFound("Invalid Resource identifier specified");
  }

  static AwsError noSuchMethod() {
    return notFound("Invalid Method identifier specified");
  }

  static AwsError noIntegration() {
    return notFound("Invalid Integration identifier specified");
  }

  static AwsError noSuchResponse() {
    return notFound("Invalid Response status code specified");
  }

  static AwsError noSuchDeployment() {
    return notFound("Invalid Deployment identifier specified");
  }

  static AwsError noSuchStage() {
    return notFound("Invalid Stage identifier specified");
  }
}
