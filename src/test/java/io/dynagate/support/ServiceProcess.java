package io.dynagate.support;

import io.dynagate.embedded.FreePort;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The packaged service started as a user starts it: {@code java -jar
 * target/quarkus-app/quarkus-run.jar}.
 */
public final class ServiceProcess implements AutoCloseable {

  public static final String ADMIN_TOKEN = "it-admin-token-0123456789";

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final Process process;
  private final int port;
  private final int emulatorPort;
  private final Duration readyAfter;

  private ServiceProcess(Process process, int port, int emulatorPort, Duration readyAfter) {
    this.process = process;
    this.port = port;
    this.emulatorPort = emulatorPort;
    this.readyAfter = readyAfter;
  }

  public static ServiceProcess start(Path dataDir, Path log, String... properties)
      throws Exception {
    return start(dataDir, log, Map.of(), properties);
  }

  /**
   * Starts the service with extra environment variables and {@code key=value} system properties.
   */
  public static ServiceProcess start(
      Path dataDir, Path log, Map<String, String> environment, String... properties)
      throws Exception {
    int port = FreePort.orFree(0);
    int emulatorPort = FreePort.orFree(0, java.util.Set.of(port));
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port,
                "-Ddynagate.data-dir=" + dataDir,
                "-Ddynagate.emulator.port=" + emulatorPort));
    for (String property : properties) {
      command.add("-D" + property);
    }
    command.addAll(
        List.of("-jar", System.getProperty("dynagate.jar", "target/quarkus-app/quarkus-run.jar")));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("DYNAGATE_ADMIN_TOKEN", ADMIN_TOKEN);
    builder.environment().putAll(environment);
    long started = System.nanoTime();
    Process process = builder.start();
    awaitReady(process, port);
    return new ServiceProcess(
        process, port, emulatorPort, Duration.ofNanos(System.nanoTime() - started));
  }

  private static void awaitReady(Process process, int port) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the service exited with " + process.exitValue());
      }
      try {
        HttpResponse<String> ready =
            HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (ready.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("the service was not ready within 60 s");
  }

  public String baseUrl() {
    return "http://localhost:" + port;
  }

  /** The local AWS emulator's endpoint (embedded mode). */
  public String emulatorUrl() {
    return "http://localhost:" + emulatorPort;
  }

  /** An authenticated management API call. */
  public HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .header("Authorization", "Bearer " + ADMIN_TOKEN)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  public Duration readyAfter() {
    return readyAfter;
  }

  /** The dynalite child (a node process) of the service. */
  public Optional<ProcessHandle> dynalite() {
    return process
        .descendants()
        .filter(p -> p.info().command().map(c -> c.endsWith("node")).orElse(false))
        .findFirst();
  }

  /** SIGTERM, as a user's Ctrl-C or a service manager would, and wait for the exit. */
  public int stop() throws InterruptedException {
    process.destroy();
    return process.waitFor();
  }

  /** SIGKILL: no shutdown hook runs. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
