package io.dynagate.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dynagate.declaration.TableSpec;
import io.dynagate.declaration.TableSpec.KeySchemaElement;
import io.dynagate.reconcile.TablePort.LiveTable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * Desired and observed state in, the ordered changes of a pass out. Pure: no AWS calls. The order
 * matters: tables and the role exist before the definition names them, and the deployment comes
 * last so that it snapshots the new definition.
 */
public final class Planner {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Planner() {}

  public static List<Change> plan(Desired desired, Observed observed) {
    List<Change> changes = new ArrayList<>();
    planTables(desired, observed, changes);
    planRole(desired, observed, changes);
    planApi(desired, observed, changes);
    // After the deployment: a new stage exists only once deployed.
    planThrottling(desired, observed, changes);
    return changes;
  }

  /** An API without routes serves nothing: a stage left from earlier routes is removed. */
  public static List<Change> planWithoutRoutes(Desired desired, Observed observed) {
    return observed.stage().isPresent()
        ? List.of(new Change.DeleteStage(desired.stage()))
        : List.of();
  }

  public static List<Change> planDeletion(Observed observed, String api) {
    List<Change> changes = new ArrayList<>();
    observed.restApi().ifPresent(live -> changes.add(new Change.DeleteRestApi(live.id())));
    observed
        .role()
        .filter(role -> api.equals(role.tags().get(Desired.API_TAG)))
        .ifPresent(role -> changes.add(new Change.DeleteRole(role.name())));
    return changes;
  }

  private static void planTables(Desired desired, Observed observed, List<Change> changes) {
    for (TableSpec table : desired.tables()) {
      Optional<LiveTable> live =
          observed.tables().getOrDefault(table.tableName(), Optional.empty());
      if (live.isEmpty()) {
        changes.add(new Change.CreateTable(table, desired.tags()));
      } else {
        keyMismatch(table, live.get())
            .ifPresent(
                reason ->
                    changes.add(
                        new Change.Blocked(
                            "table "
                                + table.tableName()
                                + " exists with another key schema ("
                                + reason
                                + "); it is never altered or dropped")));
      }
    }
  }

  /** Why the live table's key schema is not the declared one, if it is not. */
  static Optional<String> keyMismatch(TableSpec declared, LiveTable live) {
    if (!new HashSet<>(declared.keySchema()).equals(new HashSet<>(live.keySchema()))) {
      return Optional.of(
          "declared " + keys(declared.keySchema()) + ", live " + keys(live.keySchema()));
    }
    for (TableSpec.AttributeDefinition attribute : live.keyAttributes()) {
      if (declared.keySchema().stream()
              .anyMatch(k -> k.attributeName().equals(attribute.attributeName()))
          && declared
              .typeOf(attribute.attributeName())
              .filter(t -> t == attribute.attributeType())
              .isEmpty()) {
        return Optional.of(
            attribute.attributeName() + " is " + attribute.attributeType() + " live");
      }
    }
    return Optional.empty();
  }

  private static String keys(List<KeySchemaElement> keys) {
    return keys.stream().map(k -> k.attributeName() + " " + k.keyType()).toList().toString();
  }

  private static void planRole(Desired desired, Observed observed, List<Change> changes) {
    RolePort.DesiredRole role = desired.role();
    if (observed.role().isEmpty()) {
      changes.add(new Change.CreateRole(role));
      changes.add(
          new Change.PutRolePolicy(
              role.name(), desired.policyName(), desired.permissionPolicy(), "new role"));
      return;
    }
    RolePort.LiveRole live = observed.role().get();
    if (!desired.api().equals(live.tags().get(Desired.API_TAG))) {
      changes.add(
          new Change.Blocked(
              "role " + role.name() + " exists and was not made by Dynagate for this API"));
      return;
    }
    if (!sameJson(role.trustPolicy(), live.trustPolicy())) {
      changes.add(new Change.UpdateTrust(role.name(), role.trustPolicy()));
    }
    if (observed.policy().isEmpty()) {
      changes.add(
          new Change.PutRolePolicy(
              role.name(), desired.policyName(), desired.permissionPolicy(), "missing"));
    } else if (!sameJson(desired.permissionPolicy(), observed.policy().get())) {
      changes.add(
          new Change.PutRolePolicy(
              role.name(), desired.policyName(), desired.permissionPolicy(), "it differs"));
    }
  }

  private static void planApi(Desired desired, Observed observed, List<Change> changes) {
    if (observed.restApi().isEmpty()) {
      changes.add(
          new Change.CreateRestApi(
              desired.api(), desired.description(), desired.endpointType(), desired.tags()));
      changes.add(new Change.PutRestApi(desired.openApi(), "new API"));
      changes.add(
          new Change.CreateDeployment(
              desired.stage(), desired.definitionHash(), "first deployment"));
      return;
    }
    List<String> drift = desired.shape().differencesFrom(observed.shape());
    Optional<String> deployedHash =
        observed
            .stage()
            .map(RestApiPort.LiveStage::deploymentDescription)
            .filter(d -> d != null && d.startsWith(Desired.deploymentDescription("")))
            .map(d -> d.substring(Desired.deploymentDescription("").length()));
    boolean stale =
        observed.stage().isPresent()
            && deployedHash.filter(desired.definitionHash()::equals).isEmpty();
    if (!drift.isEmpty()) {
      changes.add(new Change.PutRestApi(desired.openApi(), String.join("; ", drift)));
    } else if (stale) {
      changes.add(new Change.PutRestApi(desired.openApi(), "the definition changed"));
    }
    if (observed.stage().isEmpty()) {
      changes.add(
          new Change.CreateDeployment(
              desired.stage(),
              desired.definitionHash(),
              "stage " + desired.stage() + " is missing"));
    } else if (!drift.isEmpty() || stale) {
      changes.add(
          new Change.CreateDeployment(
              desired.stage(),
              desired.definitionHash(),
              "the deployed definition is not the desired one"));
    }
  }

  private static void planThrottling(Desired desired, Observed observed, List<Change> changes) {
    Desired.Throttling wanted = desired.throttling();
    if (wanted == null) {
      return;
    }
    Desired.Throttling live = observed.stage().map(RestApiPort.LiveStage::throttling).orElse(null);
    if (!wanted.equals(live)) {
      changes.add(new Change.ThrottleStage(desired.stage(), wanted));
    }
  }

  static boolean sameJson(String a, String b) {
    try {
      JsonNode left = JSON.readTree(a);
      JsonNode right = JSON.readTree(b);
      return left.equals(right);
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
