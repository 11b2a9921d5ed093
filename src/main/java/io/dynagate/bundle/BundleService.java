package io.dynagate.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dynagate.api.ApiException;
import io.dynagate.api.Caller;
import io.dynagate.api.DeclarationService;
import io.dynagate.declaration.ApiRules;
import io.dynagate.declaration.ApiSpec;
import io.dynagate.declaration.RouteRules;
import io.dynagate.declaration.RouteSpec;
import io.dynagate.declaration.SpecReader;
import io.dynagate.declaration.TableRules;
import io.dynagate.declaration.TableSpec;
import io.dynagate.declaration.Violation;
import io.dynagate.store.Kind;
import io.dynagate.store.Ref;
import io.dynagate.store.Registry;
import io.dynagate.store.Stored;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Applies a team's bundle through the declaration service, item by item, after every item has been
 * validated (400 naming the bundle's field paths, nothing written) and every name checked against
 * other teams' declarations (403 or 409, nothing written). Prune removes only what the caller's
 * team owns and the bundle no longer names.
 */
@ApplicationScoped
public class BundleService {

  private final DeclarationService declarations;
  private final Registry registry;
  private final ObjectMapper json;

  public BundleService(DeclarationService declarations, Registry registry, ObjectMapper json) {
    this.declarations = declarations;
    this.registry = registry;
    this.json = json;
  }

  /** The diff of applying {@code bundle}; written unless {@code dryRun}. */
  public List<BundleChange> apply(Caller caller, Bundle bundle, boolean dryRun, boolean prune) {
    validate(bundle);
    List<BundleChange> changes = new ArrayList<>(plan(caller, bundle));
    List<Stored> pruned = prune ? unnamed(caller, bundle) : List.of();
    pruned.forEach(stored -> changes.add(new BundleChange("delete", kind(stored), name(stored))));
    if (!dryRun) {
      write(caller, bundle, changes);
      pruned.forEach(stored -> remove(caller, stored));
    }
    return changes;
  }

  /** What the caller's team owns, as a bundle that applies back to the same state. */
  public Bundle export(Caller caller) {
    Map<String, JsonNode> tables = new LinkedHashMap<>();
    owned(caller, Kind.TABLE, null).forEach(t -> tables.put(t.ref().name(), spec(t)));
    Map<String, Bundle.Api> apis = new LinkedHashMap<>();
    for (Stored api : owned(caller, Kind.API, null)) {
      Map<String, JsonNode> routes = new LinkedHashMap<>();
      owned(caller, Kind.ROUTE, api.ref().name()).forEach(r -> routes.put(r.ref().name(), spec(r)));
      apis.put(api.ref().name(), new Bundle.Api(spec(api), routes));
    }
    return new Bundle(tables, apis);
  }

  private void validate(Bundle bundle) {
    List<Violation> violations = new ArrayList<>();
    bundle
        .tables()
        .forEach(
            (name, body) -> {
              var read = check("tables." + name, body, TableSpec.class, violations);
              read.ifPresent(
                  spec -> prefixed("tables." + name, TableRules.validate(name, spec), violations));
            });
    bundle
        .apis()
        .forEach(
            (api, item) -> {
              String path = "apis." + api;
              check(path + ".spec", specOf(item), ApiSpec.class, violations)
                  .ifPresent(
                      spec -> prefixed(path + ".spec", ApiRules.validate(api, spec), violations));
              item.routes()
                  .forEach(
                      (route, body) ->
                          check(path + ".routes." + route, body, RouteSpec.class, violations)
                              .ifPresent(
                                  spec ->
                                      prefixed(
                                          path + ".routes." + route,
                                          RouteRules.validate(
                                              route, spec, table -> tableSpec(bundle, table)),
                                          violations)));
            });
    if (!violations.isEmpty()) {
      throw ApiException.invalid(violations);
    }
  }

  /** Each item's action; another team's declaration under a bundle's name stops it all. */
  private List<BundleChange> plan(Caller caller, Bundle bundle) {
    List<BundleChange> changes = new ArrayList<>();
    bundle
        .tables()
        .forEach(
            (name, body) ->
                changes.add(change(caller, Ref.table(name), body, TableSpec.class, "table", name)));
    bundle
        .apis()
        .forEach(
            (api, item) -> {
              changes.add(change(caller, Ref.api(api), specOf(item), ApiSpec.class, "api", api));
              item.routes()
                  .forEach(
                      (route, body) ->
                          changes.add(
                              change(
                                  caller,
                                  Ref.route(api, route),
                                  body,
                                  RouteSpec.class,
                                  "route",
                                  api + "/" + route)));
            });
    return changes;
  }

  private <T extends Record> BundleChange change(
      Caller caller, Ref ref, JsonNode body, Class<T> type, String kind, String name) {
    Optional<Stored> existing = registry.get(ref);
    if (existing.isEmpty()) {
      return new BundleChange("create", kind, name);
    }
    if (!caller.mayChange(existing.get().owner())) {
      throw ApiException.forbidden(
          kind + " " + name + " belongs to another team; the bundle applies nothing");
    }
    T declared = SpecReader.read(body, type).spec();
    T stored = declarations.readStored(existing.get(), type);
    boolean same =
        json.valueToTree(declared).equals(json.valueToTree(stored)) && !existing.get().deleting();
    return new BundleChange(same ? "unchanged" : "update", kind, name);
  }

  private void write(Caller caller, Bundle bundle, List<BundleChange> changes) {
    // Tables before the routes that read them; APIs before their routes.
    for (BundleChange change : changes) {
      if (!change.writes() || change.action().equals("delete")) {
        continue;
      }
      switch (change.kind()) {
        case "table" ->
            declarations.putTable(
                caller, change.name(), bundle.tables().get(change.name()), OptionalLong.empty());
        case "api" ->
            declarations.putApi(
                caller,
                change.name(),
                specOf(bundle.apis().get(change.name())),
                OptionalLong.empty());
        default -> {
          String[] names = change.name().split("/", 2);
          declarations.putRoute(
              caller,
              names[0],
              names[1],
              bundle.apis().get(names[0]).routes().get(names[1]),
              OptionalLong.empty());
        }
      }
    }
  }

  /** What the caller's team owns and the bundle does not name: routes, then APIs, then tables. */
  private List<Stored> unnamed(Caller caller, Bundle bundle) {
    List<Stored> gone = new ArrayList<>();
    for (Stored api : owned(caller, Kind.API, null)) {
      Bundle.Api named = bundle.apis().get(api.ref().name());
      owned(caller, Kind.ROUTE, api.ref().name()).stream()
          .filter(route -> named == null || !named.routes().containsKey(route.ref().name()))
          .forEach(gone::add);
    }
    owned(caller, Kind.API, null).stream()
        .filter(api -> !bundle.apis().containsKey(api.ref().name()))
        .forEach(gone::add);
    owned(caller, Kind.TABLE, null).stream()
        .filter(table -> !bundle.tables().containsKey(table.ref().name()))
        .forEach(gone::add);
    return gone;
  }

  private void remove(Caller caller, Stored stored) {
    Ref ref = stored.ref();
    switch (ref.kind()) {
      case TABLE -> declarations.deleteTable(caller, ref.name(), OptionalLong.empty());
      case API -> declarations.deleteApi(caller, ref.name(), OptionalLong.empty());
      default -> declarations.deleteRoute(caller, ref.parent(), ref.name(), OptionalLong.empty());
    }
  }

  /** Only the caller's own team's declarations, never another's, even for an admin. */
  private List<Stored> owned(Caller caller, Kind kind, String parent) {
    return registry.all(kind, parent).stream()
        .filter(stored -> stored.owner().equals(caller.team()) && !stored.deleting())
        .toList();
  }

  private Optional<TableSpec> tableSpec(Bundle bundle, String table) {
    JsonNode inBundle = bundle.tables().get(table);
    if (inBundle != null) {
      return Optional.ofNullable(SpecReader.read(inBundle, TableSpec.class).spec());
    }
    return declarations.tableSpec(table);
  }

  private <T extends Record> Optional<T> check(
      String path, JsonNode body, Class<T> type, List<Violation> violations) {
    SpecReader.Result<T> read = SpecReader.read(body, type);
    prefixed(path, read.violations(), violations);
    return read.ok() ? Optional.of(read.spec()) : Optional.empty();
  }

  private static void prefixed(String path, List<Violation> found, List<Violation> into) {
    found.forEach(
        v ->
            into.add(
                Violation.of(
                    v.field() == null || v.field().isEmpty() ? path : path + "." + v.field(),
                    v.message())));
  }

  private JsonNode specOf(Bundle.Api api) {
    return api == null || api.spec() == null ? json.createObjectNode() : api.spec();
  }

  private JsonNode spec(Stored stored) {
    try {
      return json.readTree(stored.spec());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String kind(Stored stored) {
    return stored.ref().kind().name().toLowerCase(Locale.ROOT);
  }

  private static String name(Stored stored) {
    Ref ref = stored.ref();
    return ref.kind() == Kind.ROUTE ? ref.parent() + "/" + ref.name() : ref.name();
  }
}
