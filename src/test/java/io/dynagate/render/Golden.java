package io.dynagate.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/golden}. Regenerate them with {@code ./mvnw test
 * -Dtest='io.dynagate.render.**' -Dgolden.update=true} and review the diff.
 */
final class Golden {

  private static final Path DIR = Path.of("src/test/resources/golden");

  private Golden() {}

  static void assertMatches(String name, String actual) {
    Path file = DIR.resolve(name);
    try {
      if (Boolean.getBoolean("golden.update")) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
        return;
      }
      String expected =
          Files.exists(file)
              ? Files.readString(file, StandardCharsets.UTF_8)
              : "<missing " + file + ">";
      assertEquals(expected, actual, "golden file " + file + " (update with -Dgolden.update=true)");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
