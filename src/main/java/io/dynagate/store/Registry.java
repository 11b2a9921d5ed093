package io.dynagate.store;

import static software.amazon.awssdk.enhanced.dynamodb.extensions.VersionedRecordExtension.AttributeTags.versionAttribute;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dynagate.config.DynagateConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.DeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.IgnoreNullsMode;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.UpdateItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Declarations, their versions and status in the registry table. Every write is conditional: a
 * create fails when the name exists, an update or delete when the owner or version is not the one
 * the caller decided on, so that no decision rests on a read that another writer may have
 * overtaken.
 *
 * <p>Creating and updating a spec go through the enhanced client, whose versioned-record extension
 * writes the next {@code version} on the condition that the stored one is the caller's. Marking for
 * deletion and writing status must leave the version alone, and that extension bumps it on every
 * write, so those two stay low-level UpdateItems; so does replacing a spec with no read before it,
 * which must bump a version it has not read, in its update expression.
 */
@ApplicationScoped
public class Registry {

  /** A declaration item: partition {@code KIND[#API]}, sort key (and {@code name}) its name. */
  record Declaration(
      String partition,
      String name,
      String owner,
      Long version,
      String spec,
      String status,
      Boolean deleting,
      Instant createdAt,
      Instant updatedAt,
      Map<String, Long> refs) {

    private static final class Builder {
      private String partition;
      private String name;
      private String owner;
      private Long version;
      private String spec;
      private String status;
      private Boolean deleting;
      private Instant createdAt;
      private Instant updatedAt;
      private Map<String, Long> refs;

      Declaration build() {
        return new Declaration(
            partition, name, owner, version, spec, status, deleting, createdAt, updatedAt, refs);
      }
    }

    /** Only the attributes an update of the spec writes; the others are left as stored. */
    static Declaration specUpdate(Ref ref, long version, String spec, Instant now) {
      return new Declaration(
          ref.partition(), ref.name(), null, version, spec, null, null, null, now, null);
    }

    static final TableSchema<Declaration> SCHEMA =
        RegistryTable.schema(
                Declaration.class,
                Builder.class,
                Builder::new,
                Builder::build,
                Declaration::partition,
                (b, v) -> b.partition = v,
                Declaration::name,
                (b, v) -> b.name = v)
            // A copy of the sort key under its own name, as items have always carried it.
            .addAttribute(
                String.class, a -> a.name("name").getter(Declaration::name).setter((b, v) -> {}))
            .addAttribute(
                String.class,
                a -> a.name("owner").getter(Declaration::owner).setter((b, v) -> b.owner = v))
            .addAttribute(
                Long.class,
                a ->
                    a.name("version")
                        .getter(Declaration::version)
                        .setter((b, v) -> b.version = v)
                        .tags(versionAttribute()))
            .addAttribute(
                String.class,
                a -> a.name("spec").getter(Declaration::spec).setter((b, v) -> b.spec = v))
            .addAttribute(
                String.class,
                a -> a.name("status").getter(Declaration::status).setter((b, v) -> b.status = v))
            .addAttribute(
                Boolean.class,
                a ->
                    a.name("deleting")
                        .getter(Declaration::deleting)
                        .setter((b, v) -> b.deleting = v))
            .addAttribute(
                Instant.class,
                a ->
                    a.name("createdAt")
                        .getter(Declaration::createdAt)
                        .setter((b, v) -> b.createdAt = v))
            .addAttribute(
                Instant.class,
                a ->
                    a.name("updatedAt")
                        .getter(Declaration::updatedAt)
                        .setter((b, v) -> b.updatedAt = v))
            .addAttribute(
                EnhancedType.mapOf(String.class, Long.class),
                a -> a.name(TableUses.REFS).getter(Declaration::refs).setter((b, v) -> b.refs = v))
            .build();
  }

  private static final long FIRST_VERSION = 1;

  // Several of these (name, owner, status) are DynamoDB reserved words: always use placeholders.
  private static final Map<String, String> NAMES =
      Map.of(
          "#updatedAt", "updatedAt",
          "#deleting", "deleting",
          "#version", "version",
          "#owner", "owner",
          "#status", "status",
          "#spec", "spec",
          "#refs", TableUses.REFS);

  private final DynamoDbClient dynamo;
  private final String table;
  private final DynamoDbTable<Declaration> declarations;
  private final ObjectMapper json;
  private final Clock clock;
  private final Cursors cursors;
  private final ReadCache cache;

  public Registry(
      DynamoDbClient dynamo,
      RegistryTable registryTable,
      ObjectMapper json,
      Cursors cursors,
      DynagateConfig config) {
    this.dynamo = dynamo;
    this.table = registryTable.name();
    this.declarations = registryTable.mapped(Declaration.SCHEMA);
    this.json = json;
    this.cursors = cursors;
    this.clock = Clock.systemUTC();
    this.cache = new ReadCache(config.registry().readCacheTtl(), config.registry().readCacheSize());
  }

  /**
   * A declaration for a management read: from this instance's read cache when there, so never older
   * than this instance's last write to it, and at most {@code dynagate.registry.read-cache-ttl}
   * behind another instance's. Decisions (writes, reconcile passes) use {@link #get}.
   */
  public Optional<Stored> read(Ref ref) {
    return cache.get(ref, this::get);
  }

  public Optional<Stored> get(Ref ref) {
    Declaration item =
        declarations.getItem(RegistryTable.consistentGet(ref.partition(), ref.name()));
    return Optional.ofNullable(item).map(found -> toStored(ref, found));
  }

  /**
   * Creates a declaration; fails with {@link NameTakenException} when the name exists (even one
   * being deleted), so that of two creators exactly one wins. A table starts with no references.
   */
  public Stored create(Ref ref, String owner, String spec) {
    Instant now = clock.instant();
    Declaration item =
        new Declaration(
            ref.partition(),
            ref.name(),
            owner,
            // No version yet: the versioned-record extension writes FIRST_VERSION.
            null,
            spec,
            toJson(Status.pending()),
            false,
            now,
            now,
            ref.kind() == Kind.TABLE ? Map.of() : null);
    try {
      declarations.putItem(
          PutItemEnhancedRequest.builder(Declaration.class)
              .item(item)
              .conditionExpression(condition("attribute_not_exists(pk)", Map.of()))
              .build());
      return toStored(ref, item, FIRST_VERSION);
    } catch (ConditionalCheckFailedException e) {
      throw new NameTakenException(ref);
    } finally {
      // Also after a failed write: the item may have changed meanwhile.
      cache.invalidate(ref);
    }
  }

  /**
   * Replaces the spec of a declaration, bumping its version, only while it still has this owner and
   * this version and is not being deleted.
   */
  public Stored update(Ref ref, String owner, long version, String spec) {
    if (version < FIRST_VERSION || version > Integer.MAX_VALUE) {
      // The versioned-record extension counts in int: no stored version lies outside this range.
      throw new VersionConflictException(ref + " changed meanwhile, or is being deleted");
    }
    // The extension adds "version = :expected" and writes version + 1; nulls are left as stored.
    String condition = "#owner = :owner AND #deleting = :false";
    try {
      return toStored(
          ref,
          declarations.updateItem(
              UpdateItemEnhancedRequest.builder(Declaration.class)
                  .item(Declaration.specUpdate(ref, version, spec, clock.instant()))
                  .ignoreNullsMode(IgnoreNullsMode.SCALAR_ONLY)
                  .conditionExpression(
                      condition(
                          condition,
                          Map.of(":owner", s(owner), ":false", AttributeValue.fromBool(false))))
                  .build()));
    } catch (ConditionalCheckFailedException e) {
      throw new VersionConflictException(ref + " changed meanwhile, or is being deleted");
    } finally {
      // Also after a failed write: the item may have changed meanwhile.
      cache.invalidate(ref);
    }
  }

  /** A spec replaced in place: the declaration as the write found it, and as it left it. */
  public record Replaced(Stored before, Stored after) {}

  /**
   * Replaces the spec of a declaration and bumps its version in one conditional write, with no read
   * before it: only while the declaration exists, is not being deleted, and has {@code owner} and
   * {@code version} when those are given. The write answers with the item it replaced, so the
   * caller learns from the same request what it overwrote. Empty when the condition failed (or the
   * version cannot be stored): nothing was written, and the caller reads to find out why.
   */
  public Optional<Replaced> replaceSpec(
      Ref ref, Optional<String> owner, OptionalLong version, String spec) {
    if (version.isPresent()
        && (version.getAsLong() < FIRST_VERSION || version.getAsLong() > Integer.MAX_VALUE)) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":false", AttributeValue.fromBool(false));
    values.put(":spec", s(spec));
    values.put(":now", s(now.toString()));
    values.put(":one", n(1));
    // The versioned-record extension counts in int: no write may store a version past its range.
    values.put(":last", n(Integer.MAX_VALUE));
    StringBuilder condition =
        new StringBuilder("attribute_exists(pk) AND #deleting = :false AND #version < :last");
    owner.ifPresent(
        o -> {
          condition.append(" AND #owner = :owner");
          values.put(":owner", s(o));
        });
    version.ifPresent(
        v -> {
          condition.append(" AND #version = :expected");
          values.put(":expected", n(v));
        });
    String update = "SET #spec = :spec, #updatedAt = :now, #version = #version + :one";
    try {
      Declaration old =
          Declaration.SCHEMA.mapToItem(
              update(ref, update, condition.toString(), values, ReturnValue.ALL_OLD));
      Stored before = toStored(ref, old);
      Stored after =
          new Stored(
              ref,
              before.owner(),
              before.version() + 1,
              spec,
              before.status(),
              false,
              before.createdAt(),
              now);
      return Optional.of(new Replaced(before, after));
    } catch (ConditionalCheckFailedException e) {
      return Optional.empty();
    } finally {
      // Also after a failed write: the item may have changed meanwhile.
      cache.invalidate(ref);
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
          Declaration.SCHEMA.mapToItem(
              update(ref, update, condition, values, ReturnValue.ALL_NEW)));
    } catch (ConditionalCheckFailedException e) {
      throw new VersionConflictException(ref + " changed meanwhile");
    } finally {
      // Also after a failed write: the item may have changed meanwhile.
      cache.invalidate(ref);
    }
  }

  /**
   * Removes a declaration for good, only while it has this owner and version (and, for a table, no
   * route refers to it).
   */
  public void remove(Ref ref, String owner, long version) {
    String condition = ownedCondition(ref);
    try {
      declarations.deleteItem(
          DeleteItemEnhancedRequest.builder()
              .key(key(ref))
              .conditionExpression(condition(condition, ownerAndVersion(ref, owner, version)))
              .build());
    } catch (ConditionalCheckFailedException e) {
      throw new VersionConflictException(ref + " changed meanwhile");
    } finally {
      // Also after a failed write: the item may have changed meanwhile.
      cache.invalidate(ref);
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
    Expression condition =
        ifMatch.isPresent()
            ? condition("#version = :expected", Map.of(":expected", n(ifMatch.getAsLong())))
            : condition("attribute_exists(pk)", Map.of());
    try {
      declarations.deleteItem(
          DeleteItemEnhancedRequest.builder().key(key(ref)).conditionExpression(condition).build());
    } catch (ConditionalCheckFailedException e) {
      throw new VersionConflictException(ref + " changed meanwhile");
    } finally {
      // Also after a failed write: the item may have changed meanwhile.
      cache.invalidate(ref);
    }
  }

  /** Writes status without touching the spec's version; a vanished declaration is left alone. */
  public void writeStatus(Ref ref, Status status) {
    writeStatus(ref, "attribute_exists(pk)", Map.of(":status", s(toJson(status))));
  }

  /**
   * Writes the status of a declaration only while it still has {@code version}: a status about one
   * version never lands on the next (nor on a declaration deleted meanwhile).
   */
  public void writeStatus(Ref ref, long version, Status status) {
    writeStatus(
        ref,
        "attribute_exists(pk) AND #version = :version",
        Map.of(":status", s(toJson(status)), ":version", n(version)));
  }

  private void writeStatus(Ref ref, String condition, Map<String, AttributeValue> values) {
    try {
      update(ref, "SET #status = :status", condition, values, ReturnValue.NONE);
    } catch (ConditionalCheckFailedException e) {
      // deleted or changed meanwhile: nothing to report on
    } finally {
      // Also after a failed write: the item may have changed meanwhile.
      cache.invalidate(ref);
    }
  }

  /**
   * One page of the declarations of a kind (of one API, for routes), by name. The cursor is sealed
   * (see {@link Cursors}): it names nothing and only this list accepts it.
   */
  public Page<Stored> list(Kind kind, String parent, int limit, String cursor) {
    String partition = kind.partition(parent);
    String after = cursor == null ? null : cursors.open(partition, cursor);
    return RegistryTable.firstPage(
        declarations,
        inPartition(partition)
            .exclusiveStartKey(after == null ? null : RegistryTable.itemKey(partition, after))
            .limit(limit)
            .build(),
        cursors,
        partition,
        item -> toStored(kind, parent, item));
  }

  /** Every declaration of a kind (of one API, for routes). */
  public List<Stored> all(Kind kind, String parent) {
    return declarations
        .query(inPartition(kind.partition(parent)).limit(500).build())
        .items()
        .stream()
        .map(item -> toStored(kind, parent, item))
        .toList();
  }

  private static QueryEnhancedRequest.Builder inPartition(String partition) {
    return RegistryTable.queryOf(partition).consistentRead(true);
  }

  private Stored toStored(Kind kind, String parent, Declaration item) {
    return toStored(new Ref(kind, parent, item.name()), item);
  }

  /** The placeholders an expression uses (DynamoDB rejects unused ones). */
  /**
   * One conditional UpdateItem of a declaration's item, low-level (see the class comment for why),
   * answering the item as {@code returned} asks.
   */
  private Map<String, AttributeValue> update(
      Ref ref,
      String update,
      String condition,
      Map<String, AttributeValue> values,
      ReturnValue returned) {
    return dynamo
        .updateItem(
            b ->
                b.tableName(table)
                    .key(lowLevelKey(ref))
                    .updateExpression(update)
                    .conditionExpression(condition)
                    .expressionAttributeNames(namesIn(condition + update))
                    .expressionAttributeValues(values)
                    .returnValues(returned))
        .attributes();
  }

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

  private static Expression condition(String expression, Map<String, AttributeValue> values) {
    Map<String, String> names = namesIn(expression);
    return Expression.builder()
        .expression(expression)
        .expressionNames(names.isEmpty() ? null : names)
        .expressionValues(values.isEmpty() ? null : values)
        .build();
  }

  private Stored toStored(Ref ref, Declaration item) {
    return toStored(ref, item, item.version());
  }

  private Stored toStored(Ref ref, Declaration item, long version) {
    return new Stored(
        ref,
        item.owner(),
        version,
        item.spec(),
        fromJson(item.status()),
        Boolean.TRUE.equals(item.deleting()),
        item.createdAt(),
        item.updatedAt());
  }

  private static Key key(Ref ref) {
    return RegistryTable.key(ref.partition(), ref.name());
  }

  private static Map<String, AttributeValue> lowLevelKey(Ref ref) {
    return RegistryTable.itemKey(ref.partition(), ref.name());
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
