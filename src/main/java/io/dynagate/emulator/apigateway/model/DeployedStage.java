package io.dynagate.emulator.apigateway.model;

/**
 * What a stage serves now: the API, the stage and the deployment it points at, whose {@link
 * Deployment#snapshot()} the data plane runs.
 */
public record DeployedStage(RestApi api, Stage stage, Deployment deployment) {

  public ApiDefinition definition() {
    return deployment.snapshot();
  }
}
