package io.dynagate.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * dynalite as a child process. The child exits when its stdin closes (see launch.js), so a JVM that
 * dies without running shutdown hooks still leaves no orphan behind.
 */
public final class DynaliteProcess implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(DynaliteProcess.class);

  private final Process process;
  private final int port;

  private DynaliteProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts dynalite from {@code home} (holding launch.js and node_modules) and waits until it
   * listens.
   */
  public static DynaliteProcess start(Path home, Path dataDir, int port, Duration timeout) {
    requireNode();
    Path script = home.resolve("launch.js");
    if (!Files.isRegularFile(script) || !Files.isDirectory(home.resolve("node_modules/dynalite"))) {
      throw new EmbeddedStartException(
          "dynalite is not installed in " + home + ": run ./mvnw package (it runs npm ci) first");
    }
    try {
      PrivateFiles.createDirectories(dataDir);
      Process process =
          new ProcessBuilder(
                  List.of("node", script.toString(), Integer.toString(port), dataDir.toString()))
              .redirectErrorStream(true)
              .start();
      DynaliteProcess dynalite = new DynaliteProcess(process, port);
      dynalite.awaitReady(timeout);
      return dynalite;
    } catch (IOException e) {
      throw new EmbeddedStartException("could not start dynalite: " + e.getMessage(), e);
    }
  }

  private static void requireNode() {
    try {
      Process probe = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      if (probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0) {
        return;
      }
    } catch (IOException e) {
      // fall through to the message below
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new EmbeddedStartException(
        "Node.js 20+ is required for the embedded mode (it runs dynalite): install Node.js, "
            + "or start with -Ddynagate.mode=aws to use real AWS");
  }

  private void awaitReady(Duration timeout) {
    CompletableFuture<Void> ready = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                  if (line.startsWith("dynalite ready")) {
                    ready.complete(null);
                  } else {
                    LOG.debugf("dynalite: %s", line);
                  }
                }
              } catch (IOException e) {
                // the stream closes with the process
              }
              ready.completeExceptionally(new IllegalStateException("dynalite exited"));
            },
            "dynalite-output");
    reader.setDaemon(true);
    reader.start();
    try {
      ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      process.destroyForcibly();
      throw new EmbeddedStartException("dynalite did not start on port " + port, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new EmbeddedStartException("interrupted while starting dynalite", e);
    }
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  public int port() {
    return port;
  }

  @Override
  public void close() {
    try {
      process.getOutputStream().close();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
