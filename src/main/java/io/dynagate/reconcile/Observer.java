package io.dynagate.reconcile;

import io.dynagate.declaration.TableSpec;
import io.dynagate.reconcile.RestApiPort.LiveRestApi;
import io.dynagate.reconcile.RolePort.LiveRole;
import io.dynagate.reconcile.TablePort.LiveTable;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reads what is live for one API: read calls only. */
@ApplicationScoped
public class Observer {

  private final TablePort tables;
  private final RolePort roles;
  private final RestApiPort apis;

  public Observer(TablePort tables, RolePort roles, RestApiPort apis) {
    this.tables = tables;
    this.roles = roles;
    this.apis = apis;
  }

  public Observed observe(Desired desired, String knownRestApiId) {
    Map<String, Optional<LiveTable>> live = new LinkedHashMap<>();
    for (TableSpec table : desired.tables()) {
      live.put(table.tableName(), tables.describe(table.tableName()));
    }
    Optional<LiveRole> role = roles.get(desired.role().name());
    Optional<String> policy =
        role.isEmpty()
            ? Optional.empty()
            : roles.inlinePolicy(desired.role().name(), desired.policyName());
    Optional<LiveRestApi> restApi = findRestApi(desired.api(), knownRestApiId);
    ApiShape shape = restApi.map(api -> apis.shape(api.id())).orElse(new ApiShape(Map.of()));
    Optional<RestApiPort.LiveStage> stage =
        restApi.flatMap(api -> apis.stage(api.id(), desired.stage()));
    return new Observed(live, role, policy, restApi, shape, stage);
  }

  /** What a deletion must remove: the REST API and the role, found by id, tag or name. */
  public Observed observeForDeletion(String api, String roleName, String knownRestApiId) {
    Optional<LiveRestApi> restApi = findRestApi(api, knownRestApiId);
    Optional<LiveRole> role = roles.get(roleName);
    return new Observed(
        Map.of(), role, Optional.empty(), restApi, new ApiShape(Map.of()), Optional.empty());
  }

  /**
   * The API's REST API: by the id the last pass recorded, else by ownership tag, which is how a
   * pass that crashed before writing its status is adopted instead of duplicated.
   */
  private Optional<LiveRestApi> findRestApi(String api, String knownId) {
    if (knownId != null) {
      Optional<LiveRestApi> known = apis.get(knownId);
      if (known.isPresent() && api.equals(known.get().tags().get(Desired.API_TAG))) {
        return known;
      }
    }
    return apis.findTagged(Desired.API_TAG, api).stream()
        .min(Comparator.comparing(LiveRestApi::id));
  }
}
