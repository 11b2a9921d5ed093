package io.dynagate.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Picks a free local port for a configured port of 0. */
public final class FreePort {
  private FreePort() {}

  public static int orFree(int configured) {
    if (configured != 0) {
      return configured;
    }
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
