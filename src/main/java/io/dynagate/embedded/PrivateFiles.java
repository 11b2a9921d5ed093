package io.dynagate.embedded;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The data directory holds the admin token, the registry's engine files and the emulator's state:
 * its folders are created readable by their owner only ({@code 0700}). Files inside are written
 * through temporary files, which Java creates {@code 0600}; dynalite runs with umask {@code 077}.
 */
public final class PrivateFiles {

  /** {@code rwx------}. */
  public static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY =
      PosixFilePermissions.fromString("rwx------");

  private static final Logger LOG = Logger.getLogger(PrivateFiles.class);

  private PrivateFiles() {}

  /**
   * Narrows an existing folder to {@code 0700} when it is open to others, e.g. a data directory an
   * older version created {@code 0755}; logs what it changed. Only this folder: its parents are the
   * operator's.
   *
   * @return whether the mode was changed
   */
  public static boolean tighten(Path dir) throws IOException {
    Path absolute = dir.toAbsolutePath();
    if (!Files.isDirectory(absolute)
        || !Files.getFileStore(absolute).supportsFileAttributeView("posix")) {
      return false;
    }
    Set<PosixFilePermission> before = Files.getPosixFilePermissions(absolute);
    if (before.equals(OWNER_ONLY_DIRECTORY)) {
      return false;
    }
    Files.setPosixFilePermissions(absolute, OWNER_ONLY_DIRECTORY);
    LOG.warnf(
        "the data directory %s was %s (made by an older version or by hand); now rwx------, readable"
            + " by its owner only",
        absolute, PosixFilePermissions.toString(before));
    return true;
  }

  /** Creates the folder and its missing parents, each {@code 0700}; existing ones are kept. */
  public static Path createDirectories(Path dir) throws IOException {
    Path absolute = dir.toAbsolutePath();
    if (Files.isDirectory(absolute)) {
      return absolute;
    }
    Path parent = absolute.getParent();
    if (parent != null) {
      createDirectories(parent);
    }
    try {
      Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
      // The umask may have narrowed the mode further, never widened it; set it exactly.
      Files.setPosixFilePermissions(absolute, OWNER_ONLY_DIRECTORY);
    } catch (FileAlreadyExistsException e) {
      // created meanwhile by another thread or instance
    }
    return absolute;
  }
}
