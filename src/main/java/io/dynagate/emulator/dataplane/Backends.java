package io.dynagate.emulator.dataplane;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.dynagate.emulator.apigateway.model.Integration;
import io.dynagate.emulator.core.EmulatorResponse;
import io.dynagate.emulator.vtl.RequestContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What an integration calls: DynamoDB for {@code AWS} integrations, nothing for {@code MOCK}. */
@ApplicationScoped
class Backends {

  /**
   * AWS reads a mock's status leniently: CDK writes {@code {statusCode: 200}}, unquoted, and AWS
   * answers it.
   */
  private static final ObjectMapper LENIENT =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES).build();

  private static final Pattern DYNAMODB_ACTION =
      Pattern.compile("arn:[^:]+:apigateway:[^:]+:dynamodb:action/([A-Za-z]+)");

  /** The integration's answer: the backend's status, headers and body. */
  record Answer(int status, Map<String, String> headers, String body) {
    static Answer of(EmulatorResponse response) {
      return new Answer(
          response.status(),
          response.headers(),
          new String(response.body(), StandardCharsets.UTF_8));
    }
  }

  private final DynamoBackend dynamo;
  private final RoleAccess roles;

  Backends(DynamoBackend dynamo, RoleAccess roles) {
    this.dynamo = dynamo;
    this.roles = roles;
  }

  /**
   * Calls the integration's backend with the mapped request.
   *
   * @param templated whether a request template produced {@code mapped} (a {@code MOCK} reads its
   *     status from it)
   */
  CompletionStage<Answer> call(
      Invocation call, Integration integration, boolean templated, String mapped) {
    return switch (integration.type()) {
      case "MOCK" -> CompletableFuture.completedFuture(mock(templated, mapped));
      case "AWS" -> aws(call, integration, mapped);
      default ->
          throw new ConfigurationError(
              "integration type " + integration.type() + " is not run by the emulator");
    };
  }

  /**
   * A {@code MOCK} answers the {@code statusCode} its request template writes, with no body; 200
   * when there is no template. A template without a readable status is a configuration error.
   */
  private static Answer mock(boolean templated, String mapped) {
    if (!templated) {
      return new Answer(200, Map.of(), "");
    }
    JsonNode status;
    try {
      status = LENIENT.readTree(mapped).path("statusCode");
    } catch (IOException | RuntimeException e) {
      status = null;
    }
    if (status == null || !(status.isInt() || status.asText().matches("\\d{3}"))) {
      throw new ConfigurationError(
          "Unable to parse statusCode. It should be an integer that is defined in the request"
              + " template.");
    }
    return new Answer(status.asInt(), Map.of(), "");
  }

  private CompletionStage<Answer> aws(Invocation call, Integration integration, String mapped) {
    Matcher action = DYNAMODB_ACTION.matcher(integration.uri() == null ? "" : integration.uri());
    if (!action.matches()) {
      throw new ConfigurationError(
          "the emulator runs AWS integrations on dynamodb:action/X only, not " + integration.uri());
    }
    RoleAccess.Parsed role =
        roles
            .assume(integration.credentials(), conditionKeys(call.context()))
            .orElseThrow(
                () ->
                    new ConfigurationError(
                        "API Gateway does not have permission to assume the provided role "
                            + integration.credentials()));
    return dynamo
        .call(role, action.group(1), mapped)
        .toCompletableFuture()
        .orTimeout(timeoutMillis(integration), TimeUnit.MILLISECONDS)
        .thenApply(Answer::of);
  }

  /** The integration's timeout: 29 s unless set (50 ms to 29 s on AWS). */
  private static long timeoutMillis(Integration integration) {
    return integration.timeoutInMillis() == null ? 29_000 : integration.timeoutInMillis();
  }

  /** What API Gateway tells STS about the call, for the trust policy's conditions. */
  private Map<String, String> conditionKeys(RequestContext context) {
    String resourcePath = context.resourcePath().substring(1);
    String sourceArn =
        "arn:aws:execute-api:"
            + dynamo.region()
            + ':'
            + dynamo.accountId()
            + ':'
            + context.apiId()
            + '/'
            + context.stage()
            + '/'
            + context.httpMethod()
            + '/'
            + resourcePath;
    return Map.of("aws:sourceaccount", dynamo.accountId(), "aws:sourcearn", sourceArn);
  }
}
