package io.dynagate.reconcile;

import io.dynagate.declaration.TableSpec;
import io.dynagate.declaration.TableSpec.KeySchemaElement;
import io.dynagate.reconcile.TablePort.LiveTable;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * A declared DynamoDB table: created when missing, verified when present (another key schema
 * blocks, it is never altered), dropped only when its declaration goes with {@code DeletionPolicy:
 * DELETE}.
 */
@ApplicationScoped
public class TableDependent implements Dependent {

  /** A new table may take minutes to become ACTIVE on AWS. */
  private static final Duration ACTIVE_BOUND = Duration.ofMinutes(5);

  private static final Logger LOG = Logger.getLogger(TableDependent.class);

  private final TablePort tables;

  public TableDependent(TablePort tables) {
    this.tables = tables;
  }

  public Optional<LiveTable> observe(String name) {
    return tables.describe(name);
  }

  /** Did Dynagate make (or an admin adopt) this live table for {@code owner}? */
  public boolean ownedBy(LiveTable live, String owner) {
    boolean owned = TablePort.ownedBy(tables.tags(live), owner);
    if (!owned) {
      LOG.warnf(
          "table %s is not tagged as Dynagate's for %s: its declaration goes, the table stays",
          live.name(), owner);
    }
    return owned;
  }

  public static Decision decide(
      TableSpec desired, Map<String, String> tags, Optional<LiveTable> live) {
    String resource = "table " + desired.tableName();
    if (live.isEmpty()) {
      return Decision.create(resource, new Change.CreateTable(desired, tags));
    }
    return keyMismatch(desired, live.get())
        .map(
            reason ->
                Decision.blocked(
                    resource,
                    "table "
                        + desired.tableName()
                        + " exists with another key schema ("
                        + reason
                        + "); it is never altered or dropped"))
        .orElseGet(() -> Decision.unchanged(resource, live.get().arn()));
  }

  /** The deletion of a declaration whose DeletionPolicy is DELETE. */
  public static Decision deletion(String name, Optional<LiveTable> live) {
    String resource = "table " + name;
    return live.isPresent()
        ? Decision.delete(resource, live.get().arn(), new Change.DeleteTable(name))
        : Decision.unchanged(resource, null);
  }

  /** Why the live table's key schema is not the declared one, if it is not. */
  static Optional<String> keyMismatch(TableSpec declared, LiveTable live) {
    if (!new HashSet<>(declared.keySchema()).equals(new HashSet<>(live.keySchema()))) {
      return Optional.of(
          "declared " + keys(declared.keySchema()) + ", live " + keys(live.keySchema()));
    }
    for (TableSpec.AttributeDefinition attribute : live.keyAttributes()) {
      if (declared.keySchema().stream()
              .anyMatch(k -> k.attributeName().equals(attribute.attributeName()))
          && declared
              .typeOf(attribute.attributeName())
              .filter(t -> t == attribute.attributeType())
              .isEmpty()) {
        return Optional.of(
            attribute.attributeName() + " is " + attribute.attributeType() + " live");
      }
    }
    return Optional.empty();
  }

  private static String keys(List<KeySchemaElement> keys) {
    return keys.stream().map(k -> k.attributeName() + " " + k.keyType()).toList().toString();
  }

  @Override
  public Result create(Decision decision, String restApiId) {
    Change.CreateTable create = decision.change(Change.CreateTable.class);
    tables.create(create.spec(), create.tags());
    LiveTable active = tables.awaitActive(create.spec().tableName(), ACTIVE_BOUND);
    return Result.created(decision.resource(), active.arn());
  }

  @Override
  public Result update(Decision decision, String restApiId) {
    throw new IllegalStateException("a table is never altered");
  }

  @Override
  public Result delete(Decision decision, String restApiId) {
    Change.DeleteTable delete = decision.change(Change.DeleteTable.class);
    NotFound.ignore(() -> tables.delete(delete.table()));
    return Result.deleted(decision.resource());
  }
}
