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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps declared tables live: creates a missing table with its declared schema, verifies an
 * existing one (a different key schema is an error, never an alteration), and drops one only when
 * its declaration is removed with {@code DeletionPolicy: DELETE}.
 */
@ApplicationScoped
public class TableReconciler {

  private final Registry registry;
  private final Specs specs;
  private final TablePort tables;
  private final TableUses uses;
  private final Clock clock = Clock.systemUTC();

  public TableReconciler(Registry registry, Specs specs, TablePort tables, TableUses uses) {
    this.registry = registry;
    this.specs = specs;
    this.tables = tables;
    this.uses = uses;
  }

  /** One pass over a table; answers the APIs whose definition may have changed with it. */
  public List<String> reconcile(String name) {
    Optional<Stored> stored = registry.get(Ref.table(name));
    if (stored.isEmpty()) {
      return List.of();
    }
    if (stored.get().deleting()) {
      tables.describe(name).ifPresent(live -> tables.delete(name));
      registry.delete(stored.get().ref(), java.util.OptionalLong.empty());
      return List.of();
    }
    TableSpec spec = specs.read(stored.get(), TableSpec.class);
    Status status;
    try {
      status = converge(spec, stored.get());
    } catch (AwsFailure e) {
      status =
          new Status(
              Status.ERROR,
              stored.get().status().observedVersion(),
              e.getMessage(),
              clock.instant(),
              null,
              null,
              null,
              null,
              null,
              null,
              null);
    }
    boolean changed =
        !Long.valueOf(stored.get().version()).equals(stored.get().status().observedVersion());
    registry.writeStatus(stored.get().ref(), status);
    return changed ? uses.of(name).stream().map(Ref::parent).distinct().toList() : List.of();
  }

  private Status converge(TableSpec spec, Stored stored) {
    Optional<TablePort.LiveTable> live = tables.describe(spec.tableName());
    if (live.isEmpty()) {
      tables.create(
          spec, Map.of("dynagate:owner", stored.owner(), "dynagate:managed-by", "dynagate"));
      live = Optional.of(tables.awaitActive(spec.tableName(), Duration.ofMinutes(5)));
    }
    Optional<String> mismatch = Planner.keyMismatch(spec, live.get());
    if (mismatch.isPresent()) {
      return new Status(
          Status.ERROR,
          stored.version(),
          "the live table has another key schema ("
              + mismatch.get()
              + "); it is never altered or dropped",
          clock.instant(),
          live.get().arn(),
          null,
          null,
          null,
          null,
          null,
          null);
    }
    return new Status(
        Status.READY,
        stored.version(),
        "table is " + live.get().status(),
        clock.instant(),
        live.get().arn(),
        null,
        null,
        null,
        null,
        null,
        null);
  }
}
