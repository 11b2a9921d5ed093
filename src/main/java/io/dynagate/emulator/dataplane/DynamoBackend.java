package io.dynagate.emulator.dataplane;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dynagate.emulator.core.EmulatorRequest;
import io.dynagate.emulator.core.EmulatorResponse;
import io.dynagate.emulator.core.EmulatorSettings;
import io.dynagate.emulator.dynamodb.DynamoPassThrough;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
  private static final SecondFormat AMZ_DATE =
      new SecondFormat(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
  private static final String SESSION = "BackplaneAssumeRoleSession";

  private final DynamoPassThrough dynamo;
  private final String region;
  private final String accountId;

  DynamoBackend(DynamoPassThrough dynamo, EmulatorSettings settings) {
    this.dynamo = dynamo;
    this.region = settings.region();
    this.accountId = settings.accountId();
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
    String date = AMZ_DATE.format(Instant.now());
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
      Policy.Decision decision = role.permits(action, resource);
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
   * without a table. None when the body is not a JSON object: DynamoDB rejects it first. Read as a
   * stream of tokens, without building the document: only three top-level names matter. Their
   * values are read as a tree would give them (the last of a repeated name wins).
   */
  private List<String> resources(String body) {
    String table = "";
    String index = "";
    Set<String> batch = Set.of();
    try (JsonParser parser = JSON.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return List.of();
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (field) {
          case "TableName" -> table = text(parser, value);
          case "IndexName" -> index = text(parser, value);
          case "RequestItems" -> batch = fieldNames(parser, value);
          default -> parser.skipChildren();
        }
      }
    } catch (IOException e) {
      return List.of();
    }
    List<String> arns = new ArrayList<>();
    if (!table.isEmpty()) {
      arns.add(tableArn(table) + (index.isEmpty() ? "" : "/index/" + index));
    }
    batch.forEach(t -> arns.add(tableArn(t)));
    return arns.isEmpty() ? List.of("*") : arns;
  }

  /** The value as {@link JsonNode#asText(String)} with {@code ""} gives it. */
  private static String text(JsonParser parser, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_STRING) {
      return parser.getText();
    }
    JsonNode node = JSON.readTree(parser);
    return node.asText("");
  }

  /** An object's names, in order, once each; none when the value is not an object. */
  private static Set<String> fieldNames(JsonParser parser, JsonToken value) throws IOException {
    if (value != JsonToken.START_OBJECT) {
      parser.skipChildren();
      return Set.of();
    }
    Set<String> names = new LinkedHashSet<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      names.add(parser.currentName());
      parser.nextToken();
      parser.skipChildren();
    }
    return names;
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
