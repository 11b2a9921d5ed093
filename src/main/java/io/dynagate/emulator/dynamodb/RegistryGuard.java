package io.dynagate.emulator.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dynagate.emulator.core.EmulatorResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the registry table (teams, token HMACs, every declaration) out of reach of the emulator's
 * DynamoDB endpoint. Dynagate reaches the registry through dynalite directly; whoever calls the
 * emulator gets what AWS answers a principal that a service control policy denies: 400 {@code
 * AccessDeniedException}.
 *
 * <p>Every field that names a table is checked wherever it sits in the request (top-level {@code
 * TableName}, the keys of a batch's {@code RequestItems}, each {@code TransactItems} entry, table
 * and resource ARNs, backup and restore targets, PartiQL statements). {@code ListTables} stays
 * allowed, as on AWS, where listing is granted on the account: a name is no data, and the
 * registry's name is in the configuration anyway.
 */
public class RegistryGuard {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> TABLE_FIELDS =
      Set.of(
          "TableName",
          "SourceTableName",
          "TargetTableName",
          "GlobalTableName",
          "TableArn",
          "SourceTableArn",
          "ResourceArn");

  private final String registry;
  private final String accountId;
  private final String region;

  /**
   * @param registry the registry table's name
   * @param accountId the account in the emulator's table ARNs
   * @param region the region in the emulator's table ARNs
   */
  public RegistryGuard(String registry, String accountId, String region) {
    this.registry = registry;
    this.accountId = accountId;
    this.region = region;
  }

  /** The refusal when the call names the registry table, else empty. */
  public Optional<EmulatorResponse> refusal(String operation, byte[] body) {
    if (!mayName(body)) {
      return Optional.empty();
    }
    JsonNode request;
    try {
      request = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      return Optional.empty(); // dynalite answers SerializationException, as DynamoDB does
    } catch (IOException e) {
      return Optional.empty();
    }
    if (request == null || !namesRegistry(request)) {
      return Optional.empty();
    }
    return Optional.of(accessDenied(operation));
  }

  // The data plane's hot path skips parsing: no name and no escape (\\u0064 spells 'd') in the
  // bytes means no field can name the registry.
  private boolean mayName(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    return text.contains(registry) || text.indexOf('\\') >= 0;
  }

  private boolean namesRegistry(JsonNode node) {
    if (node.isArray()) {
      for (JsonNode element : node) {
        if (namesRegistry(element)) {
          return true;
        }
      }
      return false;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey();
      JsonNode value = field.getValue();
      if (TABLE_FIELDS.contains(name) && value.isTextual() && isRegistry(value.asText())) {
        return true;
      }
      if (name.equals("Statement") && value.isTextual() && value.asText().contains(registry)) {
        return true;
      }
      if (name.equals("RequestItems") && value.isObject() && hasRegistryKey(value)) {
        return true;
      }
      // Items and keys hold user data: a value that happens to spell the name is no table.
      boolean data = name.equals("Item") || name.equals("Key") || name.startsWith("Expression");
      if (value.isContainerNode() && !data && namesRegistry(value)) {
        return true;
      }
    }
    return false;
  }

  private boolean hasRegistryKey(JsonNode requestItems) {
    Iterator<String> tables = requestItems.fieldNames();
    while (tables.hasNext()) {
      if (isRegistry(tables.next())) {
        return true;
      }
    }
    return false;
  }

  /** The name itself, or an ARN of the table, one of its indexes, streams or exports. */
  private boolean isRegistry(String table) {
    if (table.equals(registry)) {
      return true;
    }
    int at = table.indexOf(":table/");
    if (!table.startsWith("arn:") || at < 0) {
      return false;
    }
    String rest = table.substring(at + ":table/".length());
    return rest.equals(registry) || rest.startsWith(registry + "/");
  }

  private EmulatorResponse accessDenied(String operation) {
    String action = "dynamodb:" + operation;
    String message =
        "User: arn:aws:iam::%s:root is not authorized to perform: %s on resource: arn:aws:dynamodb:%s:%s:table/%s with an explicit deny in a service control policy"
            .formatted(accountId, action, region, accountId, registry);
    String body =
        JSON.createObjectNode()
            .put("__type", "com.amazon.coral.service#AccessDeniedException")
            .put("Message", message)
            .toString();
    return EmulatorResponse.of(400, DynamoAnswers.CONTENT_TYPE, body);
  }
}
