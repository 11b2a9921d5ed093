package io.dynagate.emulator.dataplane;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dynagate.emulator.core.CallCounter;
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
import java.util.concurrent.ConcurrentHashMap;

/**
 * DynamoDB called as API Gateway calls it for an {@code AWS} integration: as the credentials role,
 * whose inline policies must allow the action on the table (or index) the request names. A denied
 * call gets DynamoDB's own {@code AccessDeniedException}, which then goes through the integration
 * responses like any DynamoDB error. A body that is not JSON goes to DynamoDB unchecked: it answers
 * {@code SerializationException} before it authorises anything. Every call reaches DynamoDB's count
 * in {@link CallCounter} ({@code dynamodb:GetItem}), denied ones too: on AWS DynamoDB receives them
 * and answers the denial.
 */
@ApplicationScoped
class DynamoBackend {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecondFormat AMZ_DATE =
      new SecondFormat(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
  private static final String SESSION = "BackplaneAssumeRoleSession";

  private final DynamoPassThrough dynamo;
  private final CallCounter calls;
  private final String region;
  private final String accountId;
  private final Map<String, String> partitionKeys = new ConcurrentHashMap<>();

  DynamoBackend(DynamoPassThrough dynamo, CallCounter calls, EmulatorSettings settings) {
    this.dynamo = dynamo;
    this.calls = calls;
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
    calls.record("dynamodb", action);
    boolean attributes = role.tests(DynamoConditionKeys.ATTRIBUTES);
    boolean leading = role.tests(DynamoConditionKeys.LEADING_KEYS);
    if (!attributes && !leading) {
      return authorised(role, action, body, Map.of());
    }
    JsonNode tree = tree(body);
    if (tree == null) {
      return authorised(role, action, body, Map.of());
    }
    Map<String, List<String>> keys = new HashMap<>();
    if (attributes) {
      keys.put(DynamoConditionKeys.ATTRIBUTES, DynamoConditionKeys.attributes(tree));
    }
    String table = tree.path("TableName").asText("");
    if (!leading || table.isEmpty()) {
      return authorised(role, action, body, keys);
    }
    return partitionKey(table)
        .thenCompose(
            partitionKey -> {
              if (partitionKey != null) {
                keys.put(
                    DynamoConditionKeys.LEADING_KEYS,
                    DynamoConditionKeys.leadingKeys(tree, partitionKey));
              }
              return authorised(role, action, body, keys);
            });
  }

  /**
   * A table's partition key name, from DescribeTable, kept per table name; null when there is no
   * such table (DynamoDB then answers the call itself). A table re-created under the same name with
   * another partition key is not noticed: the emulator's users do not do that mid-run.
   */
  private CompletionStage<String> partitionKey(String table) {
    String known = partitionKeys.get(table);
    if (known != null) {
      return CompletableFuture.completedFuture(known);
    }
    String body = "{\"TableName\":" + quote(table) + "}";
    return send("DescribeTable", body, "dynagate-emulator")
        .thenApply(
            answer -> {
              JsonNode schema = tree(new String(answer.body(), StandardCharsets.UTF_8));
              if (schema == null) {
                return null;
              }
              for (JsonNode key : schema.path("Table").path("KeySchema")) {
                if (key.path("KeyType").asText().equals("HASH")) {
                  String name = key.path("AttributeName").asText();
                  partitionKeys.put(table, name);
                  return name;
                }
              }
              return null;
            });
  }

  private CompletionStage<EmulatorResponse> authorised(
      RoleAccess.Parsed role, String action, String body, Map<String, List<String>> keys) {
    String denied = denial(role, "dynamodb:" + action, body, keys);
    if (denied != null) {
      return CompletableFuture.completedFuture(accessDenied(denied));
    }
    return send(action, body, role.role().roleId());
  }

  private CompletionStage<EmulatorResponse> send(String action, String body, String accessKey) {
    String date = AMZ_DATE.format(Instant.now());
    Map<String, String> headers = new HashMap<>();
    headers.put("content-type", "application/x-amz-json-1.0");
    headers.put("x-amz-target", "DynamoDB_20120810." + action);
    headers.put("x-amz-date", date);
    headers.put(
        "authorization",
        "AWS4-HMAC-SHA256 Credential="
            + accessKey
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
  private String denial(
      RoleAccess.Parsed role, String action, String body, Map<String, List<String>> keys) {
    for (String resource : resources(body)) {
      Policy.Decision decision = role.permits(action, resource, keys);
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

  private static JsonNode tree(String body) {
    try {
      JsonNode tree = JSON.readTree(body);
      return tree != null && tree.isObject() ? tree : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static String quote(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
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
