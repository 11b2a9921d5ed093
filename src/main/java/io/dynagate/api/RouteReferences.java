package io.dynagate.api;

import io.dynagate.declaration.RouteRules;
import io.dynagate.declaration.RouteSpec;
import io.dynagate.declaration.TableSpec;
import io.dynagate.store.Kind;
import io.dynagate.store.Ref;
import io.dynagate.store.Registry;
import io.dynagate.store.Specs;
import io.dynagate.store.Stored;
import io.dynagate.store.TableUses;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What routes refer to: a method and path served once per API, the tables routes use. */
@ApplicationScoped
class RouteReferences {

  private final Registry registry;
  private final TableUses uses;
  private final Specs specs;
  private final Access access;

  RouteReferences(Registry registry, TableUses uses, Specs specs, Access access) {
    this.registry = registry;
    this.uses = uses;
    this.specs = specs;
    this.access = access;
  }

  void requireUniqueMethodAndPath(String api, String name, RouteSpec spec) {
    for (Stored other : registry.all(Kind.ROUTE, api)) {
      RouteSpec route = specs.read(other, RouteSpec.class);
      if (!other.ref().name().equals(name)
          && route.method().equals(spec.method())
          && route.path().equals(spec.path())) {
        throw ApiException.conflict(
            "route " + other.ref().name() + " already serves " + spec.method() + " " + spec.path());
      }
    }
  }

  List<String> routesUsing(String table) {
    List<String> out = new ArrayList<>();
    for (Ref use : uses.of(table)) {
      registry
          .get(use)
          .filter(route -> specs.read(route, RouteSpec.class).table().equals(table))
          .ifPresent(route -> out.add(use.parent() + "/" + use.name()));
    }
    return out;
  }

  /** Routes that the new table spec breaks: by its keys, or by no longer sharing it with them. */
  List<String> routesBrokenBy(TableSpec table, Stored current) {
    List<String> broken = new ArrayList<>();
    for (Ref use : uses.of(table.tableName())) {
      registry
          .get(use)
          .ifPresent(
              route -> {
                RouteSpec spec = specs.read(route, RouteSpec.class);
                if (spec.table().equals(table.tableName())
                    && (!RouteRules.validate(use.name(), spec, n -> Optional.of(table)).isEmpty()
                        || !mayStillUse(use.parent(), current, table))) {
                  broken.add(use.parent() + "/" + use.name());
                }
              });
    }
    return broken;
  }

  private boolean mayStillUse(String api, Stored current, TableSpec table) {
    return registry
        .get(Ref.api(api))
        .map(apiRecord -> access.mayUse(apiRecord.owner(), current, table))
        .orElse(true);
  }
}
