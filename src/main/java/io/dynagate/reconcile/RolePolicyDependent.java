package io.dynagate.reconcile;

import io.dynagate.reconcile.RolePort.LiveRole;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The role's inline permission policy: exactly the actions and tables the routes use. */
@ApplicationScoped
public class RolePolicyDependent implements Dependent {

  private final RolePort roles;

  public RolePolicyDependent(RolePort roles) {
    this.roles = roles;
  }

  /** The live document, or empty when the role or its policy does not exist. */
  public Optional<String> observe(Optional<LiveRole> role, String policyName) {
    return role.isEmpty() ? Optional.empty() : roles.inlinePolicy(role.get().name(), policyName);
  }

  public static Decision decide(Desired desired, Optional<LiveRole> role, Optional<String> live) {
    String name = desired.role().name();
    String resource = "policy " + desired.policyName() + " of role " + name;
    if (role.isPresent() && !RoleDependent.ours(desired.api(), role.get())) {
      // The role's own decision blocks the pass; this one has nothing to add.
      return Decision.unchanged(resource, null);
    }
    if (role.isEmpty() || live.isEmpty()) {
      return Decision.create(resource, put(desired, role.isEmpty() ? "new role" : "missing"));
    }
    if (!matches(desired.permissionPolicy(), live.get())) {
      return Decision.update(resource, null, put(desired, "it differs"));
    }
    return Decision.unchanged(resource, null);
  }

  static boolean matches(String desired, String live) {
    return Json.same(desired, live);
  }

  private static Change.PutRolePolicy put(Desired desired, String reason) {
    return new Change.PutRolePolicy(
        desired.role().name(), desired.policyName(), desired.permissionPolicy(), reason);
  }

  @Override
  public Result create(Decision decision, String restApiId) {
    put(decision);
    return Result.created(decision.resource(), null);
  }

  @Override
  public Result update(Decision decision, String restApiId) {
    Change.PutRolePolicy put = put(decision);
    return Result.updated(decision.resource(), null, put.reason());
  }

  private Change.PutRolePolicy put(Decision decision) {
    Change.PutRolePolicy put = decision.change(Change.PutRolePolicy.class);
    roles.putInlinePolicy(put.role(), put.policyName(), put.document());
    return put;
  }

  @Override
  public Result delete(Decision decision, String restApiId) {
    throw new IllegalStateException("a role's policies go with the role");
  }
}
