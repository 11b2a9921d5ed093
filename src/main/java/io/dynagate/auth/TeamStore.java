package io.dynagate.auth;

import io.dynagate.store.RegistryTable;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.DeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.IgnoreNullsMode;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.UpdateItemEnhancedRequest;
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
 *
 * <p>Taking and giving back a slot add to the stored count under a condition on it; the enhanced
 * client can only write a value computed here (a read-then-write), so those two stay low-level
 * UpdateItems.
 */
@ApplicationScoped
public class TeamStore {

  private static final String TEAMS = "team";
  private static final String TOKENS = "token";
  private static final String LIVE = "liveTokens";
  private static final Base64.Encoder B64 = Base64.getEncoder();
  private static final Base64.Decoder B64D = Base64.getDecoder();

  /** A team as stored. */
  public record Team(String name, Instant createdAt, String createdBy) {}

  /** A token's stored record: who it belongs to and how to check it; no secret. */
  public record TokenRecord(
      String id, String team, byte[] salt, byte[] hmac, Instant createdAt, String createdBy) {}

  /** A team's item: the team and its count of live tokens (absent on teams made before it). */
  record TeamItem(Team team, Long liveTokens) {

    private static final class Builder {
      private String name;
      private Instant createdAt;
      private String createdBy;
      private Long liveTokens;

      TeamItem build() {
        return new TeamItem(new Team(name, createdAt, createdBy), liveTokens);
      }
    }

    static final TableSchema<TeamItem> SCHEMA =
        RegistryTable.schema(
                TeamItem.class,
                Builder.class,
                Builder::new,
                Builder::build,
                item -> TEAMS,
                (b, pk) -> {},
                item -> item.team().name(),
                (b, v) -> b.name = v)
            .addAttribute(
                Instant.class,
                a ->
                    a.name("createdAt")
                        .getter(item -> item.team().createdAt())
                        .setter((b, v) -> b.createdAt = v))
            .addAttribute(
                String.class,
                a ->
                    a.name("createdBy")
                        .getter(item -> item.team().createdBy())
                        .setter((b, v) -> b.createdBy = v))
            .addAttribute(
                Long.class,
                a -> a.name(LIVE).getter(TeamItem::liveTokens).setter((b, v) -> b.liveTokens = v))
            .build();
  }

  /** A token's item; salt and HMAC are stored as base64 text. */
  private static final class TokenBuilder {
    private String id;
    private String team;
    private byte[] salt;
    private byte[] hmac;
    private Instant createdAt;
    private String createdBy;

    TokenRecord build() {
      return new TokenRecord(id, team, salt, hmac, createdAt, createdBy);
    }
  }

  private static final TableSchema<TokenRecord> TOKEN_SCHEMA =
      RegistryTable.schema(
              TokenRecord.class,
              TokenBuilder.class,
              TokenBuilder::new,
              TokenBuilder::build,
              token -> TOKENS,
              (b, pk) -> {},
              TokenRecord::id,
              (b, v) -> b.id = v)
          .addAttribute(
              String.class,
              a -> a.name("team").getter(TokenRecord::team).setter((b, v) -> b.team = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("salt")
                      .getter(token -> B64.encodeToString(token.salt()))
                      .setter((b, v) -> b.salt = B64D.decode(v)))
          .addAttribute(
              String.class,
              a ->
                  a.name("hmac")
                      .getter(token -> B64.encodeToString(token.hmac()))
                      .setter((b, v) -> b.hmac = B64D.decode(v)))
          .addAttribute(
              Instant.class,
              a ->
                  a.name("createdAt")
                      .getter(TokenRecord::createdAt)
                      .setter((b, v) -> b.createdAt = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("createdBy")
                      .getter(TokenRecord::createdBy)
                      .setter((b, v) -> b.createdBy = v))
          .build();

  private final DynamoDbClient dynamo;
  private final String table;
  private final DynamoDbTable<TeamItem> teamItems;
  private final DynamoDbTable<TokenRecord> tokenItems;

  public TeamStore(DynamoDbClient dynamo, RegistryTable registryTable) {
    this.dynamo = dynamo;
    this.table = registryTable.name();
    this.teamItems = registryTable.mapped(TeamItem.SCHEMA);
    this.tokenItems = registryTable.mapped(TOKEN_SCHEMA);
  }

  /** Creates a team; false when one of that name exists. */
  public boolean createTeam(Team team) {
    try {
      teamItems.putItem(
          PutItemEnhancedRequest.builder(TeamItem.class)
              .item(new TeamItem(team, 0L))
              .conditionExpression(absent())
              .build());
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
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
                  .key(RegistryTable.itemKey(TEAMS, team))
                  .updateExpression("SET #live = #live + :one")
                  .conditionExpression("#live < :max")
                  .expressionAttributeNames(Map.of("#live", LIVE))
                  .expressionAttributeValues(Map.of(":one", n(1), ":max", n(max))));
      return Slot.TAKEN;
    } catch (ConditionalCheckFailedException e) {
      TeamItem item = teamItems.getItem(RegistryTable.consistentGet(TEAMS, team));
      if (item == null) {
        return Slot.NO_TEAM;
      }
      if (item.liveTokens() == null) {
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
                  .key(RegistryTable.itemKey(TEAMS, team))
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
    long live = tokensOf(team).size();
    try {
      teamItems.updateItem(
          UpdateItemEnhancedRequest.builder(TeamItem.class)
              // Only the count: the team's other attributes are null here and left as stored.
              .item(new TeamItem(new Team(team, null, null), live))
              .ignoreNullsMode(IgnoreNullsMode.SCALAR_ONLY)
              .conditionExpression(
                  Expression.builder()
                      .expression("attribute_exists(pk) AND attribute_not_exists(#live)")
                      .expressionNames(Map.of("#live", LIVE))
                      .build())
              .build());
    } catch (ConditionalCheckFailedException e) {
      // another request started counting first
    }
  }

  public boolean teamExists(String name) {
    return teamItems.getItem(RegistryTable.consistentGet(TEAMS, name)) != null;
  }

  public List<Team> teams() {
    return teamItems.query(inPartition(TEAMS)).items().stream().map(TeamItem::team).toList();
  }

  public void putToken(TokenRecord token) {
    try {
      tokenItems.putItem(
          PutItemEnhancedRequest.builder(TokenRecord.class)
              .item(token)
              .conditionExpression(absent())
              .build());
    } catch (ConditionalCheckFailedException e) {
      throw new IllegalStateException("token id collision; 64 random bits make this unlikely");
    }
  }

  public Optional<TokenRecord> token(String id) {
    return Optional.ofNullable(tokenItems.getItem(RegistryTable.consistentGet(TOKENS, id)));
  }

  /** The tokens of one team; there are few tokens, so one partition read through is fine. */
  public List<TokenRecord> tokensOf(String team) {
    return tokenItems.query(inPartition(TOKENS)).items().stream()
        .filter(token -> team.equals(token.team()))
        .toList();
  }

  /** Deletes a token of a team; false when no such token of that team exists. */
  public boolean deleteToken(String team, String id) {
    try {
      tokenItems.deleteItem(
          DeleteItemEnhancedRequest.builder()
              .key(RegistryTable.key(TOKENS, id))
              .conditionExpression(
                  Expression.builder()
                      .expression("attribute_exists(pk) AND #team = :team")
                      .expressionNames(Map.of("#team", "team"))
                      .expressionValues(Map.of(":team", AttributeValue.fromS(team)))
                      .build())
              .build());
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  private static Expression absent() {
    return Expression.builder().expression("attribute_not_exists(pk)").build();
  }

  private static QueryEnhancedRequest inPartition(String partition) {
    return RegistryTable.queryOf(partition).consistentRead(true).build();
  }

  private static AttributeValue n(int value) {
    return AttributeValue.fromN(Integer.toString(value));
  }
}
