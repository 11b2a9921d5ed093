package io.dynagate.emulator.dataplane;

import io.dynagate.emulator.core.EmulatorResponse;

/** API Gateway's own answers, which no integration shapes: its gateway responses. */
final class GatewayResponses {

  private GatewayResponses() {}

  /** An unknown path, method or stage. */
  static EmulatorResponse missingToken() {
    return EmulatorResponse.json(403, "{\"message\":\"Missing Authentication Token\"}")
        .withHeader("x-amzn-ErrorType", "MissingAuthenticationTokenException");
  }

  /** A configuration or template error, a backend that could not be called, no response. */
  static EmulatorResponse internalError() {
    return EmulatorResponse.json(500, "{\"message\": \"Internal server error\"}")
        .withHeader("x-amzn-ErrorType", "InternalServerErrorException");
  }

  /**
   * The backend did not answer within the integration's timeout: API Gateway's {@code
   * INTEGRATION_TIMEOUT} gateway response.
   */
  static EmulatorResponse integrationTimeout() {
    return EmulatorResponse.json(504, "{\"message\": \"Endpoint request timed out\"}")
        .withHeader("x-amzn-ErrorType", "InternalServerErrorException");
  }

  /** No request template for the content type, and a passthrough behaviour that forbids. */
  static EmulatorResponse unsupportedMediaType() {
    return EmulatorResponse.json(415, "{\"message\": \"Unsupported Media Type\"}")
        .withHeader("x-amzn-ErrorType", "UnsupportedMediaTypeException");
  }
}
