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
import io.dynagate.render.ApiDeclaration;
import io.dynagate.render.PolicyQuota;
import io.dynagate.store.DeclarationChanged;
import io.dynagate.store.Kind;
import io.dynagate.store.NameTakenException;
import io.dynagate.store.Page;
import io.dynagate.store.Ref;
import io.dynagate.store.Registry;
import io.dynagate.store.RouteGuards;
import io.dynagate.store.Specs;
import io.dynagate.store.Stored;
import io.dynagate.store.VersionConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

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

  private static final int ATTEMPTS = 4;

  private final Registry registry;
  private final Specs specs;
  private final Event<DeclarationChanged> changed;
  private final Event<DeclarationWritten> written;
  private final Access access;
  private final RouteReferences references;
  private final AccountTables accountTables;
  private final TeamDirectory teams;
  private final DynagateConfig config;
  private final ApiQuotaCheck quotas;

  public DeclarationService(
      Registry registry,
      Specs specs,
      Event<DeclarationChanged> changed,
      Event<DeclarationWritten> written,
      Access access,
      RouteReferences references,
      AccountTables accountTables,
      TeamDirectory teams,
      DynagateConfig config,
      ApiQuotaCheck quotas) {
    this.registry = registry;
    this.specs = specs;
    this.changed = changed;
    this.written = written;
    this.access = access;
    this.references = references;
    this.accountTables = accountTables;
    this.teams = teams;
    this.config = config;
    this.quotas = quotas;
  }

  public Stored putTable(Caller caller, String nameInPath, JsonNode body, OptionalLong ifMatch) {
    TableSpec spec = read(body, TableSpec.class);
    List<Violation> violations =
        new ArrayList<>(TableRules.validate(nameInPath, spec, teams::exists));
    requireValid(violations);
    String name = nameInPath != null ? nameInPath : spec.tableName();
    TableSpec declared = spec.tableName() == null ? withName(spec, name) : spec;
    accountTables.requireDeclarableName(caller, name);
    Ref ref = Ref.table(name);
    return attempt(
        ifMatch,
        () -> {
          Optional<Stored> existing = registry.get(ref);
          requireChangeable(caller, existing);
          if (existing.isEmpty()) {
            accountTables.requireNotForeign(name, caller.team());
          } else {
            List<String> broken = references.routesBrokenBy(declared, existing.get());
            if (!broken.isEmpty()) {
              throw ApiException.conflict(
                  "this change breaks routes that use table "
                      + name
                      + ": "
                      + String.join(", ", broken));
            }
          }
          return write(ref, caller, declared, existing, ifMatch);
        });
  }

  public Stored putApi(Caller caller, String name, JsonNode body, OptionalLong ifMatch) {
    ApiSpec spec = read(body, ApiSpec.class);
    requireValid(ApiRules.validate(name, spec, publicRoutes()));
    Ref ref = Ref.api(name);
    // An API's spec decides nothing about other declarations: the usual update, one the caller may
    // make, needs no read first. Every other case (a new API, someone else's, one being deleted, a
    // stale If-Match) fails that write's condition and is decided below, as for any declaration.
    Optional<Registry.Replaced> replaced =
        registry.replaceSpec(ref, ownerToMatch(caller), ifMatch, specs.write(spec));
    if (replaced.isPresent()) {
      announce(caller, ref, replaced.get().before(), replaced.get().after());
      return replaced.get().after();
    }
    return attempt(
        ifMatch,
        () -> {
          Optional<Stored> existing = registry.get(ref);
          requireChangeable(caller, existing);
          return write(ref, caller, spec, existing, ifMatch);
        });
  }

  /**
   * Declares a route: its guards and table reference are claimed first (409 when another route
   * holds them, or the table is being deleted), then the route is written, then what it no longer
   * holds is released. A declaration that took more than half of {@link RouteGuards#GRACE} since
   * its claims gives up rather than write: its claims may have been taken for stale meanwhile.
   */
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
    quotas.require(apiRecord, name, spec);
    requirePolicyFits(apiRecord, name, spec);
    requireValid(
        AccessRules.validateRoute(
            readStored(apiRecord, ApiSpec.class).access(), name, publicRoutes()));
    Ref ref = Ref.route(api, name);
    return attempt(
        ifMatch,
        () -> {
          Optional<Stored> existing = registry.get(ref);
          requireChangeable(caller, existing);
          List<RouteSpec> before =
              existing.map(old -> List.of(readStored(old, RouteSpec.class))).orElse(List.of());
          long claimedAt = System.nanoTime();
          references.claim(api, name, spec);
          List<RouteSpec> involved = new ArrayList<>(before);
          involved.add(spec);
          try {
            if (Duration.ofNanos(System.nanoTime() - claimedAt)
                    .compareTo(RouteGuards.GRACE.dividedBy(2))
                > 0) {
              throw ApiException.of(
                  503, "Service unavailable", "declaring the route took too long; retry");
            }
            return write(ref, caller, spec, existing, ifMatch);
          } finally {
            references.settle(api, name, involved);
          }
        });
  }

  public Stored get(Ref ref) {
    return existing(ref);
  }

  /** The declaration as this caller may see it: 404 when missing or hidden from the caller. */
  public Stored read(Caller caller, Ref ref) {
    return registry
        .read(ref)
        .filter(stored -> access.mayRead(caller, stored))
        .orElseThrow(() -> ApiException.notFound(ref + " is not declared"));
  }

  /** A page of a list without what the caller may not read. */
  public Page<Stored> visible(Caller caller, Page<Stored> page) {
    return access.visible(caller, page);
  }

  /**
   * Removes a table declaration, or marks it for the reconciler to drop the table ({@code
   * DeletionPolicy: DELETE}). Refused (409) while routes refer to it: the registry checks that in
   * the same conditional write, so no route can start using the table meanwhile.
   */
  public void deleteTable(Caller caller, String name, OptionalLong ifMatch) {
    Ref ref = Ref.table(name);
    attempt(
        ifMatch,
        () -> {
          Stored stored = read(caller, ref);
          requireChangeable(caller, Optional.of(stored));
          requireUnused(name);
          long version = ifMatch.orElse(stored.version());
          TableSpec spec = readStored(stored, TableSpec.class);
          try {
            if (spec.deletionPolicyOrDefault() == TableSpec.DeletionPolicy.DELETE) {
              Stored marked = registry.markDeleting(ref, stored.owner(), version);
              written.fire(new DeclarationWritten(caller, ref, stored, marked));
              changed.fire(new DeclarationChanged(ref));
            } else {
              registry.remove(ref, stored.owner(), version);
              written.fire(new DeclarationWritten(caller, ref, stored, null));
            }
          } catch (VersionConflictException e) {
            requireUnused(name);
            throw e;
          }
          return stored;
        });
  }

  /** Marks the API for deletion: the reconciler removes its REST API and role, then the records. */
  public void deleteApi(Caller caller, String name, OptionalLong ifMatch) {
    Ref ref = Ref.api(name);
    attempt(
        ifMatch,
        () -> {
          Stored stored = read(caller, ref);
          requireChangeable(caller, Optional.of(stored));
          Stored marked =
              registry.markDeleting(ref, stored.owner(), ifMatch.orElse(stored.version()));
          written.fire(new DeclarationWritten(caller, ref, stored, marked));
          changed.fire(new DeclarationChanged(ref));
          return marked;
        });
  }

  public void deleteRoute(Caller caller, String api, String name, OptionalLong ifMatch) {
    Ref ref = Ref.route(api, name);
    attempt(
        ifMatch,
        () -> {
          Stored stored = read(caller, ref);
          requireChangeable(caller, Optional.of(stored));
          registry.remove(ref, stored.owner(), ifMatch.orElse(stored.version()));
          written.fire(new DeclarationWritten(caller, ref, stored, null));
          references.settle(api, name, List.of(readStored(stored, RouteSpec.class)));
          changed.fire(new DeclarationChanged(Ref.api(api)));
          return stored;
        });
  }

  /** Adopts a table that exists in the account for {@code owner} (admins only). */
  public Map<String, String> adoptTable(Caller caller, String name, String owner) {
    return accountTables.adopt(caller, name, owner);
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

  private void requireUnused(String table) {
    List<String> users = references.routesUsing(table);
    if (!users.isEmpty()) {
      throw ApiException.conflict(
          "table " + table + " is used by routes " + String.join(", ", users));
    }
  }

  /**
   * Runs a read-decide-write step again when its conditional write lost to another writer: the next
   * read sees the winner (and answers 403, 404 or 409 as that warrants). With {@code If-Match}, a
   * lost version check is the caller's 412.
   */
  private Stored attempt(OptionalLong ifMatch, Supplier<Stored> step) {
    for (int i = 1; ; i++) {
      try {
        return step.get();
      } catch (NameTakenException | VersionConflictException e) {
        if (e instanceof VersionConflictException && ifMatch.isPresent()) {
          throw e;
        }
        if (i == ATTEMPTS) {
          throw ApiException.conflict(e.getMessage() + "; another change keeps winning, retry");
        }
      }
    }
  }

  /**
   * Creates the declaration when the caller found none (the registry refuses it if one appeared
   * meanwhile), else updates the one the caller found, only if it still has that owner and version.
   */
  private Stored write(
      Ref ref, Caller caller, Record spec, Optional<Stored> before, OptionalLong ifMatch) {
    if (before.isPresent() && before.get().deleting()) {
      throw ApiException.conflict(ref + " is being deleted");
    }
    if (before.isEmpty() && ifMatch.isPresent()) {
      throw ApiException.preconditionFailed(ref + " does not exist");
    }
    Stored stored =
        before.isEmpty()
            ? registry.create(ref, caller.team(), specs.write(spec))
            : registry.update(
                ref,
                before.get().owner(),
                ifMatch.orElse(before.get().version()),
                specs.write(spec));
    announce(caller, ref, before.orElse(null), stored);
    return stored;
  }

  /** Records a written declaration in the audit trail, then asks for the pass it needs. */
  private void announce(Caller caller, Ref ref, Stored before, Stored after) {
    written.fire(new DeclarationWritten(caller, ref, before, after));
    changed.fire(new DeclarationChanged(ref.kind() == Kind.ROUTE ? Ref.api(ref.parent()) : ref));
  }

  /** The owner a declaration must have for the caller to change it; none for an admin. */
  private static Optional<String> ownerToMatch(Caller caller) {
    return caller.admin() ? Optional.empty() : Optional.of(caller.team());
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

  /**
   * The API's resource policy names every route's method ARN: one more route must not push it past
   * API Gateway's quota, refused here rather than at the next pass.
   */
  private void requirePolicyFits(Stored apiRecord, String name, RouteSpec spec) {
    ApiSpec apiSpec = readStored(apiRecord, ApiSpec.class);
    if (apiSpec.access() == null || apiSpec.access().resourcePolicy() == null) {
      return;
    }
    List<ApiDeclaration.NamedRoute> routes = new ArrayList<>();
    for (Stored route : registry.all(Kind.ROUTE, apiRecord.ref().name())) {
      if (!route.ref().name().equals(name)) {
        routes.add(
            new ApiDeclaration.NamedRoute(route.ref().name(), readStored(route, RouteSpec.class)));
      }
    }
    routes.add(new ApiDeclaration.NamedRoute(name, spec));
    String region = config.aws().region().orElse("us-east-1");
    PolicyQuota.overrun(apiRecord.ref().name(), apiSpec, routes, region)
        .ifPresent(why -> requireValid(List.of(Violation.of("path", why + " with this route"))));
  }

  /** The operator's rule on routes open to anyone ({@code dynagate.policy.public-routes}). */
  private AccessRules.PublicRoutes publicRoutes() {
    return config.policy().publicRoutes() == DynagateConfig.Policy.PublicRoutes.DENY
        ? AccessRules.PublicRoutes.DENY
        : AccessRules.PublicRoutes.ALLOW;
  }
}
