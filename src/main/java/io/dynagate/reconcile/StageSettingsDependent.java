package io.dynagate.reconcile;

import io.dynagate.reconcile.RestApiPort.LiveStage;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;
import java.util.Optional;

/**
 * The stage's declared throttling (the method settings of every method); none declared leaves the
 * stage's own as it is. Set after the deployment: a new stage exists only once deployed.
 */
@ApplicationScoped
public class StageSettingsDependent implements Dependent {

  private final RestApiPort apis;

  public StageSettingsDependent(RestApiPort apis) {
    this.apis = apis;
  }

  public static Decision decide(Desired desired, Optional<LiveStage> stage) {
    String resource = "settings of stage " + desired.stage();
    Desired.Throttling wanted = desired.throttling();
    Desired.Throttling live = stage.map(LiveStage::throttling).orElse(null);
    if (wanted == null || matches(wanted, live)) {
      return Decision.unchanged(resource, null);
    }
    return Decision.update(resource, null, new Change.ThrottleStage(desired.stage(), wanted));
  }

  static boolean matches(Desired.Throttling desired, Desired.Throttling live) {
    return Objects.equals(desired, live);
  }

  @Override
  public Result create(Decision decision, String restApiId) {
    return update(decision, restApiId);
  }

  @Override
  public Result update(Decision decision, String restApiId) {
    Change.ThrottleStage throttle = decision.change(Change.ThrottleStage.class);
    apis.throttle(restApiId, throttle.stage(), throttle.throttling());
    return Result.updated(decision.resource(), null, throttle.describe());
  }

  @Override
  public Result delete(Decision decision, String restApiId) {
    throw new IllegalStateException("stage settings go with the stage");
  }
}
