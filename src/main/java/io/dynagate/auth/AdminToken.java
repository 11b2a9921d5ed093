package io.dynagate.auth;

import io.dynagate.config.DynagateConfig;
import io.dynagate.config.Target;
import io.dynagate.start.StartException;
import io.dynagate.start.StartupStep;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The admin token: configured ({@code dynagate.auth.admin-token}), or in embedded mode generated
 * into the data directory. Only its digest is kept in memory.
 */
@ApplicationScoped
public class AdminToken implements StartupStep {

  /** Short configured tokens are refused: they could be guessed. */
  static final int MIN_LENGTH = 20;

  private final DynagateConfig config;
  private final Target target;
  private volatile byte[] digest;

  public AdminToken(DynagateConfig config, Target target) {
    this.config = config;
    this.target = target;
  }

  @Override
  public int order() {
    return 5;
  }

  @Override
  public void run() {
    digest();
  }

  /** Is this bearer value the admin token? Constant time whatever the lengths. */
  public boolean matches(String bearer) {
    return Secrets.sameDigest(digest(), Secrets.sha256(bearer));
  }

  private byte[] digest() {
    byte[] known = digest;
    if (known == null) {
      synchronized (this) {
        if (digest == null) {
          digest = Secrets.sha256(resolve());
        }
        known = digest;
      }
    }
    return known;
  }

  private String resolve() {
    var configured = config.auth().adminToken().map(String::trim).filter(t -> !t.isEmpty());
    if (configured.isPresent()) {
      if (configured.get().length() < MIN_LENGTH) {
        throw new StartException(
            "dynagate.auth.admin-token must be at least " + MIN_LENGTH + " characters long");
      }
      return configured.get();
    }
    if (target.localDataDir().isEmpty()) {
      throw new StartException(
          "set DYNAGATE_ADMIN_TOKEN (dynagate.auth.admin-token): it is required in aws mode");
    }
    Path home = target.localDataDir().get();
    try {
      return AdminTokenFile.loadOrCreate(home);
    } catch (IOException e) {
      throw new StartException(
          "cannot keep the admin token under " + home + ": " + e.getMessage(), e);
    }
  }
}
