package io.dynagate.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
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

  private final DynamoDbClient dynamo;
  private final String table;
  private final Clock clock = Clock.systemUTC();

  public RouteGuards(DynamoDbClient dynamo, RegistryTable registryTable) {
    this.dynamo = dynamo;
    this.table = registryTable.name();
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
        dynamo.putItem(
            b ->
                b.tableName(table)
                    .item(
                        Map.of(
                            RegistryTable.PK,
                            s(partition(api)),
                            RegistryTable.SK,
                            s(guard),
                            "holder",
                            s(route),
                            "claimedAt",
                            now()))
                    .conditionExpression("attribute_not_exists(pk) OR holder = :me")
                    .expressionAttributeValues(Map.of(":me", s(route))));
        return Optional.empty();
      } catch (ConditionalCheckFailedException e) {
        Map<String, AttributeValue> item = read(api, guard);
        if (item == null) {
          continue;
        }
        String holder = item.get("holder").s();
        long claimedAt = millis(item.get("claimedAt"));
        if (holding.holds(holder, guard, null)) {
          return Optional.of(new Refusal(holder, null, true));
        }
        if (!old(claimedAt)) {
          return Optional.of(new Refusal(holder, null, false));
        }
        deleteIf(api, guard, "holder = :h AND claimedAt = :at", holder, claimedAt);
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
      Map<String, AttributeValue> item = read(api, guard);
      if (item == null) {
        continue;
      }
      String held = item.get("value").s();
      Map<String, AttributeValue> holders = item.get("holders").m();
      for (var holder : holders.entrySet()) {
        if (holding.holds(holder.getKey(), guard, held)) {
          return Optional.of(new Refusal(holder.getKey(), held, true));
        }
        if (!old(millis(holder.getValue()))) {
          return Optional.of(new Refusal(holder.getKey(), held, false));
        }
      }
      holders.forEach((holder, at) -> leaveShared(api, guard, holder, millis(at)));
      deleteIfEmpty(api, guard);
    }
    throw new IllegalStateException("guard " + guard + " of api " + api + " keeps changing");
  }

  /** Releases an exclusive guard if {@code route} holds it. */
  public void releaseExclusive(String api, String guard, String route) {
    try {
      dynamo.deleteItem(
          b ->
              b.tableName(table)
                  .key(key(api, guard))
                  .conditionExpression("holder = :me")
                  .expressionAttributeValues(Map.of(":me", s(route))));
    } catch (ConditionalCheckFailedException e) {
      // another route's by now, or gone
    }
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

  private boolean putShared(String api, String guard, String value, String route) {
    try {
      dynamo.putItem(
          b ->
              b.tableName(table)
                  .item(
                      Map.of(
                          RegistryTable.PK,
                          s(partition(api)),
                          RegistryTable.SK,
                          s(guard),
                          "value",
                          s(value),
                          "holders",
                          AttributeValue.fromM(Map.of(route, now()))))
                  .conditionExpression("attribute_not_exists(pk)"));
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
                  .expressionAttributeValues(Map.of(":now", now(), ":value", s(value))));
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
    try {
      dynamo.deleteItem(
          b ->
              b.tableName(table)
                  .key(key(api, guard))
                  .conditionExpression("size(holders) = :zero")
                  .expressionAttributeValues(Map.of(":zero", n(0))));
    } catch (ConditionalCheckFailedException e) {
      // still held, or gone
    }
  }

  private void deleteIf(String api, String guard, String condition, String holder, long at) {
    try {
      dynamo.deleteItem(
          b ->
              b.tableName(table)
                  .key(key(api, guard))
                  .conditionExpression(condition)
                  .expressionAttributeValues(Map.of(":h", s(holder), ":at", n(at))));
    } catch (ConditionalCheckFailedException e) {
      // claimed again meanwhile
    }
  }

  private Map<String, AttributeValue> read(String api, String guard) {
    Map<String, AttributeValue> item =
        dynamo.getItem(b -> b.tableName(table).key(key(api, guard)).consistentRead(true)).item();
    return item == null || item.isEmpty() ? null : item;
  }

  private boolean old(long claimedAt) {
    return clock.millis() - claimedAt > GRACE.toMillis();
  }

  private AttributeValue now() {
    return n(clock.millis());
  }

  private static long millis(AttributeValue value) {
    return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
  }

  static String partition(String api) {
    return "guard#" + api;
  }

  private static Map<String, AttributeValue> key(String api, String guard) {
    Map<String, AttributeValue> key = new HashMap<>();
    key.put(RegistryTable.PK, s(partition(api)));
    key.put(RegistryTable.SK, s(guard));
    return key;
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
