package io.dynagate.reconcile;

import io.dynagate.declaration.AccessSpec;
import io.dynagate.declaration.ApiSpec;
import io.dynagate.declaration.RouteSpec;
import io.dynagate.render.ApiDeclaration;
import io.dynagate.store.Events;
import io.dynagate.store.Kind;
import io.dynagate.store.Ref;
import io.dynagate.store.Registry;
import io.dynagate.store.RouteGuards;
import io.dynagate.store.Specs;
import io.dynagate.store.Status;
import io.dynagate.store.Stored;
import io.dynagate.store.TableUses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * One pass over one API: render what should be, observe what is, decide per dependent, apply, write
 * status. A pass with nothing to change makes read calls only; a blocked plan applies nothing.
 */
@ApplicationScoped
public class ApiReconciler {

  private static final Logger LOG = Logger.getLogger(ApiReconciler.class);

  private final Registry registry;
  private final Specs specs;
  private final TableUses uses;
  private final DesiredStates desiredStates;
  private final Observer observer;
  private final Dependents dependents;
  private final Steps steps;
  private final RestApiPort apis;
  private final Events events;
  private final PassMeters meters;
  private final Consumers consumers;
  private final ConsumerDependent consumerDependent;
  private final RouteThrottleDependent routeThrottles;
  private final PreflightPort preflight;
  private final Clock clock = Clock.systemUTC();

  /** Released in the pass that deletes an API (a field, so the constructor stays as it is). */
  @Inject RouteGuards guards;

  public ApiReconciler(
      Registry registry,
      Specs specs,
      TableUses uses,
      DesiredStates desiredStates,
      Observer observer,
      Dependents dependents,
      Steps steps,
      RestApiPort apis,
      Events events,
      PassMeters meters,
      Consumers consumers,
      ConsumerDependent consumerDependent,
      RouteThrottleDependent routeThrottles,
      PreflightPort preflight) {
    this.registry = registry;
    this.specs = specs;
    this.uses = uses;
    this.desiredStates = desiredStates;
    this.observer = observer;
    this.dependents = dependents;
    this.steps = steps;
    this.apis = apis;
    this.events = events;
    this.meters = meters;
    this.consumers = consumers;
    this.consumerDependent = consumerDependent;
    this.routeThrottles = routeThrottles;
    this.preflight = preflight;
  }

  /** The changes a pass would make now, without making them: the same decisions, not applied. */
  public List<Change> plan(String api) {
    return planned(api).changes();
  }

  /**
   * What a pass would do now, and when it would change the definition, the preflight proof it would
   * be held to.
   */
  public Planned planned(String api) {
    Stored stored = registry.get(Ref.api(api)).orElseThrow();
    if (stored.deleting()) {
      return new Planned(
          Plan.Removal.of(api, observeForDeletion(stored)).changes(), Optional.empty());
    }
    ApiDeclaration declaration = desiredStates.declaration(stored);
    Desired desired = desiredStates.from(stored, declaration);
    String restApiId = stored.status().restApiId();
    Plan plan = Plan.of(desired, observer.observe(desired, restApiId));
    List<Change> changes = new ArrayList<>(plan.changes());
    for (Decision decision : consumerDecisions(stored, desired.stage(), restApiId)) {
      changes.addAll(decision.changes());
    }
    if (plan.blocked().isPresent() || !changesDefinition(plan, desired)) {
      return new Planned(changes, Optional.empty());
    }
    try {
      return new Planned(changes, Optional.of(preflight.prove(declaration, desired)));
    } catch (PreflightPort.Unavailable e) {
      LOG.infof("api %s: plan without preflight: %s", api, e.getMessage());
      return new Planned(changes, Optional.empty());
    }
  }

  /**
   * AWS first, then the registry. A registration stores its consumer before it makes the key, so a
   * key seen live belongs to a consumer the later registry read finds. Read the other way round, a
   * consumer registered between the two reads had its new key deleted as nobody's, and its value is
   * shown only once.
   */
  private List<Decision> consumerDecisions(Stored stored, String stage, String restApiId) {
    ConsumerDependent.Live live = consumerDependent.observe(stored.ref().name());
    return ConsumerDependent.decide(stage, restApiId, consumers.wanted(stored), live);
  }

  private List<Decision> consumerDecisions(
      Stored stored, String stage, String restApiId, List<ConsumerDependent.Wanted> wanted) {
    return ConsumerDependent.decide(
        stage, restApiId, wanted, consumerDependent.observe(stored.ref().name()));
  }

  /** A plan's changes, with the preflight proof of the definition it would put, if it puts one. */
  public record Planned(List<Change> changes, Optional<PreflightPort.Proof> preflight) {}

  /**
   * Runs one pass; failures end up in status and events, never thrown.
   *
   * @return the phase the pass left the API in; empty when it is not declared (any more)
   */
  public Optional<Status.Phase> reconcile(String api) {
    Optional<Stored> stored = registry.get(Ref.api(api));
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    String pass = UUID.randomUUID().toString().substring(0, 8);
    try {
      if (stored.get().deleting()) {
        delete(stored.get(), pass);
        return Optional.empty();
      }
      return Optional.of(converge(stored.get(), pass));
    } catch (AwsFailure | DesiredStates.InvalidDeclarationException | PreflightPort.Unavailable e) {
      return Optional.of(fail(stored.get(), pass, e.getMessage()));
    } catch (RuntimeException e) {
      LOG.errorf(e, "pass %s over api %s failed", pass, api);
      return Optional.of(
          fail(stored.get(), pass, "internal error: " + e.getClass().getSimpleName()));
    }
  }

  // The role exists before the REST API on a first pass; once the API's id is known, the role
  // trusts that API only (aws:SourceArn), in the same pass rather than the next.
  private Desired trustTheRestApi(
      Stored stored, ApiDeclaration declaration, Desired desired, String restApiId, String pass) {
    if (restApiId == null || restApiId.equals(stored.status().restApiId())) {
      return desired;
    }
    Desired pinned = desiredStates.from(stored, declaration.withRestApiId(restApiId));
    Decision trust = RoleDependent.decide(pinned, dependents.roles().observe(pinned.role().name()));
    steps.apply(stored.ref().name(), pass, dependents.roles(), trust, restApiId);
    return pinned;
  }

  private Status.Phase converge(Stored stored, String pass) {
    String api = stored.ref().name();
    // One read of the routes for the whole pass: the definition it puts, the throttles, the public
    // routes it reports and the route versions it marks live are all about the same routes. A
    // route changed meanwhile is left to the pass its change asks for.
    List<Stored> routes = registry.all(Kind.ROUTE, api);
    ApiDeclaration declaration = desiredStates.declaration(stored, routes);
    Desired desired = desiredStates.from(stored, declaration);
    Status before = stored.status();
    Plan plan = Plan.of(desired, observer.observe(desired, before.restApiId()));
    Optional<String> blocked = plan.blocked();
    if (blocked.isEmpty()) {
      blocked = refusedByPreflight(plan, declaration, desired);
    }
    if (blocked.isPresent()) {
      events.record(api, "blocked", blocked.get(), pass);
      return write(stored, before.blocked(stored.version(), blocked.get(), clock.instant()));
    }
    if (desired.shape().methods().isEmpty()) {
      steps.apply(api, pass, dependents.deployments(), plan.deployment(), restApiId(plan));
      return write(stored, before.idle(stored.version(), clock.instant()));
    }
    List<Change> changes = plan.changes();
    boolean drift =
        !changes.isEmpty()
            && (before.phase() == Status.Phase.READY || before.phase() == Status.Phase.DEGRADED)
            && desired.definitionHash().equals(before.definitionHash())
            && Long.valueOf(stored.version()).equals(before.observedVersion());
    if (drift) {
      meters.driftFound(api);
      if (specs.read(stored, ApiSpec.class).driftPolicyOrDefault() == ApiSpec.DriftPolicy.REPORT) {
        String found = String.join("; ", changes.stream().map(Change::describe).toList());
        events.record(api, "drift", "found, not repaired (driftPolicy REPORT): " + found, pass);
        return write(stored, before.degraded(found, clock.instant()));
      }
      events.record(api, "drift", "found, repairing", pass);
    }
    Live live = apply(stored, pass, plan, declaration, desired);
    if (drift) {
      meters.driftRepaired(api);
    }
    desired = live.desired();
    int consumerChanges =
        throttleRoutes(stored, declaration.routes(), desired.stage(), live.restApiId(), pass);
    for (Decision decision : consumerDecisions(stored, desired.stage(), live.restApiId())) {
      steps.apply(api, pass, consumerDependent, decision, live.restApiId());
      consumerChanges += decision.changes().size();
    }
    List<ApiDeclaration.NamedRoute> open = publicRoutes(stored, declaration.routes());
    Status ready =
        Status.ready(
                stored.version(),
                message(changes.size() + consumerChanges) + publicNote(open),
                clock.instant())
            .withApi(
                live.restApiId(),
                desired.roleArn(),
                live.deploymentId(),
                apis.invokeUrl(live.restApiId(), desired.stage()),
                desired.definitionHash())
            .withPublicRoutes(
                open.stream()
                    .map(route -> route.spec().method() + " " + route.spec().path())
                    .sorted()
                    .toList());
    write(stored, ready);
    markRoutesReady(routes);
    return ready.phase();
  }

  /**
   * Why preflight refuses the definition this plan would put, if it does. Only a plan that changes
   * the definition is proved: an unchanged pass makes no call anywhere for it.
   */
  private Optional<String> refusedByPreflight(
      Plan plan, ApiDeclaration declaration, Desired desired) {
    if (!changesDefinition(plan, desired)) {
      return Optional.empty();
    }
    PreflightPort.Proof proof = preflight.prove(declaration, desired);
    meters.preflight(declaration.apiName(), proof.passed());
    return proof.passed() ? Optional.empty() : Optional.of(proof.summary());
  }

  private static boolean changesDefinition(Plan plan, Desired desired) {
    return !desired.shape().methods().isEmpty() && plan.definition().outcome() != Outcome.UNCHANGED;
  }

  /** What a pass left live: the ids status reports, and the desired state pinned to them. */
  private record Live(String restApiId, String deploymentId, Desired desired) {}

  private Live apply(
      Stored stored, String pass, Plan plan, ApiDeclaration declaration, Desired desired) {
    String api = stored.ref().name();
    for (Decision table : plan.tables()) {
      steps.apply(api, pass, dependents.tables(), table, null);
    }
    steps.apply(api, pass, dependents.roles(), plan.role(), null);
    steps.apply(api, pass, dependents.policies(), plan.policy(), null);
    String restApiId =
        steps.apply(api, pass, dependents.definitions(), plan.definition(), null).id();
    steps.apply(api, pass, dependents.endpoints(), plan.endpoint(), restApiId);
    // Before the deployment: a new REST API's role then trusts it already, and the deployment
    // carries the hash of the definition as it stays, so that the next pass finds it deployed.
    Desired pinned = trustTheRestApi(stored, declaration, desired, restApiId, pass);
    Decision deployment = DeploymentDependent.of(pinned, plan.deployment());
    String deploymentId =
        steps.apply(api, pass, dependents.deployments(), deployment, restApiId).id();
    steps.apply(api, pass, dependents.stageSettings(), plan.stageSettings(), restApiId);
    return new Live(restApiId, deploymentId, pinned);
  }

  private static String restApiId(Plan plan) {
    return plan.definition().liveId();
  }

  private int throttleRoutes(
      Stored stored,
      List<ApiDeclaration.NamedRoute> routes,
      String stage,
      String restApiId,
      String pass) {
    Map<String, Desired.Throttling> wanted =
        RouteThrottleDependent.wanted(
            stored.ref().name(), specs.read(stored, ApiSpec.class), routes);
    if (wanted.isEmpty()) {
      return 0;
    }
    Decision decision =
        RouteThrottleDependent.decide(stage, wanted, routeThrottles.observe(restApiId, stage));
    steps.apply(stored.ref().name(), pass, routeThrottles, decision, restApiId);
    return decision.changes().size();
  }

  /** The API's routes anyone who reaches them may call: NONE, and no resource policy. */
  private List<ApiDeclaration.NamedRoute> publicRoutes(
      Stored stored, List<ApiDeclaration.NamedRoute> routes) {
    AccessSpec access = specs.read(stored, ApiSpec.class).access();
    return routes.stream()
        .filter(route -> AccessSpec.isPublic(access, route.name()))
        .sorted(Comparator.comparing(ApiDeclaration.NamedRoute::name))
        .toList();
  }

  // Said plainly in the status message too, by route name.
  private static String publicNote(List<ApiDeclaration.NamedRoute> open) {
    return open.isEmpty()
        ? ""
        : "; public routes (anyone may call): "
            + String.join(", ", open.stream().map(ApiDeclaration.NamedRoute::name).toList());
  }

  private static String message(int changes) {
    return changes == 0
        ? "in sync: nothing to change"
        : "converged: " + changes + " changes applied";
  }

  private void delete(Stored stored, String pass) {
    String api = stored.ref().name();
    // Keys and plans first: a removed API's consumers must stop working before anything else.
    for (Decision decision : consumerDecisions(stored, null, null, List.of())) {
      steps.apply(api, pass, consumerDependent, decision, null);
    }
    consumers.forget(api);
    Plan.Removal removal = Plan.Removal.of(api, observeForDeletion(stored));
    steps.apply(api, pass, dependents.definitions(), removal.definition(), null);
    steps.apply(api, pass, dependents.roles(), removal.role(), null);
    for (Stored route : registry.all(Kind.ROUTE, api)) {
      registry.delete(route.ref(), OptionalLong.empty());
      uses.remove(specs.read(route, RouteSpec.class).table(), api, route.ref().name());
    }
    guards.releaseAll(api);
    registry.delete(stored.ref(), OptionalLong.empty());
    events.record(api, "deleted", "REST API and role removed", pass);
  }

  private Observed observeForDeletion(Stored stored) {
    String api = stored.ref().name();
    return observer.observeForDeletion(
        api, desiredStates.roleName(api), stored.status().restApiId());
  }

  /**
   * The route versions this pass put live are Ready; a route changed since the pass read it keeps
   * the status of the version last put live until a pass puts the new one.
   */
  private void markRoutesReady(List<Stored> routes) {
    for (Stored route : routes) {
      Status status = route.status();
      if (status.phase() != Status.Phase.READY
          || !Long.valueOf(route.version()).equals(status.observedVersion())) {
        registry.writeStatus(
            route.ref(), route.version(), Status.ready(route.version(), "live", clock.instant()));
      }
    }
  }

  private Status.Phase fail(Stored stored, String pass, String message) {
    events.record(stored.ref().name(), "error", message, pass);
    return write(stored, stored.status().failed(message, clock.instant()));
  }

  private Status.Phase write(Stored stored, Status status) {
    registry.writeStatus(stored.ref(), status);
    LOG.debugf("api %s: %s, %s", stored.ref().name(), status.phase().label(), status.message());
    return status.phase();
  }
}
