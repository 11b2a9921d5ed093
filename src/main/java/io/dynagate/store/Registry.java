package io.dynagate.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
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
 * Declarations, their versions and status in the registry table. Every write is conditional:
 * versions only move forward, and a stale {@code If-Match} loses with {@link
 * VersionConflictException}.
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
          "#status", "status");

  private final DynamoDbClient dynamo;
  private final String table;
  private final ObjectMapper json;
  private final Clock clock;

  public Registry(DynamoDbClient dynamo, RegistryTable registryTable, ObjectMapper json) {
    this.dynamo = dynamo;
    this.table = registryTable.name();
    this.json = json;
    this.clock = Clock.systemUTC();
  }

  public Optional<Stored> get(Ref ref) {
    Map<String, AttributeValue> item =
        dynamo.getItem(b -> b.tableName(table).key(key(ref)).consistentRead(true)).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toStored(ref, item));
  }

  /**
   * Creates or replaces the spec of a declaration, bumping its version.
   *
   * @param ifMatch the version the caller saw; empty to write whatever the current version is
   * @param owner the owner of a new declaration (an existing one keeps its owner)
   */
  public Stored put(Ref ref, String owner, String spec, OptionalLong ifMatch) {
    String now = clock.instant().toString();
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":spec", s(spec));
    values.put(":owner", s(owner));
    values.put(":name", s(ref.name()));
    values.put(":now", s(now));
    values.put(":zero", n(0));
    values.put(":one", n(1));
    values.put(":pending", s(toJson(Status.pending())));
    values.put(":false", AttributeValue.fromBool(false));
    String condition = "attribute_not_exists(#deleting) OR #deleting = :false";
    if (ifMatch.isPresent()) {
      condition = "#version = :expected AND (" + condition + ")";
      values.put(":expected", n(ifMatch.getAsLong()));
    }
    String update =
        "SET #spec = :spec, #name = :name, #updatedAt = :now, #deleting = :false,"
            + " #version = if_not_exists(#version, :zero) + :one,"
            + " #owner = if_not_exists(#owner, :owner), #createdAt = if_not_exists(#createdAt, :now),"
            + " #status = if_not_exists(#status, :pending)";
    String finalCondition = condition;
    try {
      Map<String, AttributeValue> item =
          dynamo
              .updateItem(
                  b ->
                      b.tableName(table)
                          .key(key(ref))
                          .updateExpression(update)
                          .conditionExpression(finalCondition)
                          .expressionAttributeNames(NAMES)
                          .expressionAttributeValues(values)
                          .returnValues(ReturnValue.ALL_NEW))
              .attributes();
      return toStored(ref, item);
    } catch (ConditionalCheckFailedException e) {
      throw new VersionConflictException(ref + " changed meanwhile, or is being deleted");
    }
  }

  /**
   * Marks a declaration for deletion; the reconciler removes it once its AWS resources are gone.
   */
  public Stored markDeleting(Ref ref, OptionalLong ifMatch) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":true", AttributeValue.fromBool(true));
    values.put(":now", s(clock.instant().toString()));
    String condition = "attribute_exists(pk)";
    if (ifMatch.isPresent()) {
      condition += " AND #version = :expected";
      values.put(":expected", n(ifMatch.getAsLong()));
    }
    String finalCondition = condition;
    try {
      return toStored(
          ref,
          dynamo
              .updateItem(
                  b ->
                      b.tableName(table)
                          .key(key(ref))
                          .updateExpression("SET #deleting = :true, #updatedAt = :now")
                          .conditionExpression(finalCondition)
                          .expressionAttributeNames(
                              namesIn(finalCondition + " #deleting #updatedAt"))
                          .expressionAttributeValues(values)
                          .returnValues(ReturnValue.ALL_NEW))
              .attributes());
    } catch (ConditionalCheckFailedException e) {
      throw new VersionConflictException(ref + " changed meanwhile");
    }
  }

  /** Removes a declaration for good. */
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

  /** One page of the declarations of a kind (of one API, for routes), by name. */
  public Page<Stored> list(Kind kind, String parent, int limit, String cursor) {
    Ref probe = new Ref(kind, parent, "");
    Map<String, AttributeValue> start =
        cursor == null ? null : decodeCursor(probe.partition(), cursor);
    QueryResponse page =
        dynamo.query(
            b ->
                b.tableName(table)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", s(probe.partition())))
                    .exclusiveStartKey(start)
                    .consistentRead(true)
                    .limit(limit));
    List<Stored> items = new ArrayList<>();
    for (Map<String, AttributeValue> item : page.items()) {
      items.add(toStored(new Ref(kind, parent, item.get(RegistryTable.SK).s()), item));
    }
    String next =
        page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
            ? encodeCursor(page.lastEvaluatedKey().get(RegistryTable.SK).s())
            : null;
    return new Page<>(items, next);
  }

  /** Every declaration of a kind (of one API, for routes). */
  public List<Stored> all(Kind kind, String parent) {
    List<Stored> out = new ArrayList<>();
    String cursor = null;
    do {
      Page<Stored> page = list(kind, parent, 500, cursor);
      out.addAll(page.items());
      cursor = page.nextCursor();
    } while (cursor != null);
    return out;
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

  private static String encodeCursor(String lastName) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(lastName.getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, AttributeValue> decodeCursor(String partition, String cursor) {
    try {
      String name = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      return Map.of(RegistryTable.PK, s(partition), RegistryTable.SK, s(name));
    } catch (IllegalArgumentException e) {
      throw new InvalidCursorException();
    }
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
