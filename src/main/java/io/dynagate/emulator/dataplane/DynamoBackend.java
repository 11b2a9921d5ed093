package io.dynagate.emulator.dataplane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dynagate.config.DynagateConfig;
import io.dynagate.emulator.core.EmulatorRequest;
import io.dynagate.emulator.core.EmulatorResponse;
import io.dynagate.emulator.dynamodb.DynamoPassThrough;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * DynamoDB called as API Gateway calls it for an {@code AWS} integration: as the credentials role,
 * whose inline policies must allow the action on the table (or index) the request names. A denied
 * call gets DynamoDB's own {@code AccessDeniedException}, which then goes through the integration
 * responses like any DynamoDB error. A body that is not JSON goes to DynamoDB unchecked: it answers
 * {@code SerializationException} before it authorises anything.
 */
@ApplicationScoped
class DynamoBackend {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
  private static final String SESSION = "BackplaneAssumeRoleSession";

  private final DynamoPassThrough dynamo;
  private final String region;
  private final String accountId;

  DynamoBackend(DynamoPassThrough dynamo, DynagateConfig config) {
    this.dynamo = dynamo;
    this.region = config.emulator().region();
    this.accountId = config.emulator().accountId();
  }

  String region() {
    return region;
  }

  String accountId() {
    return accountId;
  }

  /** Calls {@code action} with {@code body} as {@code role}. */
  CompletionStage<EmulatorResponse> call(RoleAccess.Parsed role, String action, String body) {
    String denied = denial(role, "dynamodb:" + action, body);
    if (denied != null) {
      return CompletableFuture.completedFuture(accessDenied(denied));
    }
    String date = ZonedDateTime.now(ZoneOffset.UTC).format(AMZ_DATE);
    Map<String, String> headers = new HashMap<>();
    headers.put("content-type", "application/x-amz-json-1.0");
    headers.put("x-amz-target", "DynamoDB_20120810." + action);
    headers.put("x-amz-date", date);
    headers.put(
        "authorization",
        "AWS4-HMAC-SHA256 Credential="
            + role.role().roleId()
            + "/"
            + date.substring(0, 8)
            + "/"
            + region
            + "/dynamodb/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target,"
            + " Signature=0000000000000000000000000000000000000000000000000000000000000000");
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return dynamo.forward(new EmulatorRequest("POST", "/", Map.of(), headers, bytes));
  }

  /** The AccessDeniedException message when the role may not, else null. */
  private String denial(RoleAccess.Parsed role, String action, String body) {
    for (String resource : resources(body)) {
      Policy.Decision decision =
          Policy.evaluate(role.permissions(), new Policy.Request(action, resource, null, Map.of()));
      if (decision != Policy.Decision.ALLOW) {
        String why =
            decision == Policy.Decision.EXPLICIT_DENY
                ? "with an explicit deny in an identity-based policy"
                : "because no identity-based policy allows the " + action + " action";
        return "User: arn:aws:sts::%s:assumed-role/%s/%s is not authorized to perform: %s on resource: %s %s"
            .formatted(accountId, role.role().roleName(), SESSION, action, resource, why);
      }
    }
    return null;
  }

  /**
   * The ARNs a request acts on: its table, or index, or each table of a batch; {@code *} for calls
   * without a table. None when the body is not a JSON object: DynamoDB rejects it first.
   */
  private List<String> resources(String body) {
    JsonNode request;
    try {
      request = JSON.readTree(body);
    } catch (IOException e) {
      return List.of();
    }
    if (request == null || !request.isObject()) {
      return List.of();
    }
    List<String> arns = new ArrayList<>();
    String table = request.path("TableName").asText("");
    if (!table.isEmpty()) {
      String index = request.path("IndexName").asText("");
      arns.add(tableArn(table) + (index.isEmpty() ? "" : "/index/" + index));
    }
    request.path("RequestItems").fieldNames().forEachRemaining(t -> arns.add(tableArn(t)));
    return arns.isEmpty() ? List.of("*") : arns;
  }

  private String tableArn(String table) {
    return "arn:aws:dynamodb:" + region + ":" + accountId + ":table/" + table;
  }

  private static EmulatorResponse accessDenied(String message) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("__type", "com.amazon.coral.service#AccessDeniedException");
    body.put("Message", message);
    try {
      return EmulatorResponse.of(400, "application/x-amz-json-1.0", JSON.writeValueAsString(body));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
