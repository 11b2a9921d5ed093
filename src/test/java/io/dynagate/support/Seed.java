package io.dynagate.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The seed's documents, verbatim. */
public final class Seed {
  private Seed() {}

  /** The users table JSON exactly as the seed procedure shows it. */
  public static String usersTable() {
    try (InputStream in = Seed.class.getResourceAsStream("/seed/users-table.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The seed's table under another name, so that tests do not collide. */
  public static String usersTableNamed(String name) {
    return usersTable().replace("\"users\"", "\"" + name + "\"");
  }
}
