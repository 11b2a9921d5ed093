package io.dynagate.reconcile;

import io.dynagate.declaration.TableSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every dependent's decision for one API, from desired and observed state; pure. The plan endpoint
 * shows it, a pass applies it, in this order: tables and the role exist before the definition names
 * them, the endpoint is changed before a deployment (a private API deploys only with its policy,
 * which the definition carries), the deployment snapshots the new definition, and stage settings
 * need the stage the first deployment makes.
 */
public record Plan(
    List<Decision> tables,
    Decision role,
    Decision policy,
    Decision definition,
    Decision endpoint,
    Decision deployment,
    Decision stageSettings) {

  public Plan {
    tables = List.copyOf(tables);
  }

  public static Plan of(Desired desired, Observed observed) {
    String restApiId = observed.restApi().map(RestApiPort.LiveRestApi::id).orElse(null);
    if (desired.shape().methods().isEmpty()) {
      // API Gateway refuses to deploy an API without methods, and IAM a policy without
      // statements: an API is live only while it has a route.
      return new Plan(
          List.of(),
          Decision.unchanged("role " + desired.role().name(), null),
          Decision.unchanged("policy " + desired.policyName(), null),
          Decision.unchanged("REST API " + desired.api(), restApiId),
          Decision.unchanged("endpoint of REST API " + desired.api(), restApiId),
          DeploymentDependent.withoutRoutes(desired, observed.stage()),
          Decision.unchanged("settings of stage " + desired.stage(), null));
    }
    List<Decision> tables = new ArrayList<>();
    for (TableSpec table : desired.tables()) {
      tables.add(
          TableDependent.decide(
              table,
              desired.tags(),
              observed.tables().getOrDefault(table.tableName(), Optional.empty()),
              null));
    }
    Decision definition =
        DefinitionDependent.decide(desired, observed.restApi(), observed.shape(), observed.stage());
    return new Plan(
        tables,
        RoleDependent.decide(desired, observed.role()),
        RolePolicyDependent.decide(desired, observed.role(), observed.policy()),
        definition,
        EndpointDependent.decide(desired, observed.restApi()),
        DeploymentDependent.decide(desired, definition, observed.stage()),
        StageSettingsDependent.decide(desired, observed.stage()));
  }

  public List<Decision> decisions() {
    return Stream.concat(
            tables.stream(),
            Stream.of(role, policy, definition, endpoint, deployment, stageSettings))
        .toList();
  }

  public List<Change> changes() {
    return decisions().stream().flatMap(d -> d.changes().stream()).toList();
  }

  /** Why the plan must not be applied at all, if a dependent refused. */
  public Optional<String> blocked() {
    return decisions().stream()
        .filter(Decision::blocked)
        .map(d -> d.change(Change.Blocked.class).reason())
        .reduce((a, b) -> a + "; " + b);
  }

  /** A removed API: its REST API, then its role. */
  public record Removal(Decision definition, Decision role) {

    public static Removal of(String api, Observed observed) {
      return new Removal(
          DefinitionDependent.deletion(api, observed.restApi()),
          RoleDependent.deletion(api, observed.role()));
    }

    public List<Change> changes() {
      return Stream.of(definition, role).flatMap(d -> d.changes().stream()).toList();
    }
  }
}
