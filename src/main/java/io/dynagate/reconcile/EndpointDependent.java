package io.dynagate.reconcile;

import io.dynagate.reconcile.RestApiPort.LiveRestApi;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The REST API's endpoint: its type and the VPC endpoints a private API is associated with
 * (UpdateRestApi). A new REST API is created with them, so only a live one is ever updated; it is
 * observed with the REST API itself, at no extra call.
 */
@ApplicationScoped
public class EndpointDependent implements Dependent {

  private final RestApiPort apis;

  public EndpointDependent(RestApiPort apis) {
    this.apis = apis;
  }

  public static Decision decide(Desired desired, Optional<LiveRestApi> restApi) {
    String resource = "endpoint of REST API " + desired.api();
    if (restApi.isEmpty() || desired.endpoint().equals(restApi.get().endpoint())) {
      return Decision.unchanged(resource, restApi.map(LiveRestApi::id).orElse(null));
    }
    LiveRestApi live = restApi.get();
    return Decision.update(
        resource, live.id(), new Change.UpdateEndpoint(live.endpoint(), desired.endpoint()));
  }

  @Override
  public Result create(Decision decision, String restApiId) {
    throw new IllegalStateException("a new REST API is created with its endpoint");
  }

  @Override
  public Result update(Decision decision, String restApiId) {
    Change.UpdateEndpoint change = decision.change(Change.UpdateEndpoint.class);
    apis.updateEndpoint(decision.liveId(), change.from(), change.to());
    return Result.updated(decision.resource(), decision.liveId(), change.describe());
  }

  @Override
  public Result delete(Decision decision, String restApiId) {
    throw new IllegalStateException("the endpoint goes with its REST API");
  }
}
