package io.dynagate.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * Which routes use which table: a map {@code refs} ({@code API/ROUTE} → when it was added) on the
 * table's own registry item. Adding a reference is conditional on the table being declared and not
 * being deleted, and deleting a table is conditional on the map being empty (see {@link
 * Registry#remove}): both decisions fall on one item, so a route never lands on a table being
 * deleted. A reference is added before its route is written and removed after it, so a crash leaves
 * at most a stale entry, which {@link #removeStale} reclaims.
 *
 * <p>Each write sets or removes one entry of the map under a condition on the item or that entry:
 * the enhanced client writes whole attributes, so the writes stay low-level UpdateItems; the map is
 * read through the declaration's schema.
 */
@ApplicationScoped
public class TableUses {

  static final String REFS = "refs";

  private final DynamoDbClient dynamo;
  private final String table;
  private final DynamoDbTable<Registry.Declaration> declarations;
  private final Clock clock = Clock.systemUTC();

  public TableUses(DynamoDbClient dynamo, RegistryTable registryTable) {
    this.dynamo = dynamo;
    this.table = registryTable.name();
    this.declarations = registryTable.mapped(Registry.Declaration.SCHEMA);
  }

  /** Thrown by {@link #add} when the table is not declared or is being deleted. */
  public static class TableUnavailableException extends RuntimeException {
    public TableUnavailableException(String tableName) {
      super("table " + tableName + " is not declared or is being deleted");
    }
  }

  /** Records that a route uses a table; {@link TableUnavailableException} when it may not. */
  public void add(String tableName, String api, String route) {
    try {
      update(
          tableName,
          "SET #refs.#use = :now",
          "attribute_exists(pk) AND #deleting = :false",
          Map.of(
              ":now",
              AttributeValue.fromN(Long.toString(clock.millis())),
              ":false",
              AttributeValue.fromBool(false)),
          api + "/" + route);
    } catch (ConditionalCheckFailedException e) {
      throw new TableUnavailableException(tableName);
    } catch (DynamoDbException e) {
      if (!isMissingMap(e)) {
        throw e;
      }
      // A table declared before references lived on its item: give it the map, then add.
      update(
          tableName,
          "SET #refs = if_not_exists(#refs, :empty)",
          "attribute_exists(pk)",
          Map.of(":empty", AttributeValue.fromM(Map.of())),
          null);
      add(tableName, api, route);
    }
  }

  public void remove(String tableName, String api, String route) {
    try {
      update(
          tableName, "REMOVE #refs.#use", "attribute_exists(#refs)", Map.of(), api + "/" + route);
    } catch (ConditionalCheckFailedException e) {
      // the table declaration is gone: nothing refers to it
    }
  }

  /** Removes a reference only if it is still the one added at {@code since}. */
  public void removeStale(String tableName, Ref route, Instant since) {
    try {
      update(
          tableName,
          "REMOVE #refs.#use",
          "#refs.#use = :since",
          Map.of(":since", AttributeValue.fromN(Long.toString(since.toEpochMilli()))),
          route.parent() + "/" + route.name());
    } catch (ConditionalCheckFailedException e) {
      // re-added or removed meanwhile: not stale any more, or already gone
    }
  }

  /** The routes recorded as using a table, as {@code Ref}s. */
  public List<Ref> of(String tableName) {
    return List.copyOf(since(tableName).keySet());
  }

  /** The routes recorded as using a table, with when each reference was added. */
  public Map<Ref, Instant> since(String tableName) {
    Ref ref = Ref.table(tableName);
    Registry.Declaration item =
        declarations.getItem(RegistryTable.consistentGet(ref.partition(), ref.name()));
    Map<Ref, Instant> out = new LinkedHashMap<>();
    if (item == null || item.refs() == null) {
      return out;
    }
    item.refs()
        .forEach(
            (use, at) ->
                out.put(
                    Ref.route(
                        use.substring(0, use.indexOf('/')), use.substring(use.indexOf('/') + 1)),
                    Instant.ofEpochMilli(at)));
    return out;
  }

  private void update(
      String tableName,
      String update,
      String condition,
      Map<String, AttributeValue> values,
      String use) {
    Map<String, String> names = new LinkedHashMap<>();
    names.put("#refs", REFS);
    if (use != null) {
      names.put("#use", use);
    }
    if (condition.contains("#deleting")) {
      names.put("#deleting", "deleting");
    }
    dynamo.updateItem(
        b ->
            b.tableName(table)
                .key(key(tableName))
                .updateExpression(update)
                .conditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values.isEmpty() ? null : values));
  }

  private static boolean isMissingMap(DynamoDbException e) {
    return e.getMessage() != null && e.getMessage().contains("document path");
  }

  private static Map<String, AttributeValue> key(String tableName) {
    Ref ref = Ref.table(tableName);
    return RegistryTable.itemKey(ref.partition(), ref.name());
  }
}
