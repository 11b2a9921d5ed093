package io.dynagate.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynagate.support.Seed;
import io.dynagate.support.ServiceProcess;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The packaged service's embedded mode, as a user runs it: data kept, no orphan left. */
class EmbeddedLifecycleIT {

  @Test
  void dataSurvivesARestartAndNoDynaliteIsLeftBehind() throws Exception {
    Path data = Files.createTempDirectory(Path.of("target"), "it-data-");
    Path log = data.resolve("service.log");
    ProcessHandle dynalite;
    try (ServiceProcess service = ServiceProcess.start(data, log)) {
      assertEquals(
          201, service.send("PUT", "/api/v1/tables/users", Seed.usersTable()).statusCode());
      dynalite = service.dynalite().orElseThrow();
      assertTrue(dynalite.isAlive());
      service.stop();
    }
    assertFalse(awaitExit(dynalite), "dynalite outlived the service that started it");

    try (ServiceProcess again = ServiceProcess.start(data, log)) {
      HttpResponse<String> table = again.send("GET", "/api/v1/tables/users", null);
      assertEquals(200, table.statusCode());
      assertTrue(table.body().contains("\"TableName\":\"users\""), table.body());
      dynalite = again.dynalite().orElseThrow();
      again.kill();
    }
    assertFalse(awaitExit(dynalite), "dynalite outlived a killed service (SIGKILL)");
  }

  /** Whether the process is still alive after a grace period. */
  private static boolean awaitExit(ProcessHandle process) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (process.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    return process.isAlive();
  }
}
