package io.dynagate.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Every test run of the application gets a data directory of its own (dynalite and emulator state).
 */
public class FreshDataDir implements QuarkusTestResourceLifecycleManager {

  @Override
  public Map<String, String> start() {
    try {
      Path dir = Files.createTempDirectory(Path.of("target"), "test-data-");
      return Map.of("dynagate.data-dir", dir.toAbsolutePath().toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void stop() {}
}
