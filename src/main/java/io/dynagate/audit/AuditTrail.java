package io.dynagate.audit;

import io.dynagate.store.Cursors;
import io.dynagate.store.InvalidCursorException;
import io.dynagate.store.Page;
import io.dynagate.store.RegistryTable;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.model.WriteBatch;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The audit trail in the registry. Each event is written twice: to partition {@code audit} (what
 * admins read) and to {@code audit#TEAM} (what that team reads), so that both lists are one Query
 * and paginate evenly. Sort keys are the time at fixed width plus a random suffix, newest first.
 */
@ApplicationScoped
public class AuditTrail {

  private static final String ALL = "audit";
  // Fixed width, so that the text order of sort keys is the time order.
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
  private static final Pattern ID = Pattern.compile("[0-9T:.Z-]{30}#[0-9a-f]{8}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final DynamoDbEnhancedClient enhanced;
  private final DynamoDbTable<AuditItems.Item> items;
  private final Cursors cursors;

  public AuditTrail(RegistryTable registryTable, Cursors cursors) {
    this.enhanced = registryTable.enhanced();
    this.items = registryTable.mapped(AuditItems.SCHEMA);
    this.cursors = cursors;
  }

  public void record(AuditEvent event) {
    AuditEvent withId =
        event.withId(TIME.format(event.at()) + "#" + HexFormat.of().formatHex(randomBytes()));
    List<AuditItems.Item> pending =
        List.of(
            new AuditItems.Item(ALL, withId),
            new AuditItems.Item(ALL + "#" + event.team(), withId));
    while (!pending.isEmpty()) {
      WriteBatch.Builder<AuditItems.Item> batch =
          WriteBatch.builder(AuditItems.Item.class).mappedTableResource(items);
      pending.forEach(batch::addPutItem);
      pending =
          enhanced
              .batchWriteItem(b -> b.writeBatches(batch.build()))
              .unprocessedPutItemsForTable(items);
    }
  }

  /** One page of events, newest first: all of them ({@code team} null), or one team's. */
  public Page<AuditEvent> page(String team, int limit, String cursor) {
    String partition = team == null ? ALL : ALL + "#" + team;
    Map<String, AttributeValue> start =
        cursor == null ? null : decode(partition, cursors.open(partition, cursor));
    return RegistryTable.firstPage(
        items,
        RegistryTable.queryOf(partition)
            .scanIndexForward(false)
            .exclusiveStartKey(start)
            .limit(limit)
            .build(),
        cursors,
        partition,
        AuditItems.Item::event);
  }

  private static Map<String, AttributeValue> decode(String partition, String id) {
    if (!ID.matcher(id).matches()) {
      throw new InvalidCursorException();
    }
    return RegistryTable.itemKey(partition, id);
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[4];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
