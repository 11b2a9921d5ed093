package io.dynagate.reconcile;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** Applies the changes of a plan in order, through the ports, with retries. */
@ApplicationScoped
public class Applier {

  private static final Duration TABLE_ACTIVE_BOUND = Duration.ofMinutes(5);

  private final TablePort tables;
  private final RolePort roles;
  private final RestApiPort apis;
  private final RetryPolicy retry = RetryPolicy.standard();

  public Applier(TablePort tables, RolePort roles, RestApiPort apis) {
    this.tables = tables;
    this.roles = roles;
    this.apis = apis;
  }

  /** What applying left live: the ids status reports. */
  public record Applied(String restApiId, String deploymentId) {}

  /**
   * @param restApiId the live REST API's id, or null when a change of the plan creates it
   * @param onApplied told each change once it is done (for events)
   */
  public Applied apply(List<Change> changes, String restApiId, Consumer<Change> onApplied) {
    Progress progress = new Progress(restApiId);
    for (Change change : changes) {
      applyOne(change, progress);
      onApplied.accept(change);
    }
    return new Applied(progress.restApiId, progress.deploymentId);
  }

  /** What earlier changes of the pass produced that later ones need. */
  private static final class Progress {
    private String restApiId;
    private String deploymentId;
    private boolean roleCreated;

    Progress(String restApiId) {
      this.restApiId = restApiId;
    }
  }

  // Java 17 has no pattern switch; Change is sealed, so this chain covers every kind.
  private void applyOne(Change change, Progress progress) {
    if (change instanceof Change.Blocked blocked) {
      throw new BlockedException(blocked.reason());
    } else if (change instanceof Change.CreateTable create) {
      run(() -> tables.create(create.spec(), create.tags()));
      tables.awaitActive(create.spec().tableName(), TABLE_ACTIVE_BOUND);
    } else if (change instanceof Change.CreateRole create) {
      retry.run(() -> roles.create(create.role()));
      progress.roleCreated = true;
    } else if (change instanceof Change.UpdateTrust update) {
      run(() -> roles.updateTrust(update.role(), update.trustPolicy()));
    } else if (change instanceof Change.PutRolePolicy put) {
      run(() -> roles.putInlinePolicy(put.role(), put.policyName(), put.document()));
    } else if (change instanceof Change.CreateRestApi create) {
      progress.restApiId =
          retry
              .run(
                  () ->
                      apis.create(
                          create.name(),
                          create.description(),
                          create.endpointType(),
                          create.tags()))
              .id();
    } else if (change instanceof Change.PutRestApi put) {
      String id = progress.restApiId;
      whileRolePropagates(
          progress.roleCreated,
          () -> {
            apis.put(id, put.openApi());
            return null;
          });
    } else if (change instanceof Change.CreateDeployment deploy) {
      String id = progress.restApiId;
      progress.deploymentId =
          whileRolePropagates(
              progress.roleCreated,
              () ->
                  apis.deploy(
                      id, deploy.stage(), Desired.deploymentDescription(deploy.definitionHash())));
    } else if (change instanceof Change.ThrottleStage throttle) {
      String id = progress.restApiId;
      run(() -> apis.throttle(id, throttle.stage(), throttle.throttling()));
    } else if (change instanceof Change.DeleteStage delete) {
      String id = progress.restApiId;
      ignoreNotFound(() -> apis.deleteStage(id, delete.stage()));
    } else if (change instanceof Change.DeleteRestApi delete) {
      ignoreNotFound(() -> apis.delete(delete.restApiId()));
    } else if (change instanceof Change.DeleteRole delete) {
      ignoreNotFound(() -> roles.delete(delete.role()));
    }
  }

  private void run(Runnable call) {
    retry.run(
        () -> {
          call.run();
          return null;
        });
  }

  /**
   * IAM is eventually consistent: for seconds after CreateRole, API Gateway may reject a definition
   * naming the role as invalid. Such a rejection is retried for a while, not reported.
   */
  private <T> T whileRolePropagates(boolean roleCreated, java.util.function.Supplier<T> call) {
    for (int attempt = 0; ; attempt++) {
      try {
        return retry.run(call);
      } catch (AwsFailure failure) {
        boolean propagation =
            roleCreated
                && failure.kind() == AwsFailure.Kind.INVALID
                && failure.getMessage().toLowerCase().contains("role");
        if (!propagation || attempt >= 8) {
          throw failure;
        }
        RetryPolicy.sleep(retry.delay(attempt + 2));
      }
    }
  }

  private void ignoreNotFound(Runnable call) {
    try {
      retry.run(
          () -> {
            call.run();
            return null;
          });
    } catch (AwsFailure failure) {
      if (failure.kind() != AwsFailure.Kind.NOT_FOUND) {
        throw failure;
      }
    }
  }

  /** The plan holds a {@link Change.Blocked}: nothing may be applied. */
  public static class BlockedException extends RuntimeException {
    public BlockedException(String reason) {
      super(reason);
    }
  }
}
