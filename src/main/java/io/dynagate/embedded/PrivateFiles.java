package io.dynagate.embedded;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The data directory holds the admin token, the registry's engine files and the emulator's state:
 * its folders are created readable by their owner only ({@code 0700}). Files inside are written
 * through temporary files, which Java creates {@code 0600}; dynalite runs with umask {@code 077}.
 */
public final class PrivateFiles {

  /** {@code rwx------}. */
  public static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY =
      PosixFilePermissions.fromString("rwx------");

  private PrivateFiles() {}

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
