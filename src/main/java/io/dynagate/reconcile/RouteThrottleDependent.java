package io.dynagate.reconcile;

import io.dynagate.declaration.ApiSpec;
import io.dynagate.render.ApiDeclaration;
import io.dynagate.render.MethodThrottles;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Per-route throttling ({@code access.routes.NAME.throttling}) as the stage's method settings, each
 * set only when it differs from what is live. A route's throttling no longer declared is left as it
 * is, like the stage's own. Set after the deployment: a new stage exists only once deployed.
 */
@ApplicationScoped
public class RouteThrottleDependent implements Dependent {

  private final RestApiPort apis;

  public RouteThrottleDependent(RestApiPort apis) {
    this.apis = apis;
  }

  /** The method settings an API's declarations want, keyed by patch path. */
  public static Map<String, Desired.Throttling> wanted(
      String api, ApiSpec spec, List<ApiDeclaration.NamedRoute> routes) {
    Map<String, Desired.Throttling> out = new TreeMap<>();
    MethodThrottles.of(new ApiDeclaration(api, spec, routes, Map.of(), "-", "-", "-"))
        .forEach((key, t) -> out.put(key, new Desired.Throttling(t.rateLimit(), t.burstLimit())));
    return out;
  }

  public Map<String, Desired.Throttling> observe(String restApiId, String stage) {
    return restApiId == null ? Map.of() : apis.methodThrottles(restApiId, stage);
  }

  public static Decision decide(
      String stage, Map<String, Desired.Throttling> wanted, Map<String, Desired.Throttling> live) {
    List<Change> changes = new ArrayList<>();
    wanted.forEach(
        (method, throttling) -> {
          if (!Objects.equals(throttling, live.get(method))) {
            changes.add(new Change.ThrottleMethod(stage, method, throttling));
          }
        });
    String resource = "route throttling of stage " + stage;
    return changes.isEmpty()
        ? Decision.unchanged(resource, null)
        : new Decision(resource, Outcome.UPDATED, changes, null);
  }

  @Override
  public Result create(Decision decision, String restApiId) {
    return update(decision, restApiId);
  }

  @Override
  public Result update(Decision decision, String restApiId) {
    for (Change change : decision.changes()) {
      Change.ThrottleMethod method = (Change.ThrottleMethod) change;
      apis.throttleMethod(restApiId, method.stage(), method.method(), method.throttling());
    }
    return Result.updated(decision.resource(), null, decision.changes().size() + " methods");
  }

  @Override
  public Result delete(Decision decision, String restApiId) {
    throw new IllegalStateException("method settings go with the stage");
  }
}
