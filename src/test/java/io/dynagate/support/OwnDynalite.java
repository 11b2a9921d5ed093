package io.dynagate.support;

import io.dynagate.embedded.DynaliteProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

/** A dynalite of a test's own: the build's {@code target/dynalite}, on a free loopback port. */
public final class OwnDynalite {

  private OwnDynalite() {}

  /** Starts one keeping its data in {@code data}; the caller closes it. */
  public static DynaliteProcess start(Path data) throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    return DynaliteProcess.start(
        Path.of("target/dynalite").toAbsolutePath(), data, port, Duration.ofSeconds(30));
  }
}
