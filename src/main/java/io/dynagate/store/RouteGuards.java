package io.dynagate.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.DeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Guard items that keep what API Gateway needs unique within one API, decided by conditional writes
 * (DynamoDB's engine here has no transactions), in partition {@code guard#API}:
 *
 * <ul>
 *   <li>an <em>exclusive</em> guard (e.g. one method on one path) held by one route;
 *   <li>a <em>shared</em> guard (e.g. the variable part at one level of the path) held by every
 *       route that agrees on its value (the parameter's name), refused to one that does not.
 * </ul>
 *
 * <p>A route claims its guards before it is written and releases them after it is removed, so a
 * crash leaves a guard whose holder does not hold it. Such a guard is reclaimed, but only once it
 * is older than {@link #GRACE}: a younger one may belong to a declaration still under way, whose
 * route is about to be written (declarations give up rather than write past half of it).
 */
@ApplicationScoped
public class RouteGuards {

  /** How old a guard whose holder does not hold it must be before another route reclaims it. */
  public static final Duration GRACE = Duration.ofSeconds(30);

  private static final int ATTEMPTS = 4;
  private static final String PREFIX = "guard#";

  /** An exclusive guard: the route holding it and when it claimed it. */
  record Exclusive(String api, String guard, String holder, Long claimedAt) {

    private static final class Builder {
      private String api;
      private String guard;
      private String holder;
      private Long claimedAt;

      Exclusive build() {
        return new Exclusive(api, guard, holder, claimedAt);
      }
    }

    static final TableSchema<Exclusive> SCHEMA =
        RegistryTable.schema(
                Exclusive.class,
                Builder.class,
                Builder::new,
                Builder::build,
                g -> partition(g.api()),
                (b, pk) -> b.api = apiOf(pk),
                Exclusive::guard,
                (b, v) -> b.guard = v)
            .addAttribute(
                String.class,
                a -> a.name("holder").getter(Exclusive::holder).setter((b, v) -> b.holder = v))
            .addAttribute(
                Long.class,
                a ->
                    a.name("claimedAt")
                        .getter(Exclusive::claimedAt)
                        .setter((b, v) -> b.claimedAt = v))
            .build();
  }

  /** A shared guard: the value its holders agree on, and each holder with when it joined. */
  record Shared(String api, String guard, String value, Map<String, Long> holders) {

    private static final class Builder {
      private String api;
      private String guard;
      private String value;
      private Map<String, Long> holders = Map.of();

      Shared build() {
        return new Shared(api, guard, value, holders);
      }
    }

    static final TableSchema<Shared> SCHEMA =
        RegistryTable.schema(
                Shared.class,
                Builder.class,
                Builder::new,
                Builder::build,
                g -> partition(g.api()),
                (b, pk) -> b.api = apiOf(pk),
                Shared::guard,
                (b, v) -> b.guard = v)
            .addAttribute(
                String.class,
                a -> a.name("value").getter(Shared::value).setter((b, v) -> b.value = v))
            .addAttribute(
                EnhancedType.mapOf(String.class, Long.class),
                a -> a.name("holders").getter(Shared::holders).setter((b, v) -> b.holders = v))
            .build();
  }

  // Joining and leaving a shared guard change one entry of its holders map under a condition on
  // that entry; the enhanced client writes whole attributes, so those stay low-level UpdateItems.
  private final DynamoDbClient dynamo;
  private final String table;
  private final DynamoDbTable<Exclusive> exclusive;
  private final DynamoDbTable<Shared> shared;
  private final Clock clock = Clock.systemUTC();

  public RouteGuards(DynamoDbClient dynamo, RegistryTable registryTable) {
    this.dynamo = dynamo;
    this.table = registryTable.name();
    this.exclusive = registryTable.mapped(Exclusive.SCHEMA);
    this.shared = registryTable.mapped(Shared.SCHEMA);
  }

  /** Does route {@code holder} of the API (as it is declared now) hold this guard? */
  @FunctionalInterface
  public interface Holding {
    boolean holds(String holder, String guard, String value);
  }

  /** Who keeps a guard from being claimed: a route, and the value it holds the guard with. */
  public record Refusal(String holder, String value, boolean settled) {}

  /** Claims an exclusive guard for {@code route}; the refusal when another route holds it. */
  public Optional<Refusal> claimExclusive(String api, String guard, String route, Holding holding) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      try {
        exclusive.putItem(
            PutItemEnhancedRequest.builder(Exclusive.class)
                .item(new Exclusive(api, guard, route, clock.millis()))
                .conditionExpression(
                    condition("attribute_not_exists(pk) OR holder = :me", Map.of(":me", s(route))))
                .build());
        return Optional.empty();
      } catch (ConditionalCheckFailedException e) {
        Exclusive held = exclusive.getItem(RegistryTable.consistentGet(partition(api), guard));
        if (held == null) {
          continue;
        }
        String holder = held.holder();
        long claimedAt = millis(held.claimedAt());
        if (holding.holds(holder, guard, null)) {
          return Optional.of(new Refusal(holder, null, true));
        }
        if (!old(claimedAt)) {
          return Optional.of(new Refusal(holder, null, false));
        }
        deleteIf(
            api,
            guard,
            condition(
                "holder = :h AND claimedAt = :at", Map.of(":h", s(holder), ":at", n(claimedAt))));
      }
    }
    throw new IllegalStateException("guard " + guard + " of api " + api + " keeps changing");
  }

  /** Claims a shared guard with {@code value}; the refusal when routes hold it with another. */
  public Optional<Refusal> claimShared(
      String api, String guard, String value, String route, Holding holding) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (putShared(api, guard, value, route) || joinShared(api, guard, value, route)) {
        return Optional.empty();
      }
      Shared item = shared.getItem(RegistryTable.consistentGet(partition(api), guard));
      if (item == null) {
        continue;
      }
      String held = item.value();
      for (var holder : item.holders().entrySet()) {
        if (holding.holds(holder.getKey(), guard, held)) {
          return Optional.of(new Refusal(holder.getKey(), held, true));
        }
        if (!old(millis(holder.getValue()))) {
          return Optional.of(new Refusal(holder.getKey(), held, false));
        }
      }
      item.holders().forEach((holder, at) -> leaveShared(api, guard, holder, millis(at)));
      deleteIfEmpty(api, guard);
    }
    throw new IllegalStateException("guard " + guard + " of api " + api + " keeps changing");
  }

  /** Releases an exclusive guard if {@code route} holds it. */
  public void releaseExclusive(String api, String guard, String route) {
    deleteIf(api, guard, condition("holder = :me", Map.of(":me", s(route))));
  }

  /** Takes {@code route} out of a shared guard's holders; the guard goes with its last holder. */
  public void releaseShared(String api, String guard, String route) {
    try {
      dynamo.updateItem(
          b ->
              b.tableName(table)
                  .key(key(api, guard))
                  .updateExpression("REMOVE holders.#r")
                  .conditionExpression("attribute_exists(holders.#r)")
                  .expressionAttributeNames(Map.of("#r", route)));
    } catch (ConditionalCheckFailedException e) {
      // not a holder
    }
    deleteIfEmpty(api, guard);
  }

  /**
   * Releases every guard of an API, for the pass that deletes the API once its routes are gone: a
   * new API of the same name starts with none.
   *
   * @return how many guards were released
   */
  public int releaseAll(String api) {
    int released = 0;
    for (Exclusive guard :
        exclusive
            .query(
                RegistryTable.queryOf(partition(api))
                    .attributesToProject(RegistryTable.PK, RegistryTable.SK)
                    .consistentRead(true)
                    .build())
            .items()) {
      exclusive.deleteItem(RegistryTable.key(partition(api), guard.guard()));
      released++;
    }
    return released;
  }

  private boolean putShared(String api, String guard, String value, String route) {
    try {
      shared.putItem(
          PutItemEnhancedRequest.builder(Shared.class)
              .item(new Shared(api, guard, value, Map.of(route, clock.millis())))
              .conditionExpression(condition("attribute_not_exists(pk)", Map.of()))
              .build());
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  private boolean joinShared(String api, String guard, String value, String route) {
    try {
      dynamo.updateItem(
          b ->
              b.tableName(table)
                  .key(key(api, guard))
                  .updateExpression("SET holders.#r = :now")
                  .conditionExpression("#v = :value")
                  .expressionAttributeNames(Map.of("#r", route, "#v", "value"))
                  .expressionAttributeValues(
                      Map.of(":now", n(clock.millis()), ":value", s(value))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  private void leaveShared(String api, String guard, String holder, long claimedAt) {
    try {
      dynamo.updateItem(
          b ->
              b.tableName(table)
                  .key(key(api, guard))
                  .updateExpression("REMOVE holders.#r")
                  .conditionExpression("holders.#r = :at")
                  .expressionAttributeNames(Map.of("#r", holder))
                  .expressionAttributeValues(Map.of(":at", n(claimedAt))));
    } catch (ConditionalCheckFailedException e) {
      // claimed again meanwhile: a live holder now
    }
  }

  private void deleteIfEmpty(String api, String guard) {
    deleteIf(api, guard, condition("size(holders) = :zero", Map.of(":zero", n(0))));
  }

  /** Deletes a guard under a condition; one that no longer meets it was claimed again, or went. */
  private void deleteIf(String api, String guard, Expression condition) {
    try {
      exclusive.deleteItem(
          DeleteItemEnhancedRequest.builder()
              .key(RegistryTable.key(partition(api), guard))
              .conditionExpression(condition)
              .build());
    } catch (ConditionalCheckFailedException e) {
      // claimed again meanwhile, still held, or gone
    }
  }

  private static Expression condition(String expression, Map<String, AttributeValue> values) {
    return Expression.builder()
        .expression(expression)
        .expressionValues(values.isEmpty() ? null : values)
        .build();
  }

  private boolean old(long claimedAt) {
    return clock.millis() - claimedAt > GRACE.toMillis();
  }

  private static long millis(Long value) {
    return value == null ? 0 : value;
  }

  static String partition(String api) {
    return PREFIX + api;
  }

  private static String apiOf(String partition) {
    return partition.substring(PREFIX.length());
  }

  private static Map<String, AttributeValue> key(String api, String guard) {
    return Map.of(RegistryTable.PK, s(partition(api)), RegistryTable.SK, s(guard));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
