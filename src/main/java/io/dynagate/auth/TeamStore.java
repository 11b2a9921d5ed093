package io.dynagate.auth;

import io.dynagate.store.RegistryTable;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Teams and token records in the registry: partition {@code team} (sort key: the team's name) and
 * partition {@code token} (sort key: the token's id, holding its team, salt and HMAC, never the
 * token). Every read is consistent, so that a revoke takes effect at the next request.
 *
 * <p>A team's item counts its live tokens ({@code liveTokens}): a slot is taken by a conditional
 * increment before a token is written and given back after one is deleted, so that concurrent
 * issues never exceed the cap (no read-then-write). A crash between taking a slot and writing the
 * token leaves one slot taken: the cap errs on the side of fewer tokens.
 */
@ApplicationScoped
public class TeamStore {

  private static final String TEAMS = "team";
  private static final String TOKENS = "token";
  private static final String LIVE = "liveTokens";
  private static final Base64.Encoder B64 = Base64.getEncoder();
  private static final Base64.Decoder B64D = Base64.getDecoder();

  private final DynamoDbClient dynamo;
  private final String table;

  public TeamStore(DynamoDbClient dynamo, RegistryTable registryTable) {
    this.dynamo = dynamo;
    this.table = registryTable.name();
  }

  /** A team as stored. */
  public record Team(String name, Instant createdAt, String createdBy) {}

  /** A token's stored record: who it belongs to and how to check it; no secret. */
  public record TokenRecord(
      String id, String team, byte[] salt, byte[] hmac, Instant createdAt, String createdBy) {}

  /** Creates a team; false when one of that name exists. */
  public boolean createTeam(Team team) {
    Map<String, AttributeValue> item = key(TEAMS, team.name());
    item.put("createdAt", s(team.createdAt().toString()));
    item.put("createdBy", s(team.createdBy()));
    item.put(LIVE, AttributeValue.fromN("0"));
    return putIfAbsent(item);
  }

  /** What taking a token slot gave. */
  public enum Slot {
    TAKEN,
    FULL,
    NO_TEAM
  }

  /** Takes one of the team's {@code max} token slots, atomically. */
  public Slot takeTokenSlot(String team, int max) {
    try {
      dynamo.updateItem(
          b ->
              b.tableName(table)
                  .key(key(TEAMS, team))
                  .updateExpression("SET #live = #live + :one")
                  .conditionExpression("#live < :max")
                  .expressionAttributeNames(Map.of("#live", LIVE))
                  .expressionAttributeValues(Map.of(":one", n(1), ":max", n(max))));
      return Slot.TAKEN;
    } catch (ConditionalCheckFailedException e) {
      Map<String, AttributeValue> item = get(TEAMS, team);
      if (item.isEmpty()) {
        return Slot.NO_TEAM;
      }
      if (!item.containsKey(LIVE)) {
        startCounting(team);
        return takeTokenSlot(team, max);
      }
      return Slot.FULL;
    }
  }

  /** Gives back a slot of a deleted token (or of one that could not be written). */
  public void releaseTokenSlot(String team) {
    try {
      dynamo.updateItem(
          b ->
              b.tableName(table)
                  .key(key(TEAMS, team))
                  .updateExpression("SET #live = #live - :one")
                  .conditionExpression("#live > :zero")
                  .expressionAttributeNames(Map.of("#live", LIVE))
                  .expressionAttributeValues(Map.of(":one", n(1), ":zero", n(0))));
    } catch (ConditionalCheckFailedException e) {
      // a team made before counting: its count starts at the next slot taken
    }
  }

  // Teams made before tokens were counted: the count starts from the tokens there are. Only the
  // first writer sets it; a token issued meanwhile is counted by its own increment after this.
  private void startCounting(String team) {
    int live = tokensOf(team).size();
    try {
      dynamo.updateItem(
          b ->
              b.tableName(table)
                  .key(key(TEAMS, team))
                  .updateExpression("SET #live = :live")
                  .conditionExpression("attribute_exists(pk) AND attribute_not_exists(#live)")
                  .expressionAttributeNames(Map.of("#live", LIVE))
                  .expressionAttributeValues(Map.of(":live", n(live))));
    } catch (ConditionalCheckFailedException e) {
      // another request started counting first
    }
  }

  public boolean teamExists(String name) {
    return !get(TEAMS, name).isEmpty();
  }

  public List<Team> teams() {
    return query(TEAMS).stream()
        .map(i -> new Team(i.get("sk").s(), instant(i, "createdAt"), i.get("createdBy").s()))
        .toList();
  }

  public void putToken(TokenRecord token) {
    Map<String, AttributeValue> item = key(TOKENS, token.id());
    item.put("team", s(token.team()));
    item.put("salt", s(B64.encodeToString(token.salt())));
    item.put("hmac", s(B64.encodeToString(token.hmac())));
    item.put("createdAt", s(token.createdAt().toString()));
    item.put("createdBy", s(token.createdBy()));
    if (!putIfAbsent(item)) {
      throw new IllegalStateException("token id collision; 64 random bits make this unlikely");
    }
  }

  public Optional<TokenRecord> token(String id) {
    Map<String, AttributeValue> item = get(TOKENS, id);
    return item.isEmpty() ? Optional.empty() : Optional.of(toToken(item));
  }

  /** The tokens of one team; there are few tokens, so one partition read through is fine. */
  public List<TokenRecord> tokensOf(String team) {
    return query(TOKENS).stream()
        .filter(i -> team.equals(i.get("team").s()))
        .map(TeamStore::toToken)
        .toList();
  }

  /** Deletes a token of a team; false when no such token of that team exists. */
  public boolean deleteToken(String team, String id) {
    try {
      dynamo.deleteItem(
          b ->
              b.tableName(table)
                  .key(key(TOKENS, id))
                  .conditionExpression("attribute_exists(pk) AND #team = :team")
                  .expressionAttributeNames(Map.of("#team", "team"))
                  .expressionAttributeValues(Map.of(":team", s(team))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  private boolean putIfAbsent(Map<String, AttributeValue> item) {
    try {
      dynamo.putItem(
          b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  private Map<String, AttributeValue> get(String partition, String name) {
    Map<String, AttributeValue> item =
        dynamo
            .getItem(b -> b.tableName(table).key(key(partition, name)).consistentRead(true))
            .item();
    return item == null ? Map.of() : item;
  }

  private List<Map<String, AttributeValue>> query(String partition) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    dynamo
        .queryPaginator(
            b ->
                b.tableName(table)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", s(partition)))
                    .consistentRead(true))
        .items()
        .forEach(items::add);
    return items;
  }

  private static TokenRecord toToken(Map<String, AttributeValue> item) {
    return new TokenRecord(
        item.get("sk").s(),
        item.get("team").s(),
        B64D.decode(item.get("salt").s()),
        B64D.decode(item.get("hmac").s()),
        instant(item, "createdAt"),
        item.get("createdBy").s());
  }

  private static Map<String, AttributeValue> key(String partition, String name) {
    Map<String, AttributeValue> key = new HashMap<>();
    key.put("pk", s(partition));
    key.put("sk", s(name));
    return key;
  }

  private static Instant instant(Map<String, AttributeValue> item, String name) {
    return Instant.parse(item.get(name).s());
  }

  private static AttributeValue n(int value) {
    return AttributeValue.fromN(Integer.toString(value));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
