package io.dynagate.emulator.iam;

import io.dynagate.config.DynagateConfig;
import io.dynagate.emulator.core.StateFiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.UnaryOperator;

/**
 * The emulator's IAM users, in memory and under {@code DATA_DIR/emulator/iam/users/}, with an index
 * from access key id to user so that the data plane finds a signer in one lookup. Reads are
 * lock-free; writes are serialised.
 */
@ApplicationScoped
public class UserStore {

  /** A user and the access key that signed. */
  public record Signer(User user, User.AccessKey key) {}

  private final StateFiles<User> files;
  private final Map<String, User> users = new ConcurrentSkipListMap<>();
  private final Map<String, String> userByKey = new ConcurrentHashMap<>();

  @Inject
  public UserStore(DynagateConfig config) {
    this(
        new StateFiles<>(
            config.dataDir().resolve("emulator").resolve("iam").resolve("users"), User.class));
  }

  UserStore(StateFiles<User> files) {
    this.files = files;
    files.loadAll().forEach(this::index);
  }

  public Optional<User> user(String userName) {
    return Optional.ofNullable(users.get(userName));
  }

  public List<User> users() {
    return List.copyOf(users.values());
  }

  /** The user an access key belongs to, with the key, whatever its status. */
  public Optional<Signer> signer(String accessKeyId) {
    String userName = userByKey.get(accessKeyId);
    User user = userName == null ? null : users.get(userName);
    if (user == null) {
      return Optional.empty();
    }
    return user.accessKeys().stream()
        .filter(k -> k.accessKeyId().equals(accessKeyId))
        .findFirst()
        .map(key -> new Signer(user, key));
  }

  synchronized boolean create(User user) {
    if (users.containsKey(user.userName())) {
      return false;
    }
    save(user);
    return true;
  }

  synchronized Optional<User> update(String userName, UnaryOperator<User> change) {
    User current = users.get(userName);
    if (current == null) {
      return Optional.empty();
    }
    User next = change.apply(current);
    current.accessKeys().forEach(k -> userByKey.remove(k.accessKeyId()));
    save(next);
    return Optional.of(next);
  }

  synchronized void delete(String userName) {
    User gone = users.remove(userName);
    if (gone != null) {
      gone.accessKeys().forEach(k -> userByKey.remove(k.accessKeyId()));
    }
    files.delete(userName);
  }

  private void save(User user) {
    files.write(user.userName(), user);
    index(user);
  }

  private void index(User user) {
    users.put(user.userName(), user);
    user.accessKeys().forEach(k -> userByKey.put(k.accessKeyId(), user.userName()));
  }
}
