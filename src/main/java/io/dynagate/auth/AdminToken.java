package io.dynagate.auth;

import io.dynagate.config.DynagateConfig;
import io.dynagate.embedded.EmbeddedStartException;
import io.dynagate.embedded.StartupStep;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;

/**
 * The admin token: configured ({@code dynagate.auth.admin-token}), or in embedded mode generated
 * into the data directory. Only its digest is kept in memory.
 */
@ApplicationScoped
public class AdminToken implements StartupStep {

  /** Short configured tokens are refused: they could be guessed. */
  static final int MIN_LENGTH = 20;

  private final DynagateConfig config;
  private volatile byte[] digest;

  public AdminToken(DynagateConfig config) {
    this.config = config;
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
        throw new EmbeddedStartException(
            "dynagate.auth.admin-token must be at least " + MIN_LENGTH + " characters long");
      }
      return configured.get();
    }
    if (config.mode() != DynagateConfig.Mode.EMBEDDED) {
      throw new EmbeddedStartException(
          "set DYNAGATE_ADMIN_TOKEN (dynagate.auth.admin-token): it is required in aws mode");
    }
    try {
      return AdminTokenFile.loadOrCreate(config.dataDir());
    } catch (IOException e) {
      throw new EmbeddedStartException(
          "cannot keep the admin token under " + config.dataDir() + ": " + e.getMessage(), e);
    }
  }
}
