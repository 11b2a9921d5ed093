package io.dynagate.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynagate.config.DynagateConfig;
import io.dynagate.declaration.AccessRules;
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
import io.dynagate.store.Page;
import io.dynagate.store.Ref;
import io.dynagate.store.Registry;
import io.dynagate.store.Specs;
import io.dynagate.store.Stored;
import io.dynagate.store.TableUses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Declaring, reading and removing tables, APIs and routes: validation, cross-references and
 * ownership, then the registry. Nothing is stored unless every check passed.
 *
 * <p>Another team's declaration answers 403 to a change when the caller may read it; when it is
 * hidden, a change answers as for a missing one (404), except that creating a declaration under a
 * name another team holds answers 409: names are unique across teams, so that much is known.
 */
@ApplicationScoped
public class DeclarationService {

  private final Registry registry;
  private final TableUses uses;
  private final Specs specs;
  private final Event<DeclarationChanged> changed;
  private final Event<DeclarationWritten> written;
  private final Access access;
  private final RouteReferences references;
  @Inject DynagateConfig config;

  public DeclarationService(
      Registry registry,
      TableUses uses,
      Specs specs,
      Event<DeclarationChanged> changed,
      Event<DeclarationWritten> written,
      Access access,
      RouteReferences references) {
    this.registry = registry;
    this.uses = uses;
    this.specs = specs;
    this.changed = changed;
    this.written = written;
    this.access = access;
    this.references = references;
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
      List<String> broken = references.routesBrokenBy(declared, existing.get());
      if (!broken.isEmpty()) {
        throw ApiException.conflict(
            "this change breaks routes that use table " + name + ": " + String.join(", ", broken));
      }
    }
    return write(ref, caller, declared, existing, ifMatch);
  }

  public Stored putApi(Caller caller, String name, JsonNode body, OptionalLong ifMatch) {
    ApiSpec spec = read(body, ApiSpec.class);
    requireValid(ApiRules.validate(name, spec, publicRoutes()));
    Ref ref = Ref.api(name);
    Optional<Stored> existing = registry.get(ref);
    requireChangeable(caller, existing);
    return write(ref, caller, spec, existing, ifMatch);
  }

  public Stored putRoute(
      Caller caller, String api, String name, JsonNode body, OptionalLong ifMatch) {
    Stored apiRecord = read(caller, Ref.api(api));
    requireChangeable(caller, Optional.of(apiRecord));
    if (apiRecord.deleting()) {
      throw ApiException.conflict("api " + api + " is being deleted");
    }
    RouteSpec spec = read(body, RouteSpec.class);
    requireValid(RouteRules.validate(name, spec, table -> tableSpec(caller, table)));
    requireUsable(apiRecord.owner(), spec.table());
    Ref ref = Ref.route(api, name);
    Optional<Stored> existing = registry.get(ref);
    requireChangeable(caller, existing);
    references.requireUniqueMethodAndPath(api, name, spec);
    uses.add(spec.table(), api, name);
    Stored stored = write(ref, caller, spec, existing, ifMatch);
    existing
        .map(old -> readStored(old, RouteSpec.class).table())
        .filter(oldTable -> !oldTable.equals(spec.table()))
        .ifPresent(oldTable -> uses.remove(oldTable, api, name));
    return stored;
  }

  public Stored get(Ref ref) {
    return existing(ref);
  }

  /** The declaration as this caller may see it: 404 when missing or hidden from the caller. */
  public Stored read(Caller caller, Ref ref) {
    return registry
        .get(ref)
        .filter(stored -> access.mayRead(caller, stored))
        .orElseThrow(() -> ApiException.notFound(ref + " is not declared"));
  }

  /** A page of a list without what the caller may not read. */
  public Page<Stored> visible(Caller caller, Page<Stored> page) {
    return access.visible(caller, page);
  }

  public void deleteTable(Caller caller, String name, OptionalLong ifMatch) {
    Ref ref = Ref.table(name);
    Stored stored = read(caller, ref);
    requireChangeable(caller, Optional.of(stored));
    List<String> users = references.routesUsing(name);
    if (!users.isEmpty()) {
      throw ApiException.conflict(
          "table " + name + " is used by routes " + String.join(", ", users));
    }
    TableSpec spec = readStored(stored, TableSpec.class);
    if (spec.deletionPolicyOrDefault() == TableSpec.DeletionPolicy.DELETE) {
      Stored marked = registry.markDeleting(ref, ifMatch);
      written.fire(new DeclarationWritten(caller, ref, stored, marked));
      changed.fire(new DeclarationChanged(ref));
    } else {
      registry.delete(ref, ifMatch);
      written.fire(new DeclarationWritten(caller, ref, stored, null));
    }
  }

  /** Marks the API for deletion: the reconciler removes its REST API and role, then the records. */
  public void deleteApi(Caller caller, String name, OptionalLong ifMatch) {
    Ref ref = Ref.api(name);
    Stored stored = read(caller, ref);
    requireChangeable(caller, Optional.of(stored));
    Stored marked = registry.markDeleting(ref, ifMatch);
    written.fire(new DeclarationWritten(caller, ref, stored, marked));
    changed.fire(new DeclarationChanged(ref));
  }

  public void deleteRoute(Caller caller, String api, String name, OptionalLong ifMatch) {
    Ref ref = Ref.route(api, name);
    Stored stored = read(caller, ref);
    requireChangeable(caller, Optional.of(stored));
    registry.delete(ref, ifMatch);
    written.fire(new DeclarationWritten(caller, ref, stored, null));
    uses.remove(readStored(stored, RouteSpec.class).table(), api, name);
    changed.fire(new DeclarationChanged(Ref.api(api)));
  }

  public Optional<TableSpec> tableSpec(String name) {
    return registry
        .get(Ref.table(name))
        .filter(s -> !s.deleting())
        .map(s -> readStored(s, TableSpec.class));
  }

  /** A table as the caller may see it: one hidden from the caller is not declared. */
  private Optional<TableSpec> tableSpec(Caller caller, String name) {
    return registry
        .get(Ref.table(name))
        .filter(s -> !s.deleting() && access.mayRead(caller, s))
        .map(s -> readStored(s, TableSpec.class));
  }

  private void requireUsable(String apiOwner, String table) {
    Stored stored = existing(Ref.table(table));
    if (!access.mayUse(apiOwner, stored, readStored(stored, TableSpec.class))) {
      throw ApiException.forbidden(
          "table " + table + " belongs to another team and is not shared with " + apiOwner);
    }
  }

  public <T> T readStored(Stored stored, Class<T> type) {
    return specs.read(stored, type);
  }

  private Stored write(
      Ref ref, Caller caller, Record spec, Optional<Stored> before, OptionalLong ifMatch) {
    Stored stored = registry.put(ref, caller.team(), specs.write(spec), ifMatch);
    written.fire(new DeclarationWritten(caller, ref, before.orElse(null), stored));
    changed.fire(new DeclarationChanged(ref.kind() == Kind.ROUTE ? Ref.api(ref.parent()) : ref));
    return stored;
  }

  private Stored existing(Ref ref) {
    return registry.get(ref).orElseThrow(() -> ApiException.notFound(ref + " is not declared"));
  }

  private void requireChangeable(Caller caller, Optional<Stored> existing) {
    if (existing.isEmpty() || caller.mayChange(existing.get().owner())) {
      return;
    }
    Ref ref = existing.get().ref();
    if (access.mayRead(caller, existing.get())) {
      throw ApiException.forbidden(ref + " belongs to another team");
    }
    throw ApiException.conflict("the name of " + ref + " is taken; names are unique across teams");
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
        spec.deletionPolicy(),
        spec.sharedWith());
  }

  /** The operator's rule on routes open to anyone ({@code dynagate.policy.public-routes}). */
  private AccessRules.PublicRoutes publicRoutes() {
    return config.policy().publicRoutes() == DynagateConfig.Policy.PublicRoutes.DENY
        ? AccessRules.PublicRoutes.DENY
        : AccessRules.PublicRoutes.ALLOW;
  }
}
