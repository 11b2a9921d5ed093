package io.dynagate.reconcile;

import io.dynagate.reconcile.RestApiPort.LiveRestApi;
import io.dynagate.reconcile.RestApiPort.LiveStage;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The REST API and its definition (PutRestApi overwrite): put again when the live methods differ
 * from the desired ones, or when the stage serves an older definition.
 */
@ApplicationScoped
public class DefinitionDependent implements Dependent {

  private final RestApiPort apis;

  public DefinitionDependent(RestApiPort apis) {
    this.apis = apis;
  }

  /**
   * The API's REST API: by the id the last pass recorded, else by ownership tag, which is how a
   * pass that crashed before writing its status is adopted instead of duplicated.
   */
  public Optional<LiveRestApi> observe(String api, String knownId) {
    if (knownId != null) {
      Optional<LiveRestApi> known = apis.get(knownId);
      if (known.isPresent() && api.equals(known.get().tags().get(Desired.API_TAG))) {
        return known;
      }
    }
    return apis.findTagged(Desired.API_TAG, api).stream()
        .min(Comparator.comparing(LiveRestApi::id));
  }

  public ApiShape observeShape(Optional<LiveRestApi> restApi) {
    return restApi.map(live -> apis.shape(live.id())).orElse(new ApiShape(Map.of()));
  }

  public static Decision decide(
      Desired desired, Optional<LiveRestApi> restApi, ApiShape shape, Optional<LiveStage> stage) {
    String resource = "REST API " + desired.api();
    if (restApi.isEmpty()) {
      return Decision.create(
          resource,
          new Change.CreateRestApi(
              desired.api(), desired.description(), desired.endpoint(), desired.tags()),
          new Change.PutRestApi(desired.openApi(), "new API"));
    }
    String id = restApi.get().id();
    List<String> drift = desired.shape().differencesFrom(shape);
    if (!drift.isEmpty()) {
      return Decision.update(
          resource, id, new Change.PutRestApi(desired.openApi(), String.join("; ", drift)));
    }
    if (stage.isPresent() && !deployed(desired, stage.get())) {
      return Decision.update(
          resource, id, new Change.PutRestApi(desired.openApi(), "the definition changed"));
    }
    return Decision.unchanged(resource, id);
  }

  /** Whether the stage serves the desired definition (its deployment carries the hash). */
  static boolean deployed(Desired desired, LiveStage stage) {
    String prefix = Desired.deploymentDescription("");
    String description = stage.deploymentDescription();
    return description != null
        && description.startsWith(prefix)
        && description.substring(prefix.length()).equals(desired.definitionHash());
  }

  /** A removed API's REST API goes. */
  public static Decision deletion(String api, Optional<LiveRestApi> restApi) {
    return restApi
        .map(
            live ->
                Decision.delete("REST API " + api, live.id(), new Change.DeleteRestApi(live.id())))
        .orElseGet(() -> Decision.unchanged("REST API " + api, null));
  }

  @Override
  public Result create(Decision decision, String restApiId) {
    Change.CreateRestApi create = decision.change(Change.CreateRestApi.class);
    String id =
        apis.create(create.name(), create.description(), create.endpoint(), create.tags()).id();
    apis.put(id, decision.change(Change.PutRestApi.class).openApi());
    return Result.created(decision.resource(), id);
  }

  @Override
  public Result update(Decision decision, String restApiId) {
    Change.PutRestApi put = decision.change(Change.PutRestApi.class);
    apis.put(decision.liveId(), put.openApi());
    return Result.updated(decision.resource(), decision.liveId(), put.reason());
  }

  @Override
  public Result delete(Decision decision, String restApiId) {
    NotFound.ignore(() -> apis.delete(decision.liveId()));
    return Result.deleted(decision.resource());
  }
}
