package io.dynagate.start;

import io.dynagate.config.DynagateConfig;
import io.dynagate.config.Target;
import io.dynagate.datadir.DataDirLock;
import io.dynagate.embedded.EmbeddedEngine;
import io.dynagate.embedded.EmbeddedStartException;
import io.dynagate.emulator.core.EmulatorServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place that reads {@code dynagate.mode}: it resolves the mode into the {@link Target} the
 * AWS adapters receive and, in embedded mode, starts the local engines (dynalite when the target is
 * resolved, the emulator as a start-up step).
 */
@ApplicationScoped
public class Modes implements StartupStep {

  private static final List<String> SERVICES = List.of("dynamodb", "apigateway", "iam", "sts");

  private final DynagateConfig config;
  private final EmbeddedEngine engine;
  private final EmulatorServer emulator;
  private final DataDirLock lock;

  public Modes(
      DynagateConfig config, EmbeddedEngine engine, EmulatorServer emulator, DataDirLock lock) {
    this.config = config;
    this.engine = engine;
    this.emulator = emulator;
    this.lock = lock;
  }

  @Produces
  @Singleton
  Target target() {
    if (!embedded()) {
      return awsTarget();
    }
    try {
      return embeddedTarget();
    } catch (EmbeddedStartException e) {
      throw new StartException(e.getMessage(), e);
    }
  }

  /** Before anything uses the API Gateway, IAM or STS clients. */
  @Override
  public int order() {
    return 5;
  }

  @Override
  public void run() {
    if (!embedded()) {
      return;
    }
    try {
      emulator.start(config.emulator().host(), engine.emulatorPort());
    } catch (IllegalStateException e) {
      throw new StartException(e.getMessage(), e);
    }
  }

  private boolean embedded() {
    return config.mode() == DynagateConfig.Mode.EMBEDDED;
  }

  private Target embeddedTarget() {
    // One service per data directory: a second one stops here, before it starts dynalite.
    lock.acquire(config.dataDir().toAbsolutePath().normalize());
    // DynamoDB goes to dynalite directly (the registry's hot path skips the emulator hop).
    URI emulatorEndpoint = engine.emulatorEndpoint();
    return new Target(
        Map.of(
            "dynamodb", engine.dynamoEndpoint(),
            "apigateway", emulatorEndpoint,
            "iam", emulatorEndpoint,
            "sts", emulatorEndpoint),
        Optional.of(config.emulator().region()),
        Target.Credentials.LOCAL,
        Optional.of(emulatorEndpoint),
        pacing(
            "aws".equalsIgnoreCase(config.emulator().quotas().mode()),
            config.emulator().quotas().timeScale()),
        Optional.of(config.dataDir()));
  }

  private Target awsTarget() {
    Map<String, URI> endpoints = new HashMap<>();
    for (String service : SERVICES) {
      Optional.ofNullable(config.aws().endpoints().get(service))
          .or(() -> config.aws().endpoint())
          .ifPresent(endpoint -> endpoints.put(service, endpoint));
    }
    // An endpoint override is an AWS-compatible emulator (this one, LocalStack): its URL form.
    return new Target(
        endpoints,
        config.aws().region(),
        Target.Credentials.DEFAULT_CHAIN,
        Optional.ofNullable(endpoints.get("apigateway")),
        pacing(true, config.reconcile().pacing().timeScale()),
        Optional.empty());
  }

  /** {@code auto} follows the mode (AWS's quotas, or the emulator's quota setting). */
  private Target.Pacing pacing(boolean auto, double autoScale) {
    DynagateConfig.Reconcile.Pacing pacing = config.reconcile().pacing();
    return switch (pacing.mode()) {
      case "auto" -> new Target.Pacing(auto, autoScale);
      case "aws" -> new Target.Pacing(true, pacing.timeScale());
      default -> new Target.Pacing(false, pacing.timeScale());
    };
  }
}
