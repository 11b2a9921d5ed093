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

    Progress(String restApiId) {
      this.restApiId = restApiId;
    }
  }

  // Java 17 has no pattern switch; Change is sealed, so this chain covers every kind.
  private void applyOne(Change change, Progress progress) {
    if (change instanceof Change.Blocked blocked) {
      throw new BlockedException(blocked.reason());
    } else if (change instanceof Change.CreateTable create) {
      tables.create(create.spec(), create.tags());
      tables.awaitActive(create.spec().tableName(), TABLE_ACTIVE_BOUND);
    } else if (change instanceof Change.CreateRole create) {
      roles.create(create.role());
    } else if (change instanceof Change.UpdateTrust update) {
      roles.updateTrust(update.role(), update.trustPolicy());
    } else if (change instanceof Change.PutRolePolicy put) {
      roles.putInlinePolicy(put.role(), put.policyName(), put.document());
    } else if (change instanceof Change.CreateRestApi create) {
      progress.restApiId =
          apis.create(create.name(), create.description(), create.endpointType(), create.tags())
              .id();
    } else if (change instanceof Change.PutRestApi put) {
      String id = progress.restApiId;
      apis.put(id, put.openApi());
    } else if (change instanceof Change.CreateDeployment deploy) {
      String id = progress.restApiId;
      progress.deploymentId =
          apis.deploy(id, deploy.stage(), Desired.deploymentDescription(deploy.definitionHash()));
    } else if (change instanceof Change.ThrottleStage throttle) {
      String id = progress.restApiId;
      apis.throttle(id, throttle.stage(), throttle.throttling());
    } else if (change instanceof Change.DeleteStage delete) {
      String id = progress.restApiId;
      ignoreNotFound(() -> apis.deleteStage(id, delete.stage()));
    } else if (change instanceof Change.DeleteRestApi delete) {
      ignoreNotFound(() -> apis.delete(delete.restApiId()));
    } else if (change instanceof Change.DeleteRole delete) {
      ignoreNotFound(() -> roles.delete(delete.role()));
    }
  }

  private void ignoreNotFound(Runnable call) {
    try {
      call.run();
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
