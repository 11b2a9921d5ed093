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
      String name, String description, RestApiPort.Endpoint endpoint, Map<String, String> tags)
      implements Change {
    public String describe() {
      return "create REST API " + name;
    }
  }

  record UpdateEndpoint(RestApiPort.Endpoint from, RestApiPort.Endpoint to) implements Change {
    public String describe() {
      return "change the endpoint from " + from + " to " + to;
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

  record CreateUsagePlan(
      String team, String name, String stage, ConsumerPort.Limits limits, Map<String, String> tags)
      implements Change {
    public String describe() {
      return "create usage plan " + name + " for consumer " + team + " on stage " + stage;
    }
  }

  record UpdateUsagePlan(String team, ConsumerPort.LivePlan live, ConsumerPort.Limits limits)
      implements Change {
    public String describe() {
      return "update the limits of consumer " + team + "'s usage plan (they differ)";
    }
  }

  /** Links the consumer's key to its plan; {@code planId} null for the plan the same step made. */
  record LinkKey(String team, String planId, String keyId) implements Change {
    public String describe() {
      return "link consumer " + team + "'s API key " + keyId + " to its usage plan";
    }
  }

  record DeleteUsagePlan(String team, String planId, String reason) implements Change {
    public String describe() {
      return "delete usage plan " + planId + " of consumer " + team + " (" + reason + ")";
    }
  }

  record DeleteApiKey(String team, String keyId, String reason) implements Change {
    public String describe() {
      return "delete API key " + keyId + " of consumer " + team + " (" + reason + ")";
    }
  }

  /** A route's own throttling, a stage method setting beside the stage's. */
  record ThrottleMethod(String stage, String method, Desired.Throttling throttling)
      implements Change {
    public String describe() {
      return "set throttling of "
          + method.replace("~1", "/")
          + " on stage "
          + stage
          + " to "
          + throttling.rateLimit()
          + " requests/s, burst "
          + throttling.burstLimit();
    }
  }
}
