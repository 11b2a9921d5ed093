package io.dynagate.start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynagate.support.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data directory an older version left open to others is the owner's only from this start. */
class DataDirPermissionsTest {

  @TempDir Path parent;

  @Test
  void anOpenDataDirectoryIsTightenedTo0700AtStartAndItIsLogged() throws Exception {
    Path data = Files.createDirectory(parent.resolve("old-data"));
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(data.resolve("kept"), "the older version's state");
    Files.writeString(data.resolve(DataDirLock.FILE), "1");
    Files.setPosixFilePermissions(
        data.resolve(DataDirLock.FILE), PosixFilePermissions.fromString("rw-r--r--"));
    DataDirLock lock = new DataDirLock();
    try (LogCapture log = LogCapture.start()) {
      lock.acquire(data);
      assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
      assertTrue(log.text().contains(data.toAbsolutePath() + " was rwxr-xr-x"), log.text());
      assertEquals(
          "rw-------",
          PosixFilePermissions.toString(
              Files.getPosixFilePermissions(data.resolve(DataDirLock.FILE))));
    } finally {
      lock.release();
    }
    assertEquals("the older version's state", Files.readString(data.resolve("kept")));
  }

  @Test
  void aPrivateOrNewDataDirectoryIsLeftAsItIsAndNothingIsLogged() throws Exception {
    Path fresh = parent.resolve("new-data");
    DataDirLock lock = new DataDirLock();
    try (LogCapture log = LogCapture.start()) {
      lock.acquire(fresh);
      lock.release();
      lock.acquire(fresh);
      assertEquals(
          "rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
      assertEquals(
          "rw-------",
          PosixFilePermissions.toString(
              Files.getPosixFilePermissions(fresh.resolve(DataDirLock.FILE))));
      assertFalse(log.text().contains("now rwx------"), log.text());
    } finally {
      lock.release();
    }
  }
}
