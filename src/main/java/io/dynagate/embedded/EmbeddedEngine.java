package io.dynagate.embedded;

import io.dynagate.config.DynagateConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * The embedded mode's engines: dynalite, and the local AWS emulator's port. Started once, on first
 * use or at start-up, and stopped with the application.
 */
@ApplicationScoped
public class EmbeddedEngine {

  private static final Logger LOG = Logger.getLogger(EmbeddedEngine.class);

  private final DynagateConfig config;
  private final int emulatorPort;
  private DynaliteProcess dynalite;
  // The started engine's endpoint: the data plane reads it on every call, without the lock.
  private volatile URI endpoint;

  public EmbeddedEngine(DynagateConfig config) {
    this.config = config;
    this.emulatorPort = FreePort.orFree(config.emulator().port());
  }

  /** Endpoint of the embedded DynamoDB engine, started on first call. */
  public URI dynamoEndpoint() {
    URI started = endpoint;
    return started != null ? started : start();
  }

  private synchronized URI start() {
    if (dynalite == null) {
      Path data = config.dataDir().resolve("dynamodb").toAbsolutePath();
      dynalite =
          DynaliteProcess.start(
              dynaliteHome(),
              data,
              FreePort.orFree(config.dynalite().port(), reservedPorts()),
              config.dynalite().startTimeout());
      LOG.infof("dynalite started on port %d with data in %s", dynalite.port(), data);
      endpoint = dynalite.endpoint();
    }
    return endpoint;
  }

  /** Endpoint of the local AWS emulator (API Gateway, IAM, STS and DynamoDB on one port). */
  public URI emulatorEndpoint() {
    return URI.create("http://localhost:" + emulatorPort);
  }

  private Set<Integer> reservedPorts() {
    int http =
        ConfigProvider.getConfig()
            .getOptionalValue("quarkus.http.port", Integer.class)
            .orElse(8080);
    return Set.of(emulatorPort, http);
  }

  public int emulatorPort() {
    return emulatorPort;
  }

  @PreDestroy
  synchronized void stop() {
    if (dynalite != null) {
      endpoint = null;
      dynalite.close();
      dynalite = null;
    }
  }

  private Path dynaliteHome() {
    if (config.dynalite().home().isPresent()) {
      return config.dynalite().home().get();
    }
    List<Path> candidates = new ArrayList<>();
    candidates.add(Paths.get("target", "dynalite"));
    codeLocation()
        .ifPresent(
            code -> {
              // target/quarkus-app/app/x.jar, target/quarkus-app/quarkus-run.jar or target/classes
              for (Path dir = code.getParent(); dir != null; dir = dir.getParent()) {
                candidates.add(dir.resolve("dynalite"));
                if (dir.getFileName() != null && dir.getFileName().toString().equals("target")) {
                  break;
                }
              }
            });
    return candidates.stream()
        .filter(dir -> Files.isRegularFile(dir.resolve("launch.js")))
        .findFirst()
        .orElse(candidates.get(0))
        .toAbsolutePath();
  }

  private static Optional<Path> codeLocation() {
    try {
      return Optional.of(
          Paths.get(
              EmbeddedEngine.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
    } catch (Exception e) {
      return Optional.empty();
    }
  }
}
