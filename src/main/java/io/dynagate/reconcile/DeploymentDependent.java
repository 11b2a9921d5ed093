package io.dynagate.reconcile;

import io.dynagate.reconcile.RestApiPort.LiveStage;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * The stage and the deployment it serves: deployed after the definition changed (a deployment is a
 * snapshot), removed when the API has no routes left.
 */
@ApplicationScoped
public class DeploymentDependent implements Dependent {

  private final RestApiPort apis;

  public DeploymentDependent(RestApiPort apis) {
    this.apis = apis;
  }

  public Optional<LiveStage> observe(String restApiId, String stage) {
    return restApiId == null ? Optional.empty() : apis.stage(restApiId, stage);
  }

  /**
   * @param definition the definition's decision: a new or changed definition is deployed
   */
  public static Decision decide(Desired desired, Decision definition, Optional<LiveStage> stage) {
    String resource = "stage " + desired.stage();
    if (definition.outcome() == Outcome.CREATED) {
      return Decision.create(resource, deploy(desired, "first deployment"));
    }
    if (stage.isEmpty()) {
      return Decision.create(resource, deploy(desired, "stage " + desired.stage() + " is missing"));
    }
    if (definition.outcome() == Outcome.UPDATED) {
      return Decision.update(
          resource,
          stage.get().deploymentId(),
          deploy(desired, "the deployed definition is not the desired one"));
    }
    return Decision.unchanged(resource, stage.get().deploymentId());
  }

  /**
   * API Gateway refuses to deploy an API without methods: its last route removed, the stage goes
   * (else it would go on serving the removed routes).
   */
  public static Decision withoutRoutes(Desired desired, Optional<LiveStage> stage) {
    String resource = "stage " + desired.stage();
    return stage
        .map(live -> Decision.delete(resource, null, new Change.DeleteStage(desired.stage())))
        .orElseGet(() -> Decision.unchanged(resource, null));
  }

  /**
   * The same decision for {@code desired} once its role trusts the new REST API: the deployment
   * then names that definition's hash (its OpenAPI document is the same).
   */
  static Decision of(Desired desired, Decision decision) {
    if (decision.changes().isEmpty()
        || !(decision.changes().get(0) instanceof Change.CreateDeployment deploy)
        || deploy.definitionHash().equals(desired.definitionHash())) {
      return decision;
    }
    return new Decision(
        decision.resource(),
        decision.outcome(),
        List.of(deploy(desired, deploy.reason())),
        decision.liveId());
  }

  private static Change.CreateDeployment deploy(Desired desired, String reason) {
    return new Change.CreateDeployment(desired.stage(), desired.definitionHash(), reason);
  }

  @Override
  public Result create(Decision decision, String restApiId) {
    return Result.created(decision.resource(), deploy(decision, restApiId));
  }

  @Override
  public Result update(Decision decision, String restApiId) {
    return Result.updated(
        decision.resource(),
        deploy(decision, restApiId),
        decision.change(Change.CreateDeployment.class).reason());
  }

  private String deploy(Decision decision, String restApiId) {
    Change.CreateDeployment deploy = decision.change(Change.CreateDeployment.class);
    return apis.deploy(
        restApiId, deploy.stage(), Desired.deploymentDescription(deploy.definitionHash()));
  }

  @Override
  public Result delete(Decision decision, String restApiId) {
    NotFound.ignore(
        () -> apis.deleteStage(restApiId, decision.change(Change.DeleteStage.class).stage()));
    return Result.deleted(decision.resource());
  }
}
