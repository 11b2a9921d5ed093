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
    boolean owned = TablePort.ownedBy(live.tags(), owner);
    if (!owned) {
      LOG.warnf(
          "table %s is not tagged as Dynagate's for %s: its declaration goes, the table stays",
          live.name(), owner);
    }
    return owned;
  }

  /**
   * Create, verify or block.
   *
   * @param tags the tags a table made now carries
   * @param owner the team the live table must be Dynagate's for; null accepts any team's (an API
   *     may route over a table another team shares with it; that table's own pass checks its owner)
   */
  public static Decision decide(
      TableSpec desired, Map<String, String> tags, Optional<LiveTable> live, String owner) {
    String resource = "table " + desired.tableName();
    if (live.isEmpty()) {
      return Decision.create(resource, new Change.CreateTable(desired, tags));
    }
    Optional<String> foreign = foreign(live.get(), owner);
    if (foreign.isPresent()) {
      return Decision.blocked(resource, foreign.get());
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

  /**
   * Why a live table is not Dynagate's (for {@code owner} when given), if it is not: a table made
   * directly in the account is never verified, routed over or dropped, until an admin adopts it.
   */
  static Optional<String> foreign(LiveTable live, String owner) {
    Map<String, String> tags = live.tags();
    if (tags.isEmpty() && "CREATING".equals(live.status())) {
      // Some engines (dynalite) drop CreateTable's tags and Dynagate adds them just after: a pass
      // beside the one creating the table may see it in between. The next pass judges it ACTIVE.
      return Optional.empty();
    }
    if (!TablePort.MANAGED_BY.equals(tags.get(TablePort.MANAGED_BY_TAG))) {
      return Optional.of(
          "table "
              + live.name()
              + " exists in the account but was not made by Dynagate (no "
              + TablePort.MANAGED_BY_TAG
              + " tag); an admin may adopt it");
    }
    if (owner != null && !owner.equals(tags.get(TablePort.OWNER_TAG))) {
      return Optional.of(
          "table "
              + live.name()
              + " exists in the account but is not Dynagate's for team "
              + owner
              + "; an admin may adopt it");
    }
    return Optional.empty();
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
    String name = create.spec().tableName();
    try {
      tables.create(create.spec(), create.tags());
    } catch (AwsFailure e) {
      // The table's own pass and a pass of an API that reads it may both find it missing; the one
      // that loses the race adopts the table the other made, and only if that one is Dynagate's
      // table of the same owner.
      if (e.kind() != AwsFailure.Kind.CONFLICT) {
        throw e;
      }
      Optional<LiveTable> made = tables.describe(name);
      if (made.isEmpty()
          || foreign(made.get(), create.tags().get(TablePort.OWNER_TAG)).isPresent()) {
        throw e;
      }
      LiveTable active = tables.awaitActive(name, ACTIVE_BOUND);
      return Result.unchanged(decision.resource(), active.arn());
    }
    LiveTable active = tables.awaitActive(name, ACTIVE_BOUND);
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
