package io.dynagate.preflight;

import io.dynagate.config.DynagateConfig;
import io.dynagate.embedded.EmbeddedEngine;
import io.dynagate.emulator.core.EmulatorServer;
import io.dynagate.emulator.core.EmulatorSettings;
import io.dynagate.emulator.dynamodb.DynamoEngine;
import io.dynagate.emulator.dynamodb.RegistryGuard;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The local environment preflight proves definitions on, in both modes: a dynalite of its own in a
 * temporary folder and an emulator of its own on a free 127.0.0.1 port, sharing nothing with the
 * target. Started on first use, once, reused, stopped with the application.
 */
@ApplicationScoped
public class Shadow {

  private static final Logger LOG = Logger.getLogger(Shadow.class);

  private final DynagateConfig config;
  private final Vertx vertx;
  private Path dataDir;
  private EmulatorGraph graph;
  private ShadowAws aws;
  private String account;

  public Shadow(DynagateConfig config, Vertx vertx) {
    this.config = config;
    this.vertx = vertx;
  }

  /** The shadow's AWS, started on first call for this account and region. */
  public synchronized ShadowAws aws(String accountId, String region) {
    String wanted = accountId + "/" + region;
    if (aws != null && !wanted.equals(account)) {
      throw new IllegalStateException(
          "the shadow runs as " + account + ", not " + wanted + ": one account per service");
    }
    if (aws == null) {
      start(accountId, region);
      account = wanted;
    }
    return aws;
  }

  private void start(String accountId, String region) {
    long started = System.nanoTime();
    try {
      dataDir = Files.createTempDirectory("dynagate-preflight-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make the shadow's folder", e);
    }
    DynagateConfig shadowConfig = ShadowConfig.of(config, dataDir, accountId, region);
    EmbeddedEngine engine = new EmbeddedEngine(shadowConfig);
    EmulatorSettings settings =
        new EmulatorSettings(
            accountId,
            region,
            dataDir.resolve("emulator"),
            new EmulatorSettings.Values(false, 1.0, 0.0, Duration.ZERO));
    graph =
        EmulatorGraph.of(
            Map.of(
                EmbeddedEngine.class, engine,
                DynagateConfig.class, shadowConfig,
                EmulatorSettings.class, settings,
                DynamoEngine.class, (DynamoEngine) engine::dynamoEndpoint,
                RegistryGuard.class,
                    new RegistryGuard(config.registry().table(), accountId, region),
                Vertx.class, vertx));
    try {
      engine.dynamoEndpoint();
      graph.get(EmulatorServer.class).start("127.0.0.1", engine.emulatorPort());
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
    URI endpoint = URI.create("http://127.0.0.1:" + engine.emulatorPort());
    aws = new ShadowAws(endpoint, region);
    LOG.infof(
        "preflight shadow started on %s in %d ms",
        endpoint, (System.nanoTime() - started) / 1_000_000);
  }

  @PreDestroy
  synchronized void stop() {
    if (aws != null) {
      aws.close();
      aws = null;
    }
    if (graph != null) {
      graph.close();
      graph = null;
    }
    if (dataDir != null) {
      deleteQuietly(dataDir);
      dataDir = null;
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      LOG.debugf("shadow folder %s left behind: %s", dir, e.getMessage());
    }
  }
}
