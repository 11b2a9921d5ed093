package io.dynagate.emulator.apigateway;

import io.dynagate.emulator.core.AwsError;

/** API Gateway's errors for API keys and usage plans, with AWS's messages. */
final class AccessErrors {

  private AccessErrors() {}

  static AwsError noSuchKey() {
    return ApiGatewayErrors.notFound("Invalid API Key identifier specified");
  }

  static AwsError noSuchPlan() {
    return ApiGatewayErrors.notFound("Invalid Usage Plan ID specified");
  }

  static AwsError noSuchPlanKey() {
    return ApiGatewayErrors.notFound("Invalid Usage Plan Key identifier specified");
  }
}
