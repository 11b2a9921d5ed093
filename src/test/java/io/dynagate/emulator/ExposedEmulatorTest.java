package io.dynagate.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dynagate.embedded.EmbeddedEngine;
import io.dynagate.support.FreshDataDir;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An operator may expose the emulator; its own endpoints still answer this machine only. */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
@TestProfile(ExposedEmulatorTest.Exposed.class)
class ExposedEmulatorTest {

  public static class Exposed implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("dynagate.emulator.host", "0.0.0.0");
    }
  }

  @Inject EmbeddedEngine engine;

  @Test
  void theEmulatorsOwnEndpointsAnswerLoopbackCallersOnly() throws IOException {
    String external = LocalEmulatorTest.externalAddress();
    assumeTrue(external != null, "this machine has no address but loopback");
    URI outside = URI.create("http://" + external + ":" + engine.emulatorPort());
    for (String method : new String[] {"GET", "DELETE"}) {
      var refused = EmulatorHttp.send(outside, method, "/_emulator/calls", null);
      assertEquals(403, refused.statusCode(), method + " " + refused.body());
    }
    var config = EmulatorHttp.send(outside, "PUT", "/_emulator/config", "{\"errorRate\":1}");
    assertEquals(403, config.statusCode());
    assertEquals(
        200,
        EmulatorHttp.send(engine.emulatorEndpoint(), "GET", "/_emulator/config", null)
            .statusCode());
    // The fault setting sent from outside was not applied.
    assertEquals(
        0.0,
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(
                EmulatorHttp.send(engine.emulatorEndpoint(), "GET", "/_emulator/config", null)
                    .body())
            .path("errorRate")
            .asDouble(-1));
  }
}
