package io.dynagate.reconcile;

import io.dynagate.declaration.TableSpec;
import io.dynagate.reconcile.RestApiPort.LiveRestApi;
import io.dynagate.reconcile.RestApiPort.LiveStage;
import io.dynagate.reconcile.RolePort.LiveRole;
import io.dynagate.reconcile.TablePort.LiveTable;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reads what is live for one API, each dependent its own resource: read calls only. */
@ApplicationScoped
public class Observer {

  private final TableDependent tables;
  private final RoleDependent roles;
  private final RolePolicyDependent policies;
  private final DefinitionDependent definitions;
  private final DeploymentDependent deployments;

  public Observer(
      TableDependent tables,
      RoleDependent roles,
      RolePolicyDependent policies,
      DefinitionDependent definitions,
      DeploymentDependent deployments) {
    this.tables = tables;
    this.roles = roles;
    this.policies = policies;
    this.definitions = definitions;
    this.deployments = deployments;
  }

  public Observed observe(Desired desired, String knownRestApiId) {
    if (desired.shape().methods().isEmpty()) {
      return observeWithoutRoutes(desired, knownRestApiId);
    }
    Map<String, Optional<LiveTable>> live = new LinkedHashMap<>();
    for (TableSpec table : desired.tables()) {
      live.put(table.tableName(), tables.observe(table.tableName()));
    }
    Optional<LiveRole> role = roles.observe(desired.role().name());
    Optional<String> policy = policies.observe(role, desired.policyName());
    Optional<LiveRestApi> restApi = definitions.observe(desired.api(), knownRestApiId);
    ApiShape shape = definitions.observeShape(restApi);
    Optional<LiveStage> stage =
        deployments.observe(restApi.map(LiveRestApi::id).orElse(null), desired.stage());
    return new Observed(live, role, policy, restApi, shape, stage);
  }

  /**
   * An API without routes is live nowhere, and its plan only removes a stage left from when it had
   * some (see {@link Plan#of}): its REST API and stage are all it reads, not its role, policy or
   * resources, which that plan leaves as they are.
   */
  private Observed observeWithoutRoutes(Desired desired, String knownRestApiId) {
    Optional<LiveRestApi> restApi = definitions.observe(desired.api(), knownRestApiId);
    Optional<LiveStage> stage =
        deployments.observe(restApi.map(LiveRestApi::id).orElse(null), desired.stage());
    return new Observed(
        Map.of(), Optional.empty(), Optional.empty(), restApi, new ApiShape(Map.of()), stage);
  }

  /** What a deletion must remove: the REST API and the role, found by id, tag or name. */
  public Observed observeForDeletion(String api, String roleName, String knownRestApiId) {
    return new Observed(
        Map.of(),
        roles.observe(roleName),
        Optional.empty(),
        definitions.observe(api, knownRestApiId),
        new ApiShape(Map.of()),
        Optional.empty());
  }
}
