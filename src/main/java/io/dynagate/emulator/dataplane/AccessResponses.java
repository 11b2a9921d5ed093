package io.dynagate.emulator.dataplane;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.dynagate.emulator.core.EmulatorResponse;

/** API Gateway's answers when it refuses a caller, with AWS's status, error type and body. */
final class AccessResponses {

  private AccessResponses() {}

  /** A missing, unknown or disabled API key, or a key in no plan of this stage. */
  static EmulatorResponse forbidden() {
    return EmulatorResponse.json(403, "{\"message\":\"Forbidden\"}")
        .withHeader("x-amzn-ErrorType", "ForbiddenException");
  }

  /** Over a usage plan's, a stage's or a method's rate or burst. */
  static EmulatorResponse tooManyRequests() {
    return EmulatorResponse.json(429, "{\"message\":\"Too Many Requests\"}")
        .withHeader("x-amzn-ErrorType", "TooManyRequestsException");
  }

  /** Over a usage plan's quota for the period. */
  static EmulatorResponse limitExceeded() {
    return EmulatorResponse.json(429, "{\"message\":\"Limit Exceeded\"}")
        .withHeader("x-amzn-ErrorType", "LimitExceededException");
  }

  /** A signature that is malformed, expired or not the one the secret key gives. */
  static EmulatorResponse badSignature(String code, String message) {
    return EmulatorResponse.json(403, body("message", message))
        .withHeader("x-amzn-ErrorType", code);
  }

  /** A signature by an access key IAM does not know (or no longer active). */
  static EmulatorResponse unknownAccessKey() {
    return badSignature(
        "UnrecognizedClientException", "The security token included in the request is invalid.");
  }

  /** Policies do not allow the caller ({@code anonymous} when unsigned) to invoke the method. */
  static EmulatorResponse notAuthorized(String caller, String methodArn, boolean explicitDeny) {
    String message =
        "User: "
            + caller
            + " is not authorized to perform: execute-api:Invoke on resource: "
            + methodArn
            + (explicitDeny ? " with an explicit deny" : "");
    return EmulatorResponse.json(403, body("Message", message))
        .withHeader("x-amzn-ErrorType", "AccessDeniedException");
  }

  private static String body(String field, String message) {
    return JsonNodeFactory.instance.objectNode().put(field, message).toString();
  }
}
