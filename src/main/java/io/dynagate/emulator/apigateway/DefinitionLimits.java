package io.dynagate.emulator.apigateway;

import io.dynagate.emulator.apigateway.model.RestApi;
import io.dynagate.emulator.core.AwsError;

/**
 * API Gateway's fixed quotas on what an API holds, which no account can raise and which change an
 * outcome: a definition file over 6 MB, more than 300 resources, a resource policy over 8,192
 * characters. They are checked always, whatever {@code dynagate.emulator.quotas} says: AWS refuses
 * such an API in every account, so a definition the emulator took would fail on AWS. AWS's own
 * texts for the definition and policy refusals are recorded nowhere we could find (README,
 * conformance notes): these are the emulator's, shaped so that an SDK raises a typed error.
 */
final class DefinitionLimits {

  /** ImportRestApi / PutRestApi bodies, in bytes. */
  static final int MAX_DEFINITION_BYTES = 6 * 1024 * 1024;

  /** Resources per API, the root included. */
  static final int MAX_RESOURCES = 300;

  /** A resource policy's length, in characters. */
  static final int MAX_POLICY_CHARACTERS = 8192;

  private DefinitionLimits() {}

  /** Refuses an OpenAPI body larger than API Gateway takes. */
  static void checkDefinition(byte[] body) {
    if (body != null && body.length > MAX_DEFINITION_BYTES) {
      throw new AwsError(413, "RequestTooLongException", "Request Too Long");
    }
  }

  /** Refuses an API that would hold more than AWS allows; called before it is stored. */
  static void check(RestApi api) {
    if (api.draft().resources().size() > MAX_RESOURCES) {
      throw new AwsError(
          429,
          "LimitExceededException",
          "Maximum number of Resources for this API has been reached.  Please contact AWS if you"
              + " need additional Resources.");
    }
    String policy = api.policy();
    if (policy != null && policy.length() > MAX_POLICY_CHARACTERS) {
      throw ApiGatewayErrors.badRequest(
          "Invalid policy document. The policy document length must be less than or equal to "
              + MAX_POLICY_CHARACTERS
              + " characters");
    }
  }
}
