package io.dynagate.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dynagate.audit.AuditEvent;
import io.dynagate.audit.AuditTrail;
import io.dynagate.auth.TeamStore;
import io.dynagate.support.FreshDataDir;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The registry's items keep the attribute names and types they have always had: items written
 * before the typed schemas still read and update, and new writes store what those did.
 */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class StoredLayoutTest {

  @Inject DynamoDbClient dynamo;
  @Inject RegistryTable registryTable;
  @Inject Registry registry;
  @Inject TableUses tableUses;
  @Inject Leases leases;
  @Inject ObjectMapper json;
  @Inject AuditTrail audit;
  @Inject TeamStore teams;

  @Test
  void aDeclarationWrittenAsBeforeReadsAndUpdatesWithItsOtherAttributesKept() throws Exception {
    // A consumer of an API that does not exist: no reconcile pass touches it meanwhile.
    Ref ref = Ref.consumer("layout-none", "old");
    String status = json.writeValueAsString(Status.pending());
    Map<String, AttributeValue> old = new HashMap<>(key(ref));
    old.put("spec", AttributeValue.fromS("{}"));
    old.put("name", AttributeValue.fromS(ref.name()));
    old.put("owner", AttributeValue.fromS("t1"));
    old.put("version", AttributeValue.fromN("3"));
    old.put("createdAt", AttributeValue.fromS("2026-01-02T03:04:05.123456Z"));
    old.put("updatedAt", AttributeValue.fromS("2026-01-02T03:04:05Z"));
    old.put("deleting", AttributeValue.fromBool(false));
    old.put("status", AttributeValue.fromS(status));
    dynamo.putItem(b -> b.tableName(registryTable.name()).item(old));

    Stored read = registry.get(ref).orElseThrow();
    assertEquals(3, read.version());
    assertEquals(Instant.parse("2026-01-02T03:04:05.123456Z"), read.createdAt());

    Stored updated = registry.update(ref, "t1", 3, "{\"description\":\"d\"}");
    assertEquals(4, updated.version());
    assertThrows(
        VersionConflictException.class, () -> registry.update(ref, "t1", 3, "{}"), "stale version");
    assertThrows(
        VersionConflictException.class, () -> registry.update(ref, "t2", 4, "{}"), "other owner");
    Map<String, AttributeValue> raw = raw(ref);
    assertEquals("4", raw.get("version").n());
    assertEquals(status, raw.get("status").s());
    assertEquals("t1", raw.get("owner").s());
    assertEquals("2026-01-02T03:04:05.123456Z", raw.get("createdAt").s());
    assertEquals(Boolean.FALSE, raw.get("deleting").bool());
  }

  @Test
  void aNewTableDeclarationStoresTheAttributesItAlwaysHad() {
    Ref ref = Ref.table("layout-new");
    Stored created = registry.create(ref, "t1", "{}");
    assertEquals(1, created.version());
    Map<String, AttributeValue> raw = raw(ref);
    assertEquals("1", raw.get("version").n());
    assertEquals(ref.name(), raw.get("name").s());
    assertEquals(Boolean.FALSE, raw.get("deleting").bool());
    assertTrue(raw.get(TableUses.REFS).hasM() && raw.get(TableUses.REFS).m().isEmpty());
    assertEquals(created.createdAt(), Instant.parse(raw.get("createdAt").s()));
    assertThrows(NameTakenException.class, () -> registry.create(ref, "t2", "{}"));

    tableUses.add(ref.name(), "shop", "get-user");
    assertEquals(
        "N", raw(ref).get(TableUses.REFS).m().get("shop/get-user").type().name(), "a number");
    assertEquals(1, tableUses.of(ref.name()).size());
    assertThrows(VersionConflictException.class, () -> registry.remove(ref, "t1", 1));
    tableUses.remove(ref.name(), "shop", "get-user");
    registry.remove(ref, "t1", 1);
    assertFalse(registry.get(ref).isPresent());
  }

  @Test
  void markingForDeletionAndWritingStatusLeaveTheVersion() {
    Ref ref = Ref.consumer("layout-none", "deleting");
    registry.create(ref, "t1", "{}");
    Stored deleting = registry.markDeleting(ref, "t1", 1);
    assertTrue(deleting.deleting());
    assertEquals(1, deleting.version());
    registry.writeStatus(ref, Status.pending().deleting());
    assertEquals("1", raw(ref).get("version").n());
    assertEquals(Boolean.TRUE, raw(ref).get("deleting").bool());
    assertThrows(VersionConflictException.class, () -> registry.delete(ref, OptionalLong.of(2)));
    registry.delete(ref, OptionalLong.of(1));
    assertFalse(registry.get(ref).isPresent());
  }

  @Test
  void aLeaseItemKeepsItsHolderAndExpiryAsTextAndNumber() {
    assertTrue(leases.acquire("layout-lease", Duration.ofSeconds(30)));
    Map<String, AttributeValue> raw =
        dynamo
            .getItem(
                b ->
                    b.tableName(registryTable.name())
                        .key(RegistryTable.itemKey("lease", "layout-lease"))
                        .consistentRead(true))
            .item();
    assertTrue(raw.get("holder").s().length() > 0);
    assertTrue(Long.parseLong(raw.get("expiresAt").n()) > System.currentTimeMillis());
    leases.release("layout-lease");
  }

  @Test
  void anAuditEventLeavesOutTheVersionsAndSpecsItHasNot() {
    Instant at = Instant.parse("2026-02-03T04:05:06.789Z");
    audit.record(AuditEvent.of(at, "admin", "layout-team", AuditEvent.CREATE, "team", "x"));
    List<Map<String, AttributeValue>> items =
        dynamo
            .query(
                b ->
                    b.tableName(registryTable.name())
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(
                            Map.of(":pk", AttributeValue.fromS("audit#layout-team"))))
            .items();
    assertEquals(1, items.size());
    Map<String, AttributeValue> item = items.get(0);
    assertEquals("2026-02-03T04:05:06.789Z", item.get("at").s());
    assertEquals("team", item.get("kind").s());
    assertFalse(item.containsKey("versionBefore") || item.containsKey("specAfter"), "" + item);
    AuditEvent read = audit.page("layout-team", 10, null).items().get(0);
    assertEquals(item.get("sk").s(), read.id());
    assertEquals(at, read.at());
  }

  @Test
  void aTeamMadeBeforeTokensWereCountedStartsCountingAtItsNextToken() {
    Instant at = Instant.parse("2026-02-03T04:05:06Z");
    dynamo.putItem(
        b ->
            b.tableName(registryTable.name())
                .item(
                    Map.of(
                        "pk", AttributeValue.fromS("team"),
                        "sk", AttributeValue.fromS("layout-uncounted"),
                        "createdAt", AttributeValue.fromS(at.toString()),
                        "createdBy", AttributeValue.fromS("admin"))));
    teams.putToken(
        new TeamStore.TokenRecord(
            "layout-token", "layout-uncounted", new byte[] {1, 2}, new byte[] {3}, at, "admin"));
    assertEquals(TeamStore.Slot.TAKEN, teams.takeTokenSlot("layout-uncounted", 5));
    Map<String, AttributeValue> team =
        dynamo
            .getItem(
                b ->
                    b.tableName(registryTable.name())
                        .key(RegistryTable.itemKey("team", "layout-uncounted"))
                        .consistentRead(true))
            .item();
    assertEquals("2", team.get("liveTokens").n(), "the token there was, and this one");
    assertEquals(at.toString(), team.get("createdAt").s(), "the rest of the team as it was");
    Map<String, AttributeValue> token =
        dynamo
            .getItem(
                b ->
                    b.tableName(registryTable.name())
                        .key(RegistryTable.itemKey("token", "layout-token"))
                        .consistentRead(true))
            .item();
    assertEquals("AQI=", token.get("salt").s());
    var record = teams.token("layout-token").orElseThrow();
    assertEquals(2, record.salt().length);
    assertEquals("layout-uncounted", record.team());
    assertTrue(teams.deleteToken("layout-uncounted", "layout-token"));
    assertFalse(teams.deleteToken("layout-uncounted", "layout-token"));
  }

  private Map<String, AttributeValue> raw(Ref ref) {
    return dynamo
        .getItem(b -> b.tableName(registryTable.name()).key(key(ref)).consistentRead(true))
        .item();
  }

  private static Map<String, AttributeValue> key(Ref ref) {
    return RegistryTable.itemKey(ref.partition(), ref.name());
  }
}
