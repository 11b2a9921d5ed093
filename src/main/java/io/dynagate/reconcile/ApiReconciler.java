package io.dynagate.reconcile;

import io.dynagate.declaration.ApiSpec;
import io.dynagate.store.Events;
import io.dynagate.store.Kind;
import io.dynagate.store.Ref;
import io.dynagate.store.Registry;
import io.dynagate.store.Specs;
import io.dynagate.store.Status;
import io.dynagate.store.Stored;
import io.dynagate.store.TableUses;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * One pass over one API: render what should be, observe what is, plan, apply, write status. A pass
 * with nothing to change makes read calls only.
 */
@ApplicationScoped
public class ApiReconciler {

  private static final Logger LOG = Logger.getLogger(ApiReconciler.class);

  private final Registry registry;
  private final Specs specs;
  private final TableUses uses;
  private final DesiredStates desiredStates;
  private final Observer observer;
  private final Applier applier;
  private final RestApiPort apis;
  private final Events events;
  private final Clock clock = Clock.systemUTC();

  public ApiReconciler(
      Registry registry,
      Specs specs,
      TableUses uses,
      DesiredStates desiredStates,
      Observer observer,
      Applier applier,
      RestApiPort apis,
      Events events) {
    this.registry = registry;
    this.specs = specs;
    this.uses = uses;
    this.desiredStates = desiredStates;
    this.observer = observer;
    this.applier = applier;
    this.apis = apis;
    this.events = events;
  }

  /** The changes a pass would make now, without making them. */
  public List<Change> plan(String api) {
    Stored stored = registry.get(Ref.api(api)).orElseThrow();
    if (stored.deleting()) {
      return Planner.planDeletion(
          observer.observeForDeletion(
              api, desiredStates.roleName(api), stored.status().restApiId()),
          api);
    }
    Desired desired = desiredStates.of(stored);
    return Planner.plan(desired, observer.observe(desired, stored.status().restApiId()));
  }

  /** Runs one pass; failures end up in status and events, never thrown. */
  public void reconcile(String api) {
    Optional<Stored> stored = registry.get(Ref.api(api));
    if (stored.isEmpty()) {
      return;
    }
    String pass = UUID.randomUUID().toString().substring(0, 8);
    try {
      if (stored.get().deleting()) {
        delete(stored.get(), pass);
      } else {
        converge(stored.get(), pass);
      }
    } catch (AwsFailure | Applier.BlockedException | DesiredStates.InvalidDeclarationException e) {
      fail(stored.get(), pass, e.getMessage());
    } catch (RuntimeException e) {
      LOG.errorf(e, "pass %s over api %s failed", pass, api);
      fail(stored.get(), pass, "internal error: " + e.getClass().getSimpleName());
    }
  }

  // The role exists before the REST API on a first pass; once the API's id is known, the role
  // trusts that API only (aws:SourceArn), in the same pass rather than the next.
  private Desired trustTheRestApi(Stored stored, Desired desired, String restApiId, String pass) {
    if (restApiId == null || restApiId.equals(stored.status().restApiId())) {
      return desired;
    }
    Desired pinned = desiredStates.of(stored, restApiId);
    if (!pinned.role().trustPolicy().equals(desired.role().trustPolicy())) {
      Change update = new Change.UpdateTrust(pinned.role().name(), pinned.role().trustPolicy());
      applier.apply(
          List.of(update),
          restApiId,
          change -> events.record(stored.ref().name(), "change", change.describe(), pass));
    }
    return pinned;
  }

  private void converge(Stored stored, String pass) {
    String api = stored.ref().name();
    Desired desired = desiredStates.of(stored);
    Status before = stored.status();
    if (desired.shape().methods().isEmpty()) {
      // API Gateway refuses to deploy an API without methods, and IAM a policy without
      // statements: an API is live only while it has a route. Its last route removed, the stage
      // goes (else it would go on serving the removed routes).
      Observed observed = observer.observe(desired, before.restApiId());
      List<Change> changes = Planner.planWithoutRoutes(desired, observed);
      String restApiId = observed.restApi().map(RestApiPort.LiveRestApi::id).orElse(null);
      applier.apply(
          changes, restApiId, change -> events.record(api, "change", change.describe(), pass));
      registry.writeStatus(
          stored.ref(), before.withPhase(Status.PENDING, "no routes declared: nothing to serve"));
      return;
    }
    Observed observed = observer.observe(desired, stored.status().restApiId());
    List<Change> changes = Planner.plan(desired, observed);
    boolean drift =
        !changes.isEmpty()
            && Status.READY.equals(before.phase())
            && desired.definitionHash().equals(before.definitionHash())
            && Long.valueOf(stored.version()).equals(before.observedVersion());
    ApiSpec spec = specs.read(stored, ApiSpec.class);
    if (drift && spec.driftPolicyOrDefault() == ApiSpec.DriftPolicy.REPORT) {
      String found = String.join("; ", changes.stream().map(Change::describe).toList());
      events.record(api, "drift", "found, not repaired (driftPolicy REPORT): " + found, pass);
      registry.writeStatus(stored.ref(), withDrift(before, found));
      return;
    }
    if (drift) {
      events.record(api, "drift", "found, repairing", pass);
    }
    String knownId = observed.restApi().map(RestApiPort.LiveRestApi::id).orElse(null);
    Applier.Applied applied =
        applier.apply(
            changes, knownId, change -> events.record(api, "change", change.describe(), pass));
    String restApiId = applied.restApiId();
    desired = trustTheRestApi(stored, desired, restApiId, pass);
    String deploymentId =
        applied.deploymentId() != null
            ? applied.deploymentId()
            : observed.stage().map(RestApiPort.LiveStage::deploymentId).orElse(null);
    Status ready =
        new Status(
            Status.READY,
            stored.version(),
            changes.isEmpty()
                ? "in sync: nothing to change"
                : "converged: " + changes.size() + " changes applied",
            clock.instant(),
            null,
            restApiId,
            desired.roleArn(),
            deploymentId,
            apis.invokeUrl(restApiId, desired.stage()),
            desired.definitionHash(),
            null);
    registry.writeStatus(stored.ref(), ready);
    markRoutesReady(api);
    LOG.debugf("api %s: %s", api, ready.message());
  }

  private void delete(Stored stored, String pass) {
    String api = stored.ref().name();
    Observed observed =
        observer.observeForDeletion(api, desiredStates.roleName(api), stored.status().restApiId());
    applier.apply(
        Planner.planDeletion(observed, api),
        null,
        change -> events.record(api, "change", change.describe(), pass));
    for (Stored route : registry.all(Kind.ROUTE, api)) {
      registry.delete(route.ref(), java.util.OptionalLong.empty());
      uses.remove(
          specs.read(route, io.dynagate.declaration.RouteSpec.class).table(),
          api,
          route.ref().name());
    }
    registry.delete(stored.ref(), java.util.OptionalLong.empty());
    events.record(api, "deleted", "REST API and role removed", pass);
  }

  private void markRoutesReady(String api) {
    for (Stored route : registry.all(Kind.ROUTE, api)) {
      Status status = route.status();
      if (!Status.READY.equals(status.phase())
          || !Long.valueOf(route.version()).equals(status.observedVersion())) {
        registry.writeStatus(
            route.ref(),
            new Status(
                Status.READY,
                route.version(),
                "live",
                clock.instant(),
                null,
                null,
                null,
                null,
                null,
                null,
                null));
      }
    }
  }

  private void fail(Stored stored, String pass, String message) {
    String api = stored.ref().name();
    events.record(api, "error", message, pass);
    Status before = stored.status();
    registry.writeStatus(
        stored.ref(),
        new Status(
            Status.ERROR,
            before.observedVersion(),
            message,
            clock.instant(),
            before.tableArn(),
            before.restApiId(),
            before.roleArn(),
            before.deploymentId(),
            before.invokeUrl(),
            before.definitionHash(),
            before.drift()));
  }

  private static Status withDrift(Status status, String drift) {
    return new Status(
        status.phase(),
        status.observedVersion(),
        "drift found (driftPolicy REPORT)",
        status.lastReconciledAt(),
        status.tableArn(),
        status.restApiId(),
        status.roleArn(),
        status.deploymentId(),
        status.invokeUrl(),
        status.definitionHash(),
        drift);
  }
}
