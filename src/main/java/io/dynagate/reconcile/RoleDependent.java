package io.dynagate.reconcile;

import io.dynagate.reconcile.RolePort.LiveRole;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The API's IAM role, trusted by API Gateway; a role of that name Dynagate did not make blocks. */
@ApplicationScoped
public class RoleDependent implements Dependent {

  private final RolePort roles;

  public RoleDependent(RolePort roles) {
    this.roles = roles;
  }

  public Optional<LiveRole> observe(String name) {
    return roles.get(name);
  }

  public static Decision decide(Desired desired, Optional<LiveRole> live) {
    RolePort.DesiredRole role = desired.role();
    String resource = "role " + role.name();
    if (live.isEmpty()) {
      return Decision.create(resource, new Change.CreateRole(role));
    }
    if (!ours(desired.api(), live.get())) {
      return Decision.blocked(
          resource, "role " + role.name() + " exists and was not made by Dynagate for this API");
    }
    if (!matches(role, live.get())) {
      return Decision.update(
          resource, live.get().arn(), new Change.UpdateTrust(role.name(), role.trustPolicy()));
    }
    return Decision.unchanged(resource, live.get().arn());
  }

  static boolean matches(RolePort.DesiredRole desired, LiveRole live) {
    return Json.same(desired.trustPolicy(), live.trustPolicy());
  }

  static boolean ours(String api, LiveRole live) {
    return api.equals(live.tags().get(Desired.API_TAG));
  }

  /** A removed API's role goes, only when it is this API's. */
  public static Decision deletion(String api, Optional<LiveRole> live) {
    return live.filter(role -> ours(api, role))
        .map(
            role ->
                Decision.delete(
                    "role " + role.name(), role.arn(), new Change.DeleteRole(role.name())))
        .orElseGet(() -> Decision.unchanged("role", null));
  }

  @Override
  public Result create(Decision decision, String restApiId) {
    LiveRole created = roles.create(decision.change(Change.CreateRole.class).role());
    return Result.created(decision.resource(), created.arn());
  }

  @Override
  public Result update(Decision decision, String restApiId) {
    Change.UpdateTrust update = decision.change(Change.UpdateTrust.class);
    roles.updateTrust(update.role(), update.trustPolicy());
    return Result.updated(decision.resource(), decision.liveId(), "trust policy differed");
  }

  @Override
  public Result delete(Decision decision, String restApiId) {
    NotFound.ignore(() -> roles.delete(decision.change(Change.DeleteRole.class).role()));
    return Result.deleted(decision.resource());
  }
}
