package io.dynagate.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Declarations, their versions and status in the registry table. Every write is conditional: a
 * create fails when the name exists, an update or delete when the owner or version is not the one
 * the caller decided on, so that no decision rests on a read that another writer may have
 * overtaken.
 */
@ApplicationScoped
public class Registry {

  // Several of these (name, owner, status) are DynamoDB reserved words: always use placeholders.
  private static final Map<String, String> NAMES =
      Map.of(
          "#spec", "spec",
          "#name", "name",
          "#updatedAt", "updatedAt",
          "#deleting", "deleting",
          "#version", "version",
          "#owner", "owner",
          "#createdAt", "createdAt",
          "#status", "status",
          "#refs", TableUses.REFS);

  private final DynamoDbClient dynamo;
  private final String table;
  private final ObjectMapper json;
  private final Clock clock;
  private final Cursors cursors;

  public Registry(
      DynamoDbClient dynamo, RegistryTable registryTable, ObjectMapper json, Cursors cursors) {
    this.dynamo = dynamo;
    this.table = registryTable.name();
    this.json = json;
    this.cursors = cursors;
    this.clock = Clock.systemUTC();
  }

  public Optional<Stored> get(Ref ref) {
    Map<String, AttributeValue> item =
        dynamo.getItem(b -> b.tableName(table).key(key(ref)).consistentRead(true)).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toStored(ref, item));
  }

  /**
   * Creates a declaration; fails with {@link NameTakenException} when the name exists (even one
   * being deleted), so that of two creators exactly one wins. A table starts with no references.
   */
  public Stored create(Ref ref, String owner, String spec) {
    String now = clock.instant().toString();
    Map<String, AttributeValue> item = new HashMap<>(key(ref));
    item.put("spec", s(spec));
    item.put("name", s(ref.name()));
    item.put("owner", s(owner));
    item.put("version", n(1));
    item.put("createdAt", s(now));
    item.put("updatedAt", s(now));
    item.put("deleting", AttributeValue.fromBool(false));
    item.put("status", s(toJson(Status.pending())));
    if (ref.kind() == Kind.TABLE) {
      item.put(TableUses.REFS, AttributeValue.fromM(Map.of()));
    }
    try {
      dynamo.putItem(
          b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
      return toStored(ref, item);
    } catch (ConditionalCheckFailedException e) {
      throw new NameTakenException(ref);
    }
  }

  /**
   * Replaces the spec of a declaration, bumping its version, only while it still has this owner and
   * this version and is not being deleted.
   */
  public Stored update(Ref ref, String owner, long version, String spec) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":spec", s(spec));
    values.put(":now", s(clock.instant().toString()));
    values.put(":one", n(1));
    values.put(":owner", s(owner));
    values.put(":expected", n(version));
    values.put(":false", AttributeValue.fromBool(false));
    String condition = "#owner = :owner AND #version = :expected AND #deleting = :false";
    String update = "SET #spec = :spec, #updatedAt = :now, #version = #version + :one";
    try {
      return toStored(
          ref,
          dynamo
              .updateItem(
                  b ->
                      b.tableName(table)
                          .key(key(ref))
                          .updateExpression(update)
                          .conditionExpression(condition)
                          .expressionAttributeNames(namesIn(condition + update))
                          .expressionAttributeValues(values)
                          .returnValues(ReturnValue.ALL_NEW))
              .attributes());
    } catch (ConditionalCheckFailedException e) {
      throw new VersionConflictException(ref + " changed meanwhile, or is being deleted");
    }
  }

  /**
   * Marks a declaration for deletion, only while it has this owner and version (and, for a table,
   * no route refers to it); the reconciler removes it once its AWS resources are gone.
   */
  public Stored markDeleting(Ref ref, String owner, long version) {
    Map<String, AttributeValue> values = ownerAndVersion(ref, owner, version);
    values.put(":true", AttributeValue.fromBool(true));
    values.put(":now", s(clock.instant().toString()));
    String condition = ownedCondition(ref);
    String update = "SET #deleting = :true, #updatedAt = :now";
    try {
      return toStored(
          ref,
          dynamo
              .updateItem(
                  b ->
                      b.tableName(table)
                          .key(key(ref))
                          .updateExpression(update)
                          .conditionExpression(condition)
                          .expressionAttributeNames(namesIn(condition + update))
                          .expressionAttributeValues(values)
                          .returnValues(ReturnValue.ALL_NEW))
              .attributes());
    } catch (ConditionalCheckFailedException e) {
      throw new VersionConflictException(ref + " changed meanwhile");
    }
  }

  /**
   * Removes a declaration for good, only while it has this owner and version (and, for a table, no
   * route refers to it).
   */
  public void remove(Ref ref, String owner, long version) {
    String condition = ownedCondition(ref);
    try {
      dynamo.deleteItem(
          b ->
              b.tableName(table)
                  .key(key(ref))
                  .conditionExpression(condition)
                  .expressionAttributeNames(namesIn(condition))
                  .expressionAttributeValues(ownerAndVersion(ref, owner, version)));
    } catch (ConditionalCheckFailedException e) {
      throw new VersionConflictException(ref + " changed meanwhile");
    }
  }

  private static String ownedCondition(Ref ref) {
    String condition = "#owner = :owner AND #version = :expected";
    // A table's references live on its own item: checking them here, in the same conditional
    // write, leaves no window for a route to start using the table meanwhile.
    return ref.kind() == Kind.TABLE
        ? condition + " AND (attribute_not_exists(#refs) OR size(#refs) = :zero)"
        : condition;
  }

  private static Map<String, AttributeValue> ownerAndVersion(Ref ref, String owner, long version) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":owner", s(owner));
    values.put(":expected", n(version));
    if (ref.kind() == Kind.TABLE) {
      values.put(":zero", n(0));
    }
    return values;
  }

  /** Removes a declaration for good (the reconciler, once its AWS resources are gone). */
  public void delete(Ref ref, OptionalLong ifMatch) {
    try {
      dynamo.deleteItem(
          b -> {
            b.tableName(table).key(key(ref)).conditionExpression("attribute_exists(pk)");
            ifMatch.ifPresent(
                v ->
                    b.conditionExpression("#version = :expected")
                        .expressionAttributeNames(Map.of("#version", "version"))
                        .expressionAttributeValues(Map.of(":expected", n(v))));
          });
    } catch (ConditionalCheckFailedException e) {
      throw new VersionConflictException(ref + " changed meanwhile");
    }
  }

  /** Writes status without touching the spec's version; a vanished declaration is left alone. */
  public void writeStatus(Ref ref, Status status) {
    try {
      dynamo.updateItem(
          b ->
              b.tableName(table)
                  .key(key(ref))
                  .updateExpression("SET #status = :status")
                  .conditionExpression("attribute_exists(pk)")
                  .expressionAttributeNames(Map.of("#status", "status"))
                  .expressionAttributeValues(Map.of(":status", s(toJson(status)))));
    } catch (ConditionalCheckFailedException e) {
      // deleted meanwhile: nothing to report on
    }
  }

  /**
   * One page of the declarations of a kind (of one API, for routes), by name. The cursor is sealed
   * (see {@link Cursors}): it names nothing and only this list accepts it.
   */
  public Page<Stored> list(Kind kind, String parent, int limit, String cursor) {
    String partition = kind.partition(parent);
    String after = cursor == null ? null : cursors.open(partition, cursor);
    QueryResponse page = query(partition, limit, after);
    String next =
        page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
            ? cursors.seal(partition, page.lastEvaluatedKey().get(RegistryTable.SK).s())
            : null;
    return new Page<>(toStored(kind, parent, page), next);
  }

  /** Every declaration of a kind (of one API, for routes). */
  public List<Stored> all(Kind kind, String parent) {
    String partition = kind.partition(parent);
    List<Stored> out = new ArrayList<>();
    String after = null;
    do {
      QueryResponse page = query(partition, 500, after);
      out.addAll(toStored(kind, parent, page));
      after =
          page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
              ? page.lastEvaluatedKey().get(RegistryTable.SK).s()
              : null;
    } while (after != null);
    return out;
  }

  private QueryResponse query(String partition, int limit, String after) {
    Map<String, AttributeValue> start =
        after == null ? null : Map.of(RegistryTable.PK, s(partition), RegistryTable.SK, s(after));
    return dynamo.query(
        b ->
            b.tableName(table)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(partition)))
                .exclusiveStartKey(start)
                .consistentRead(true)
                .limit(limit));
  }

  private List<Stored> toStored(Kind kind, String parent, QueryResponse page) {
    List<Stored> items = new ArrayList<>();
    for (Map<String, AttributeValue> item : page.items()) {
      items.add(toStored(new Ref(kind, parent, item.get(RegistryTable.SK).s()), item));
    }
    return items;
  }

  /** The placeholders an expression uses (DynamoDB rejects unused ones). */
  private static Map<String, String> namesIn(String expression) {
    Map<String, String> used = new HashMap<>();
    NAMES.forEach(
        (placeholder, name) -> {
          if (expression.contains(placeholder)) {
            used.put(placeholder, name);
          }
        });
    return used;
  }

  private Stored toStored(Ref ref, Map<String, AttributeValue> item) {
    return new Stored(
        ref,
        item.get("owner").s(),
        Long.parseLong(item.get("version").n()),
        item.get("spec").s(),
        fromJson(item.get("status").s()),
        item.containsKey("deleting") && Boolean.TRUE.equals(item.get("deleting").bool()),
        Instant.parse(item.get("createdAt").s()),
        Instant.parse(item.get("updatedAt").s()));
  }

  private static Map<String, AttributeValue> key(Ref ref) {
    return Map.of(RegistryTable.PK, s(ref.partition()), RegistryTable.SK, s(ref.name()));
  }

  private String toJson(Status status) {
    try {
      return json.writeValueAsString(status);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Status fromJson(String text) {
    try {
      return json.readValue(text, Status.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable status in the registry", e);
    }
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
