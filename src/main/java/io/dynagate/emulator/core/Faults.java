package io.dynagate.emulator.core;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** Injected failures: a share of control-plane calls fail with 500 or 503 as AWS's do. */
@ApplicationScoped
public class Faults {

  private final EmulatorSettings settings;

  public Faults(EmulatorSettings settings) {
    this.settings = settings;
  }

  /** The error this call fails with, when the dice say so. */
  public Optional<AwsError> roll(ControlPlane plane) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    if (random.nextDouble() >= settings.values().errorRate()) {
      return Optional.empty();
    }
    boolean unavailable = random.nextBoolean();
    String code = unavailable ? unavailableCode(plane.service()) : internalCode(plane.service());
    return Optional.of(
        new AwsError(unavailable ? 503 : 500, code, "Injected fault: the service is unavailable"));
  }

  private static String unavailableCode(String service) {
    return service.equals("apigateway") ? "ServiceUnavailableException" : "ServiceUnavailable";
  }

  private static String internalCode(String service) {
    return service.equals("iam") ? "ServiceFailure" : "InternalFailure";
  }
}
