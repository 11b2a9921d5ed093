package io.dynagate.store;

import io.dynagate.config.DynagateConfig;
import io.dynagate.config.Target;
import io.dynagate.start.StartException;
import io.dynagate.start.StartupStep;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * The key that seals list cursors. Configured ({@code dynagate.registry.cursor-key}); else in
 * embedded mode generated once into {@code DATA_DIR/cursor-key} (mode 0600); else, in aws mode,
 * derived from the admin token, which every instance sharing the registry is configured with, so
 * that a cursor one instance gave out opens on another.
 */
@ApplicationScoped
public class CursorKey implements StartupStep {

  static final String FILE = "cursor-key";
  private static final Logger LOG = Logger.getLogger(CursorKey.class);
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private final DynagateConfig config;
  private final Target target;
  private volatile SecretKey key;

  public CursorKey(DynagateConfig config, Target target) {
    this.config = config;
    this.target = target;
  }

  @Override
  public int order() {
    return 6;
  }

  @Override
  public void run() {
    get();
  }

  SecretKey get() {
    SecretKey known = key;
    if (known == null) {
      synchronized (this) {
        if (key == null) {
          key = new SecretKeySpec(sha256(secret()), "AES");
        }
        known = key;
      }
    }
    return known;
  }

  private String secret() {
    var configured =
        config.registry().cursorKey().map(String::trim).filter(value -> !value.isEmpty());
    if (configured.isPresent()) {
      if (configured.get().length() < 32) {
        throw new StartException(
            "dynagate.registry.cursor-key must be at least 32 characters long");
      }
      return configured.get();
    }
    if (target.localDataDir().isPresent()) {
      Path home = target.localDataDir().get();
      try {
        return loadOrCreate(home.resolve(FILE).toAbsolutePath());
      } catch (IOException e) {
        throw new StartException(
            "cannot keep the cursor key under " + home + ": " + e.getMessage(), e);
      }
    }
    return "dynagate-cursor-key:"
        + config
            .auth()
            .adminToken()
            .orElseThrow(() -> new StartException("set dynagate.registry.cursor-key"));
  }

  // Written to a private temporary file and moved into place: never half-written, never readable
  // by others; another instance on the same directory that won the race keeps its key.
  private static String loadOrCreate(Path file) throws IOException {
    if (!Files.exists(file)) {
      Files.createDirectories(file.getParent());
      Path temporary =
          Files.createTempFile(
              file.getParent(), FILE, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      try {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        Files.writeString(temporary, Base64.getEncoder().encodeToString(random) + "\n");
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        LOG.infof("generated the cursor key into %s (readable by its owner only)", file);
      } catch (FileAlreadyExistsException e) {
        // kept the other instance's key
      } finally {
        Files.deleteIfExists(temporary);
      }
    }
    if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
      Files.setPosixFilePermissions(file, OWNER_ONLY);
    }
    String secret = Files.readString(file, StandardCharsets.UTF_8).trim();
    if (secret.length() < 32) {
      throw new IOException(file + " is too short: delete it to have a new cursor key generated");
    }
    return secret;
  }

  private static byte[] sha256(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
