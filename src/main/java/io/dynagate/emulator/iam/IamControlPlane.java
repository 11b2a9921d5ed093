package io.dynagate.emulator.iam;

import io.dynagate.emulator.core.AwsError;
import io.dynagate.emulator.core.ControlPlane;
import io.dynagate.emulator.core.EmulatorRequest;
import io.dynagate.emulator.core.EmulatorResponse;
import io.dynagate.emulator.core.QueryProtocol;
import io.dynagate.emulator.core.ServiceCall;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;

/** IAM, Query protocol with XML answers: roles, users, access keys, inline policies and tags. */
@ApplicationScoped
public class IamControlPlane implements ControlPlane {

  static final String NAMESPACE = "https://iam.amazonaws.com/doc/2010-05-08/";
  private static final Set<String> ROLE_OPERATIONS =
      Set.of(
          "CreateRole",
          "GetRole",
          "ListRoles",
          "DeleteRole",
          "UpdateAssumeRolePolicy",
          "TagRole",
          "UntagRole",
          "ListRoleTags");
  private static final Set<String> POLICY_OPERATIONS =
      Set.of("PutRolePolicy", "GetRolePolicy", "ListRolePolicies", "DeleteRolePolicy");

  private final RoleOperations roles;
  private final RolePolicyOperations policies;
  private final UserOperations users;

  public IamControlPlane(
      RoleOperations roles, RolePolicyOperations policies, UserOperations users) {
    this.roles = roles;
    this.policies = policies;
    this.users = users;
  }

  @Override
  public String service() {
    return "iam";
  }

  @Override
  public ServiceCall resolve(EmulatorRequest request) {
    Map<String, String> parameters = QueryProtocol.parameters(request);
    String action = parameters.get("Action");
    if (action == null
        || !(ROLE_OPERATIONS.contains(action)
            || POLICY_OPERATIONS.contains(action)
            || UserOperations.OPERATIONS.contains(action))) {
      throw new AwsError(400, "InvalidAction", "Could not find operation " + action);
    }
    return new ServiceCall(action, parameters, request);
  }

  @Override
  public EmulatorResponse execute(ServiceCall call) {
    String operation = call.operation();
    String result;
    if (UserOperations.OPERATIONS.contains(operation)) {
      result = users.execute(operation, call.parameters());
    } else if (ROLE_OPERATIONS.contains(operation)) {
      result = roles.execute(operation, call.parameters());
    } else {
      result = policies.execute(operation, call.parameters());
    }
    return QueryProtocol.answer(operation, NAMESPACE, result);
  }

  @Override
  public EmulatorResponse error(AwsError error) {
    return QueryProtocol.error(error, NAMESPACE);
  }

  static AwsError noSuchRole(String roleName) {
    return new AwsError(
        404, "NoSuchEntity", "The role with name " + roleName + " cannot be found.");
  }

  static String required(Map<String, String> parameters, String name) {
    String value = parameters.get(name);
    if (value == null || value.isEmpty()) {
      String member = Character.toLowerCase(name.charAt(0)) + name.substring(1);
      throw new AwsError(
          400,
          "ValidationError",
          "1 validation error detected: Value null at '"
              + member
              + "' failed to satisfy constraint: Member must not be null");
    }
    return value;
  }
}
