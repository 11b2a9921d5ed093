package io.dynagate.emulator.iam;

import io.dynagate.emulator.core.EmulatorSettings;
import io.dynagate.emulator.core.StateFiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.UnaryOperator;

/**
 * The emulator's IAM roles, kept in memory and in {@code DATA_DIR/emulator/iam/} (one file per
 * role). Reads are lock-free; writes are serialised.
 */
@ApplicationScoped
public class IamStore {

  private final StateFiles<Role> files;
  private final Map<String, Role> roles = new ConcurrentSkipListMap<>();

  @Inject
  public IamStore(EmulatorSettings settings) {
    this(new StateFiles<>(settings.stateDir().resolve("iam"), Role.class));
  }

  IamStore(StateFiles<Role> files) {
    this.files = files;
    files.loadAll().forEach(role -> roles.put(role.roleName(), role));
  }

  /** A role by name. */
  public Optional<Role> role(String roleName) {
    return Optional.ofNullable(roles.get(roleName));
  }

  /** A role by ARN, as an integration's {@code credentials} names it. */
  public Optional<Role> roleByArn(String arn) {
    return roles.values().stream().filter(role -> role.arn().equals(arn)).findFirst();
  }

  /** Every role, by name. */
  public List<Role> roles() {
    return List.copyOf(roles.values());
  }

  synchronized boolean create(Role role) {
    if (roles.containsKey(role.roleName())) {
      return false;
    }
    save(role);
    return true;
  }

  /** Replaces a role by a function of it; empty when there is no such role. */
  synchronized Optional<Role> update(String roleName, UnaryOperator<Role> change) {
    Role current = roles.get(roleName);
    if (current == null) {
      return Optional.empty();
    }
    Role next = change.apply(current);
    save(next);
    return Optional.of(next);
  }

  synchronized void delete(String roleName) {
    files.delete(roleName);
    roles.remove(roleName);
  }

  private void save(Role role) {
    files.write(role.roleName(), role);
    roles.put(role.roleName(), role);
  }
}
