package io.dynagate.reconcile;

import io.dynagate.declaration.TableSpec;
import java.util.Map;

/** One step a pass makes on AWS; the plan of a pass is a list of these, in order. */
public sealed interface Change {

  /** What the change does and why, for plans, events and logs. */
  String describe();

  /** Whether this change calls AWS to mutate something. */
  default boolean mutating() {
    return true;
  }

  record CreateTable(TableSpec spec, Map<String, String> tags) implements Change {
    public String describe() {
      return "create table " + spec.tableName() + " (it does not exist)";
    }
  }

  /**
   * Something the pass must not touch stands in the way (a table with another key schema, a role
   * Dynagate did not make): nothing is changed, the API's status says why.
   */
  record Blocked(String reason) implements Change {
    public String describe() {
      return "blocked: " + reason;
    }

    public boolean mutating() {
      return false;
    }
  }

  record CreateRole(RolePort.DesiredRole role) implements Change {
    public String describe() {
      return "create role " + role.name();
    }
  }

  record UpdateTrust(String role, String trustPolicy) implements Change {
    public String describe() {
      return "update the trust policy of role " + role + " (it differs)";
    }
  }

  record PutRolePolicy(String role, String policyName, String document, String reason)
      implements Change {
    public String describe() {
      return "put policy " + policyName + " on role " + role + " (" + reason + ")";
    }
  }

  record CreateRestApi(
      String name, String description, String endpointType, Map<String, String> tags)
      implements Change {
    public String describe() {
      return "create REST API " + name;
    }
  }

  record PutRestApi(String openApi, String reason) implements Change {
    public String describe() {
      return "put the API definition (" + reason + ")";
    }
  }

  record CreateDeployment(String stage, String definitionHash, String reason) implements Change {
    public String describe() {
      return "deploy to stage " + stage + " (" + reason + ")";
    }
  }

  record ThrottleStage(String stage, Desired.Throttling throttling) implements Change {
    public String describe() {
      return "set throttling of stage "
          + stage
          + " to "
          + throttling.rateLimit()
          + " requests/s, burst "
          + throttling.burstLimit();
    }
  }

  record DeleteStage(String stage) implements Change {
    public String describe() {
      return "delete stage " + stage + " (the API has no routes left)";
    }
  }

  record DeleteRestApi(String restApiId) implements Change {
    public String describe() {
      return "delete REST API " + restApiId;
    }
  }

  record DeleteTable(String table) implements Change {
    public String describe() {
      return "delete table " + table + " (its declaration is removed with DeletionPolicy DELETE)";
    }
  }

  record DeleteRole(String role) implements Change {
    public String describe() {
      return "delete role " + role + " and its policies";
    }
  }
}
