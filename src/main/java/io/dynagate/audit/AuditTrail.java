package io.dynagate.audit;

import io.dynagate.store.Cursors;
import io.dynagate.store.InvalidCursorException;
import io.dynagate.store.Page;
import io.dynagate.store.RegistryTable;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The audit trail in the registry. Each event is written twice: to partition {@code audit} (what
 * admins read) and to {@code audit#TEAM} (what that team reads), so that both lists are one Query
 * and paginate evenly. Sort keys are the time at fixed width plus a random suffix, newest first.
 */
@ApplicationScoped
public class AuditTrail {

  static final String PK = "pk";
  static final String SK = "sk";
  private static final String ALL = "audit";
  // Fixed width, so that the text order of sort keys is the time order.
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
  private static final Pattern ID = Pattern.compile("[0-9T:.Z-]{30}#[0-9a-f]{8}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final DynamoDbClient dynamo;
  private final String table;

  private final Cursors cursors;

  public AuditTrail(DynamoDbClient dynamo, RegistryTable registryTable, Cursors cursors) {
    this.dynamo = dynamo;
    this.table = registryTable.name();
    this.cursors = cursors;
  }

  public void record(AuditEvent event) {
    String id = TIME.format(event.at()) + "#" + HexFormat.of().formatHex(randomBytes());
    List<WriteRequest> writes = new ArrayList<>();
    for (String partition : List.of(ALL, ALL + "#" + event.team())) {
      Map<String, AttributeValue> item = AuditItems.toItem(event.withId(id));
      item.put(PK, AttributeValue.fromS(partition));
      item.put(SK, AttributeValue.fromS(id));
      writes.add(
          WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
    }
    Map<String, List<WriteRequest>> pending = Map.of(table, writes);
    while (!pending.isEmpty()) {
      Map<String, List<WriteRequest>> request = pending;
      pending = dynamo.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
    }
  }

  /** One page of events, newest first: all of them ({@code team} null), or one team's. */
  public Page<AuditEvent> page(String team, int limit, String cursor) {
    String partition = team == null ? ALL : ALL + "#" + team;
    Map<String, AttributeValue> start =
        cursor == null ? null : decode(partition, cursors.open(partition, cursor));
    QueryResponse page =
        dynamo.query(
            b ->
                b.tableName(table)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition)))
                    .scanIndexForward(false)
                    .exclusiveStartKey(start)
                    .limit(limit));
    List<AuditEvent> events = page.items().stream().map(AuditItems::fromItem).toList();
    String next =
        page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
            ? cursors.seal(partition, page.lastEvaluatedKey().get(SK).s())
            : null;
    return new Page<>(events, next);
  }

  private static Map<String, AttributeValue> decode(String partition, String id) {
    if (!ID.matcher(id).matches()) {
      throw new InvalidCursorException();
    }
    Map<String, AttributeValue> key = new HashMap<>();
    key.put(PK, AttributeValue.fromS(partition));
    key.put(SK, AttributeValue.fromS(id));
    return key;
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[4];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
