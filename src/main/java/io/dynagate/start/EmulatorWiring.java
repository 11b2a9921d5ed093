package io.dynagate.start;

import io.dynagate.config.DynagateConfig;
import io.dynagate.embedded.EmbeddedEngine;
import io.dynagate.emulator.core.EmulatorSettings;
import io.dynagate.emulator.dynamodb.DynamoEngine;
import io.dynagate.emulator.dynamodb.RegistryGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The emulator's settings and ports from {@code dynagate.*}: the emulator itself reads no
 * application configuration and knows nothing of the embedded engines.
 */
@ApplicationScoped
public class EmulatorWiring {

  @Produces
  @Singleton
  EmulatorSettings settings(DynagateConfig config) {
    DynagateConfig.Emulator emulator = config.emulator();
    return new EmulatorSettings(
        emulator.accountId(),
        emulator.region(),
        config.dataDir().resolve("emulator"),
        new EmulatorSettings.Values(
            "aws".equalsIgnoreCase(emulator.quotas().mode()),
            emulator.quotas().timeScale(),
            emulator.faults().errorRate(),
            emulator.faults().latency()));
  }

  @Produces
  @Singleton
  DynamoEngine dynamoEngine(EmbeddedEngine engine) {
    return engine::dynamoEndpoint;
  }

  /** The emulator's DynamoDB endpoint never serves the registry table (teams, token HMACs). */
  @Produces
  @Singleton
  RegistryGuard registryGuard(DynagateConfig config) {
    return new RegistryGuard(
        config.registry().table(), config.emulator().accountId(), config.emulator().region());
  }
}
