package io.dynagate.emulator.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynagate.emulator.apigateway.model.Integration;
import io.dynagate.emulator.apigateway.model.IntegrationResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reading an integration from JSON (a {@code PutIntegration} body, or OpenAPI's {@code
 * x-amazon-apigateway-integration} after conversion) and the checks API Gateway makes on it.
 */
final class IntegrationRules {

  private static final Set<String> TYPES = Set.of("AWS", "AWS_PROXY", "HTTP", "HTTP_PROXY", "MOCK");
  private static final Set<String> PASSTHROUGH =
      Set.of("WHEN_NO_MATCH", "WHEN_NO_TEMPLATES", "NEVER");

  private IntegrationRules() {}

  static Integration fromJson(JsonNode body) {
    String type = upper(ApiGatewayJson.text(body, "type"));
    String passthrough = upper(ApiGatewayJson.text(body, "passthroughBehavior"));
    return new Integration(
        type,
        upper(ApiGatewayJson.text(body, "httpMethod")),
        ApiGatewayJson.text(body, "uri"),
        ApiGatewayJson.text(body, "credentials"),
        ApiGatewayJson.stringMap(body, "requestParameters"),
        ApiGatewayJson.stringMap(body, "requestTemplates"),
        passthrough == null ? "WHEN_NO_MATCH" : passthrough,
        ApiGatewayJson.text(body, "contentHandling"),
        body.has("timeoutInMillis") ? body.get("timeoutInMillis").asInt() : 29000,
        ApiGatewayJson.text(body, "cacheNamespace"),
        ApiGatewayJson.stringList(body, "cacheKeyParameters"),
        Map.<String, IntegrationResponse>of());
  }

  /** The integration when API Gateway would accept it. */
  static Integration validated(Integration integration) {
    if (integration.type() != null && !TYPES.contains(integration.type())) {
      throw RestApiSettings.validation(
          List.of(
              "Value '"
                  + integration.type()
                  + "' at 'putIntegrationInput.type' failed to satisfy constraint: Member must"
                  + " satisfy enum value set: [HTTP, MOCK, AWS_PROXY, HTTP_PROXY, AWS]"));
    }
    if (integration.type() == null) {
      throw ApiGatewayErrors.badRequest(
          "Invalid integration type specified. Valid values are HTTP, HTTP_PROXY, AWS, AWS_PROXY, MOCK");
    }
    if (!PASSTHROUGH.contains(integration.passthroughBehavior())) {
      throw ApiGatewayErrors.badRequest(
          "Invalid passthrough behavior specified. Valid values are WHEN_NO_MATCH, WHEN_NO_TEMPLATES, NEVER");
    }
    if (integration.type().equals("MOCK")) {
      // a mock calls nothing: AWS needs no method or URI for it and keeps neither
      return integration.withoutTarget();
    }
    if (integration.httpMethod() == null
        || !MethodOperations.HTTP_METHODS.contains(integration.httpMethod())) {
      throw ApiGatewayErrors.badRequest("Enumeration value for HttpMethod must be non-empty");
    }
    if (integration.uri() == null || integration.uri().isEmpty()) {
      throw ApiGatewayErrors.badRequest("Invalid integration URI specified");
    }
    if (integration.type().startsWith("HTTP") && !integration.uri().matches("https?://.+")) {
      throw ApiGatewayErrors.badRequest("Invalid HTTP endpoint specified for URI");
    }
    if (integration.type().startsWith("AWS")) {
      checkAwsUri(integration);
    }
    if (integration.credentials() != null
        && !integration.credentials().matches("arn:aws:iam::(\\d{12}|\\*):(role|user)/.+")) {
      throw ApiGatewayErrors.badRequest(
          "Invalid credentials ARN specified: " + integration.credentials());
    }
    return integration;
  }

  private static void checkAwsUri(Integration integration) {
    String uri = integration.uri();
    if (!uri.startsWith("arn:")) {
      throw ApiGatewayErrors.badRequest("Invalid ARN specified in the request");
    }
    if (!uri.matches("arn:aws:apigateway:[^:]+:[^:]+:(action|path)/.+")) {
      throw ApiGatewayErrors.badRequest("AWS ARN for integration must contain path or action");
    }
    boolean lambdaOrFirehose = uri.matches("arn:aws:apigateway:[^:]+:(lambda|firehose):.+");
    if (integration.type().equals("AWS_PROXY") && !lambdaOrFirehose) {
      throw ApiGatewayErrors.badRequest(
          "Integrations of type 'AWS_PROXY' currently only supports Lambda function and Firehose"
              + " stream invocations.");
    }
  }

  private static String upper(String text) {
    return text == null ? null : text.toUpperCase(Locale.ROOT);
  }
}
