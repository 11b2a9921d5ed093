package io.dynagate.emulator.iam;

import io.dynagate.emulator.core.EmulatorSettings;
import io.dynagate.emulator.core.StateFiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Customer managed policies, in memory and in {@code DATA_DIR/emulator/iam-policies/} (one file per
 * policy). Reads are lock-free. Writes, and a role's deletion, are serialised on this store so that
 * a role cannot be deleted while an attachment to it is being made.
 */
@ApplicationScoped
public class ManagedPolicyStore {

  private final StateFiles<ManagedPolicy> files;
  private final Map<String, ManagedPolicy> byArn = new ConcurrentSkipListMap<>();
  private final IamStore roles;

  @Inject
  public ManagedPolicyStore(EmulatorSettings settings, IamStore roles) {
    this(new StateFiles<>(settings.stateDir().resolve("iam-policies"), ManagedPolicy.class), roles);
  }

  ManagedPolicyStore(StateFiles<ManagedPolicy> files, IamStore roles) {
    this.files = files;
    this.roles = roles;
    files.loadAll().forEach(policy -> byArn.put(policy.arn(), policy));
  }

  /** A policy by ARN. */
  public Optional<ManagedPolicy> policy(String arn) {
    return Optional.ofNullable(arn == null ? null : byArn.get(arn));
  }

  /** Every policy, by ARN. */
  public List<ManagedPolicy> policies() {
    return List.copyOf(byArn.values());
  }

  /** The policies attached to a role, by ARN. */
  public List<ManagedPolicy> attachedTo(String roleName) {
    return byArn.values().stream().filter(p -> p.attachedRoles().contains(roleName)).toList();
  }

  /** Stores a new policy; false when the account has one by that name. */
  synchronized boolean create(ManagedPolicy policy) {
    if (byArn.values().stream().anyMatch(p -> p.policyName().equals(policy.policyName()))) {
      return false;
    }
    save(policy);
    return true;
  }

  /** Deletes a policy attached to nothing; false when it is attached. */
  synchronized boolean deleteIfDetached(ManagedPolicy policy) {
    ManagedPolicy current = byArn.get(policy.arn());
    if (current != null && !current.attachedRoles().isEmpty()) {
      return false;
    }
    files.delete(key(policy.arn()));
    byArn.remove(policy.arn());
    return true;
  }

  /** Attaches or detaches; false when the role is gone (attach) or the policy is. */
  synchronized boolean attach(String arn, String roleName, boolean attach) {
    ManagedPolicy current = byArn.get(arn);
    if (current == null || (attach && roles.role(roleName).isEmpty())) {
      return false;
    }
    TreeSet<String> next = new TreeSet<>(current.attachedRoles());
    if (attach) {
      next.add(roleName);
    } else {
      next.remove(roleName);
    }
    save(current.withAttachedRoles(next));
    return true;
  }

  /** Deletes a role with no managed policy attached; false when one is. */
  synchronized boolean deleteRoleIfDetached(String roleName) {
    if (!attachedTo(roleName).isEmpty()) {
      return false;
    }
    roles.delete(roleName);
    return true;
  }

  private void save(ManagedPolicy policy) {
    files.write(key(policy.arn()), policy);
    byArn.put(policy.arn(), policy);
  }

  // Names are unique in the account and safe as file names (IAM allows [\w+=,.@-]).
  private static String key(String arn) {
    return arn.substring(arn.lastIndexOf('/') + 1);
  }
}
