package io.dynagate.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Set;

/** Picks a free local port for a configured port of 0. */
public final class FreePort {
  private FreePort() {}

  public static int orFree(int configured) {
    return orFree(configured, Set.of());
  }

  /**
   * A free port other than {@code taken}: ports chosen but not bound yet (the emulator's, the HTTP
   * server's) look free to the operating system too.
   */
  public static int orFree(int configured, Set<Integer> taken) {
    if (configured != 0) {
      return configured;
    }
    int port = any();
    while (taken.contains(port)) {
      port = any();
    }
    return port;
  }

  private static int any() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
