package io.dynagate.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynagate.declaration.ApiRules;
import io.dynagate.declaration.ApiSpec;
import io.dynagate.declaration.RouteRules;
import io.dynagate.declaration.RouteSpec;
import io.dynagate.declaration.SpecReader;
import io.dynagate.declaration.TableRules;
import io.dynagate.declaration.TableSpec;
import io.dynagate.declaration.Violation;
import io.dynagate.store.DeclarationChanged;
import io.dynagate.store.Kind;
import io.dynagate.store.Ref;
import io.dynagate.store.Registry;
import io.dynagate.store.Specs;
import io.dynagate.store.Stored;
import io.dynagate.store.TableUses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Declaring, reading and removing tables, APIs and routes: validation, cross-references and
 * ownership, then the registry. Nothing is stored unless every check passed.
 */
@ApplicationScoped
public class DeclarationService {

  private final Registry registry;
  private final TableUses uses;
  private final Specs specs;
  private final Event<DeclarationChanged> changed;

  public DeclarationService(
      Registry registry, TableUses uses, Specs specs, Event<DeclarationChanged> changed) {
    this.registry = registry;
    this.uses = uses;
    this.specs = specs;
    this.changed = changed;
  }

  public Stored putTable(Caller caller, String nameInPath, JsonNode body, OptionalLong ifMatch) {
    TableSpec spec = read(body, TableSpec.class);
    List<Violation> violations = new ArrayList<>(TableRules.validate(nameInPath, spec));
    requireValid(violations);
    String name = nameInPath != null ? nameInPath : spec.tableName();
    if (spec.tableName() == null) {
      spec = withName(spec, name);
    }
    Ref ref = Ref.table(name);
    Optional<Stored> existing = registry.get(ref);
    requireChangeable(caller, existing);
    TableSpec declared = spec;
    if (existing.isPresent()) {
      List<String> broken = routesBrokenBy(declared);
      if (!broken.isEmpty()) {
        throw ApiException.conflict(
            "this change breaks routes that use table " + name + ": " + String.join(", ", broken));
      }
    }
    return write(ref, caller, declared, ifMatch);
  }

  public Stored putApi(Caller caller, String name, JsonNode body, OptionalLong ifMatch) {
    ApiSpec spec = read(body, ApiSpec.class);
    requireValid(ApiRules.validate(name, spec));
    Ref ref = Ref.api(name);
    requireChangeable(caller, registry.get(ref));
    return write(ref, caller, spec, ifMatch);
  }

  public Stored putRoute(
      Caller caller, String api, String name, JsonNode body, OptionalLong ifMatch) {
    Stored apiRecord = existing(Ref.api(api));
    requireChangeable(caller, Optional.of(apiRecord));
    if (apiRecord.deleting()) {
      throw ApiException.conflict("api " + api + " is being deleted");
    }
    RouteSpec spec = read(body, RouteSpec.class);
    requireValid(RouteRules.validate(name, spec, this::tableSpec));
    Ref ref = Ref.route(api, name);
    Optional<Stored> existing = registry.get(ref);
    requireChangeable(caller, existing);
    requireUniqueMethodAndPath(api, name, spec);
    uses.add(spec.table(), api, name);
    Stored stored = write(ref, caller, spec, ifMatch);
    existing
        .map(old -> readStored(old, RouteSpec.class).table())
        .filter(oldTable -> !oldTable.equals(spec.table()))
        .ifPresent(oldTable -> uses.remove(oldTable, api, name));
    return stored;
  }

  public Stored get(Ref ref) {
    return existing(ref);
  }

  public void deleteTable(Caller caller, String name, OptionalLong ifMatch) {
    Ref ref = Ref.table(name);
    Stored stored = existing(ref);
    requireChangeable(caller, Optional.of(stored));
    List<String> users = routesUsing(name);
    if (!users.isEmpty()) {
      throw ApiException.conflict(
          "table " + name + " is used by routes " + String.join(", ", users));
    }
    TableSpec spec = readStored(stored, TableSpec.class);
    if (spec.deletionPolicyOrDefault() == TableSpec.DeletionPolicy.DELETE) {
      registry.markDeleting(ref, ifMatch);
      changed.fire(new DeclarationChanged(ref));
    } else {
      registry.delete(ref, ifMatch);
    }
  }

  /** Marks the API for deletion: the reconciler removes its REST API and role, then the records. */
  public void deleteApi(Caller caller, String name, OptionalLong ifMatch) {
    Ref ref = Ref.api(name);
    requireChangeable(caller, Optional.of(existing(ref)));
    registry.markDeleting(ref, ifMatch);
    changed.fire(new DeclarationChanged(ref));
  }

  public void deleteRoute(Caller caller, String api, String name, OptionalLong ifMatch) {
    Ref ref = Ref.route(api, name);
    Stored stored = existing(ref);
    requireChangeable(caller, Optional.of(stored));
    registry.delete(ref, ifMatch);
    uses.remove(readStored(stored, RouteSpec.class).table(), api, name);
    changed.fire(new DeclarationChanged(Ref.api(api)));
  }

  public Optional<TableSpec> tableSpec(String name) {
    return registry
        .get(Ref.table(name))
        .filter(s -> !s.deleting())
        .map(s -> readStored(s, TableSpec.class));
  }

  public <T> T readStored(Stored stored, Class<T> type) {
    return specs.read(stored, type);
  }

  private Stored write(Ref ref, Caller caller, Record spec, OptionalLong ifMatch) {
    Stored stored = registry.put(ref, caller.team(), specs.write(spec), ifMatch);
    changed.fire(new DeclarationChanged(ref.kind() == Kind.ROUTE ? Ref.api(ref.parent()) : ref));
    return stored;
  }

  private Stored existing(Ref ref) {
    return registry.get(ref).orElseThrow(() -> ApiException.notFound(ref + " is not declared"));
  }

  private static void requireChangeable(Caller caller, Optional<Stored> existing) {
    if (existing.isPresent() && !caller.mayChange(existing.get().owner())) {
      throw ApiException.forbidden(existing.get().ref() + " belongs to another team");
    }
  }

  private void requireUniqueMethodAndPath(String api, String name, RouteSpec spec) {
    for (Stored other : registry.all(Kind.ROUTE, api)) {
      RouteSpec route = readStored(other, RouteSpec.class);
      if (!other.ref().name().equals(name)
          && route.method().equals(spec.method())
          && route.path().equals(spec.path())) {
        throw ApiException.conflict(
            "route " + other.ref().name() + " already serves " + spec.method() + " " + spec.path());
      }
    }
  }

  private List<String> routesUsing(String table) {
    List<String> out = new ArrayList<>();
    for (Ref use : uses.of(table)) {
      registry
          .get(use)
          .filter(route -> readStored(route, RouteSpec.class).table().equals(table))
          .ifPresent(route -> out.add(use.parent() + "/" + use.name()));
    }
    return out;
  }

  private List<String> routesBrokenBy(TableSpec table) {
    List<String> broken = new ArrayList<>();
    for (Ref use : uses.of(table.tableName())) {
      registry
          .get(use)
          .ifPresent(
              route -> {
                RouteSpec spec = readStored(route, RouteSpec.class);
                if (spec.table().equals(table.tableName())
                    && !RouteRules.validate(use.name(), spec, n -> Optional.of(table)).isEmpty()) {
                  broken.add(use.parent() + "/" + use.name());
                }
              });
    }
    return broken;
  }

  private <T extends Record> T read(JsonNode body, Class<T> type) {
    SpecReader.Result<T> result = SpecReader.read(body, type);
    requireValid(result.violations());
    return result.spec();
  }

  private static void requireValid(List<Violation> violations) {
    if (!violations.isEmpty()) {
      throw ApiException.invalid(violations);
    }
  }

  private static TableSpec withName(TableSpec spec, String name) {
    return new TableSpec(
        name,
        spec.attributeDefinitions(),
        spec.keySchema(),
        spec.billingMode(),
        spec.provisionedThroughput(),
        spec.globalSecondaryIndexes(),
        spec.attributeSchema(),
        spec.deletionPolicy());
  }
}
