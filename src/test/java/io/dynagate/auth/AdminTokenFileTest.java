package io.dynagate.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynagate.support.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminTokenFileTest {

  @TempDir Path dataDir;

  @Test
  void theFirstStartWritesAnOwnerOnlyFileAndLogsItsPathNotItsValue() throws Exception {
    String token;
    try (LogCapture log = LogCapture.start()) {
      token = AdminTokenFile.loadOrCreate(dataDir.resolve("data"));
      Path file = dataDir.resolve("data").resolve("admin-token");
      assertEquals(token, Files.readString(file).trim());
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
      assertTrue(log.text().contains(file.toString()), log.text());
      assertFalse(log.text().contains(token), "the admin token was logged");
    }
    assertTrue(token.length() >= AdminToken.MIN_LENGTH);
    assertEquals(token, AdminTokenFile.loadOrCreate(dataDir.resolve("data")));
  }

  @Test
  void aFileOthersCanReadIsMadeOwnerOnly() throws Exception {
    Path file = dataDir.resolve("admin-token");
    Files.writeString(file, "dg_admin_" + "x".repeat(40) + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    assertEquals("dg_admin_" + "x".repeat(40), AdminTokenFile.loadOrCreate(dataDir));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
  }

  @Test
  void noTemporaryFileIsLeftBehind() throws Exception {
    AdminTokenFile.loadOrCreate(dataDir);
    try (var files = Files.list(dataDir)) {
      assertEquals(java.util.List.of(dataDir.resolve("admin-token")), files.toList());
    }
  }
}
