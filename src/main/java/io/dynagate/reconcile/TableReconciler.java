package io.dynagate.reconcile;

import io.dynagate.declaration.TableSpec;
import io.dynagate.store.Ref;
import io.dynagate.store.Registry;
import io.dynagate.store.Specs;
import io.dynagate.store.Status;
import io.dynagate.store.Stored;
import io.dynagate.store.TableUses;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A pass over one table declaration through its {@link TableDependent}, the same one API passes
 * use: create when missing, verify when present, drop only when the declaration is removed with
 * {@code DeletionPolicy: DELETE} and the table carries the tags of Dynagate and of the
 * declaration's owner.
 */
@ApplicationScoped
public class TableReconciler {

  private final Registry registry;
  private final Specs specs;
  private final TableDependent table;
  private final Steps steps;
  private final TableUses uses;
  private final Clock clock = Clock.systemUTC();

  public TableReconciler(
      Registry registry, Specs specs, TableDependent table, Steps steps, TableUses uses) {
    this.registry = registry;
    this.specs = specs;
    this.table = table;
    this.steps = steps;
    this.uses = uses;
  }

  /** One pass over a table; answers the APIs whose definition may have changed with it. */
  public List<String> reconcile(String name) {
    Optional<Stored> stored = registry.get(Ref.table(name));
    if (stored.isEmpty()) {
      return List.of();
    }
    if (stored.get().deleting()) {
      // Only a table Dynagate made (or an admin adopted) for this owner is ever dropped.
      String owner = stored.get().owner();
      Decision deletion =
          TableDependent.deletion(name, table.observe(name).filter(l -> table.ownedBy(l, owner)));
      steps.apply(table, deletion);
      registry.delete(stored.get().ref(), OptionalLong.empty());
      return List.of();
    }
    Status status = converge(stored.get());
    boolean changed =
        !Long.valueOf(stored.get().version()).equals(stored.get().status().observedVersion());
    registry.writeStatus(stored.get().ref(), status);
    return changed ? uses.of(name).stream().map(Ref::parent).distinct().toList() : List.of();
  }

  private Status converge(Stored stored) {
    TableSpec spec = specs.read(stored, TableSpec.class);
    Status before = stored.status();
    try {
      Decision decision =
          TableDependent.decide(spec, tags(stored), table.observe(spec.tableName()));
      if (decision.blocked()) {
        return before.blocked(
            stored.version(), decision.change(Change.Blocked.class).reason(), clock.instant());
      }
      Result result = steps.apply(table, decision);
      return Status.tableReady(stored.version(), "table is ACTIVE", clock.instant(), result.id());
    } catch (AwsFailure e) {
      return before.failed(e.getMessage(), clock.instant());
    }
  }

  private static Map<String, String> tags(Stored stored) {
    return TablePort.ownerTags(stored.owner());
  }
}
