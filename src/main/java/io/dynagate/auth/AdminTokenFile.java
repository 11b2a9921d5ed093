package io.dynagate.auth;

import io.dynagate.embedded.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The generated admin token of the embedded mode, kept in {@code DATA_DIR/admin-token} readable by
 * its owner only. Its path is logged, never its value.
 */
final class AdminTokenFile {

  static final String NAME = "admin-token";
  private static final Logger LOG = Logger.getLogger(AdminTokenFile.class);
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private AdminTokenFile() {}

  /** The token in the file under {@code dataDir}, generated and written on first use. */
  static String loadOrCreate(Path dataDir) throws IOException {
    Path file = dataDir.resolve(NAME).toAbsolutePath();
    if (!Files.exists(file)) {
      try {
        create(file);
        LOG.infof("generated the admin token into %s (readable by its owner only)", file);
      } catch (FileAlreadyExistsException e) {
        // another instance on the same data directory won the race: use its token
      }
    }
    String token = Files.readString(file, StandardCharsets.UTF_8).trim();
    if (token.isEmpty()) {
      throw new IOException(file + " is empty: delete it to have a new admin token generated");
    }
    if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
      Files.setPosixFilePermissions(file, OWNER_ONLY);
      LOG.warnf("%s was readable by others; it is now readable by its owner only", file);
    }
    LOG.infof("admin token: see %s", file);
    return token;
  }

  // Written to a private temporary file and moved into place, so that no reader ever sees a
  // half-written token and the file never exists with wider permissions.
  private static void create(Path file) throws IOException {
    PrivateFiles.createDirectories(file.getParent());
    Path temporary =
        Files.createTempFile(
            file.getParent(), NAME, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    try {
      Files.writeString(temporary, "dg_admin_" + Secrets.secret() + "\n", StandardCharsets.UTF_8);
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
