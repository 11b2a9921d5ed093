package io.dynagate.emulator.iam;

import static io.dynagate.emulator.iam.IamControlPlane.noSuchRole;
import static io.dynagate.emulator.iam.IamControlPlane.required;

import io.dynagate.emulator.core.AwsError;
import io.dynagate.emulator.core.Xml;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A role's inline policies: put, get, list, delete. */
@ApplicationScoped
class RolePolicyOperations {

  static final int ROLE_POLICY_QUOTA = 10_240;

  private final IamStore store;

  RolePolicyOperations(IamStore store) {
    this.store = store;
  }

  String execute(String operation, Map<String, String> parameters) {
    return switch (operation) {
      case "PutRolePolicy" -> put(parameters);
      case "GetRolePolicy" -> get(parameters);
      case "ListRolePolicies" -> list(parameters);
      case "DeleteRolePolicy" -> delete(parameters);
      default -> throw new IllegalArgumentException(operation);
    };
  }

  private String put(Map<String, String> parameters) {
    String roleName = required(parameters, "RoleName");
    String policyName = required(parameters, "PolicyName");
    String document = PolicyDocuments.require(parameters.get("PolicyDocument"), "policyDocument");
    store
        .update(
            roleName,
            role -> {
              TreeMap<String, String> policies = new TreeMap<>(role.inlinePolicies());
              policies.put(policyName, document);
              checkAggregateSize(roleName, policies);
              return role.withInlinePolicies(policies);
            })
        .orElseThrow(() -> noSuchRole(roleName));
    return null;
  }

  /**
   * IAM's quota on the aggregate size of a role's inline policies: 10,240 characters, white space
   * not counted. Past it, PutRolePolicy fails with {@code LimitExceeded} and nothing changes.
   */
  private static void checkAggregateSize(String roleName, Map<String, String> policies) {
    long size =
        policies.values().stream()
            .mapToLong(text -> text.chars().filter(c -> !Character.isWhitespace(c)).count())
            .sum();
    if (size > ROLE_POLICY_QUOTA) {
      throw new AwsError(
          409,
          "LimitExceeded",
          "Maximum policy size of " + ROLE_POLICY_QUOTA + " bytes exceeded for role " + roleName);
    }
  }

  private String get(Map<String, String> parameters) {
    Role role = role(parameters);
    String policyName = required(parameters, "PolicyName");
    String document = role.inlinePolicies().get(policyName);
    if (document == null) {
      throw noSuchPolicy(policyName);
    }
    return new Xml()
        .text("RoleName", role.roleName())
        .text("PolicyName", policyName)
        .text("PolicyDocument", IamXml.encode(document))
        .toString();
  }

  private String list(Map<String, String> parameters) {
    Role role = role(parameters);
    List<String> names = List.copyOf(role.inlinePolicies().keySet());
    IamPage<String> page =
        IamPage.of(names, name -> name, parameters.get("Marker"), parameters.get("MaxItems"));
    return page.appendTruncation(IamXml.names(new Xml(), "PolicyNames", page.items())).toString();
  }

  private String delete(Map<String, String> parameters) {
    Role role = role(parameters);
    String policyName = required(parameters, "PolicyName");
    if (!role.inlinePolicies().containsKey(policyName)) {
      throw noSuchPolicy(policyName);
    }
    store.update(
        role.roleName(),
        current -> {
          TreeMap<String, String> policies = new TreeMap<>(current.inlinePolicies());
          policies.remove(policyName);
          return current.withInlinePolicies(policies);
        });
    return null;
  }

  private Role role(Map<String, String> parameters) {
    String roleName = required(parameters, "RoleName");
    return store.role(roleName).orElseThrow(() -> noSuchRole(roleName));
  }

  private static AwsError noSuchPolicy(String policyName) {
    return new AwsError(
        404, "NoSuchEntity", "The role policy with name " + policyName + " cannot be found.");
  }
}
