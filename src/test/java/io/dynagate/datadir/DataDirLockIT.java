package io.dynagate.datadir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynagate.support.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** One packaged service per data directory, as a user would meet it. */
class DataDirLockIT {

  @Test
  void aSecondInstanceOnTheSameDataDirectoryStopsNamingTheHolder() throws Exception {
    Path data = Files.createTempDirectory(Path.of("target"), "it-lock-");
    Path firstLog = data.resolve("first.log");
    Path secondLog = Files.createTempFile(Path.of("target"), "it-lock-second-", ".log");
    try (ServiceProcess first = ServiceProcess.start(data, firstLog)) {
      long holder = Long.parseLong(Files.readString(data.resolve(".lock")).trim());

      IllegalStateException refused =
          assertThrows(IllegalStateException.class, () -> ServiceProcess.start(data, secondLog));

      assertEquals("the service exited with 1", refused.getMessage());
      String said = Files.readString(secondLog);
      assertTrue(said.contains("is in use by another Dynagate (pid " + holder + ")"), said);
      assertTrue(said.contains(data.toAbsolutePath().normalize().toString()), said);
      assertFalse(said.contains(" started in "), "a refused instance logged that it started");
      assertFalse(said.contains("registry table"), "a refused instance went on to the registry");
      assertEquals(200, first.send("GET", "/api/v1/tables", null).statusCode());
    }
    // The lock goes with its holder, even one killed without a shutdown hook.
    try (ServiceProcess again = ServiceProcess.start(data, firstLog)) {
      assertEquals(200, again.send("GET", "/api/v1/tables", null).statusCode());
    }
  }
}
