package io.dynagate.api;

import io.dynagate.declaration.PathTemplate;
import io.dynagate.declaration.RouteRules;
import io.dynagate.declaration.RouteSpec;
import io.dynagate.declaration.TableSpec;
import io.dynagate.store.Ref;
import io.dynagate.store.Registry;
import io.dynagate.store.RouteGuards;
import io.dynagate.store.Specs;
import io.dynagate.store.Stored;
import io.dynagate.store.TableUses;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What routes refer to, kept by guard items rather than by reading other routes: one route per
 * method and path shape in an API, one name per variable part of a path at each level (as API
 * Gateway requires), and a reference from each route to its table. A declaration claims what its
 * new spec needs before it is written, and {@link #settle} releases afterwards whatever the route,
 * as it then stands, does not hold.
 */
@ApplicationScoped
class RouteReferences {

  private static final String METHOD = "method ";
  private static final String PARAM = "param ";

  private final Registry registry;
  private final TableUses uses;
  private final RouteGuards guards;
  private final Specs specs;
  private final Access access;
  private final Clock clock = Clock.systemUTC();

  RouteReferences(
      Registry registry, TableUses uses, RouteGuards guards, Specs specs, Access access) {
    this.registry = registry;
    this.uses = uses;
    this.guards = guards;
    this.specs = specs;
    this.access = access;
  }

  /**
   * Claims the guards of {@code spec} for route {@code name} (shared ones first: they do not
   * exclude routes that agree), then its table reference; 409 naming the other route when one holds
   * a guard, with nothing of this claim left behind.
   */
  void claim(String api, String name, RouteSpec spec) {
    PathTemplate path = path(spec);
    RouteGuards.Holding holding = (holder, guard, value) -> holds(api, holder, guard, value);
    try {
      for (var part : path.variableParts().entrySet()) {
        guards
            .claimShared(api, PARAM + part.getKey(), part.getValue(), name, holding)
            .ifPresent(
                refusal ->
                    refuse(
                        refusal,
                        "path "
                            + spec.path()
                            + " names the variable part at "
                            + part.getKey()
                            + " {"
                            + part.getValue()
                            + "}, but route "
                            + refusal.holder()
                            + " of this API names it {"
                            + refusal.value()
                            + "}: API Gateway allows one name per level"));
      }
      guards
          .claimExclusive(api, methodGuard(spec, path), name, holding)
          .ifPresent(
              refusal ->
                  refuse(
                      refusal,
                      "route "
                          + refusal.holder()
                          + " already serves "
                          + spec.method()
                          + " "
                          + spec.path()));
      uses.add(spec.table(), api, name);
    } catch (TableUses.TableUnavailableException e) {
      settle(api, name, List.of(spec));
      throw ApiException.conflict(e.getMessage());
    } catch (RuntimeException e) {
      settle(api, name, List.of(spec));
      throw e;
    }
  }

  /**
   * Releases the guards and table references of {@code candidates} (the route's specs before and
   * after a change) that route {@code name}, as declared now, does not hold.
   */
  void settle(String api, String name, List<RouteSpec> candidates) {
    Optional<RouteSpec> current =
        registry
            .get(Ref.route(api, name))
            .filter(stored -> !stored.deleting())
            .map(stored -> specs.read(stored, RouteSpec.class));
    Map<String, String> held = current.map(RouteReferences::guardsOf).orElse(Map.of());
    for (RouteSpec spec : new LinkedHashSet<>(candidates)) {
      guardsOf(spec)
          .forEach(
              (guard, value) -> {
                if (!value.equals(held.get(guard))) {
                  release(api, guard, name);
                }
              });
      if (current.map(c -> !c.table().equals(spec.table())).orElse(true)) {
        uses.remove(spec.table(), api, name);
      }
    }
  }

  /**
   * The routes that use a table. A reference whose route does not use the table is stale once it is
   * older than {@link RouteGuards#GRACE} and is removed; a younger one may be a declaration under
   * way and counts as a use.
   */
  List<String> routesUsing(String table) {
    List<String> out = new ArrayList<>();
    Instant staleBefore = clock.instant().minus(RouteGuards.GRACE);
    for (Map.Entry<Ref, Instant> use : uses.since(table).entrySet()) {
      Ref route = use.getKey();
      boolean uses =
          registry
              .get(route)
              .filter(r -> specs.read(r, RouteSpec.class).table().equals(table))
              .isPresent();
      if (uses || use.getValue().isAfter(staleBefore)) {
        out.add(route.parent() + "/" + route.name());
      } else {
        this.uses.removeStale(table, route, use.getValue());
      }
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

  private boolean holds(String api, String holder, String guard, String value) {
    return registry
        .get(Ref.route(api, holder))
        .filter(stored -> !stored.deleting())
        .map(stored -> guardsOf(specs.read(stored, RouteSpec.class)))
        .map(held -> held.containsKey(guard) && (value == null || value.equals(held.get(guard))))
        .orElse(false);
  }

  private void release(String api, String guard, String name) {
    if (guard.startsWith(PARAM)) {
      guards.releaseShared(api, guard, name);
    } else {
      guards.releaseExclusive(api, guard, name);
    }
  }

  /** Each guard a route holds, with the value it holds it with (the route itself if exclusive). */
  private static Map<String, String> guardsOf(RouteSpec spec) {
    PathTemplate path = path(spec);
    Map<String, String> out = new LinkedHashMap<>();
    path.variableParts().forEach((shape, param) -> out.put(PARAM + shape, param));
    out.put(methodGuard(spec, path), "");
    return out;
  }

  private static String methodGuard(RouteSpec spec, PathTemplate path) {
    return METHOD + spec.method() + " " + path.shape();
  }

  private static PathTemplate path(RouteSpec spec) {
    return PathTemplate.parse(spec.path()).template().orElseThrow();
  }

  private static void refuse(RouteGuards.Refusal refusal, String why) {
    throw ApiException.conflict(
        refusal.settled()
            ? why
            : why + " (route " + refusal.holder() + " is being declared; retry shortly)");
  }

  private boolean mayStillUse(String api, Stored current, TableSpec table) {
    return registry
        .get(Ref.api(api))
        .map(apiRecord -> access.mayUse(apiRecord.owner(), current, table))
        .orElse(true);
  }
}
