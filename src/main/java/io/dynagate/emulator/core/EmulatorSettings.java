package io.dynagate.emulator.core;

import io.dynagate.config.DynagateConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Quotas and faults as they are now: start from {@code dynagate.emulator.*} and can be changed at
 * run time (tests, benchmarks) through {@code PUT /_emulator/config}.
 */
@ApplicationScoped
public class EmulatorSettings {

  private volatile Values values;

  public EmulatorSettings(DynagateConfig config) {
    DynagateConfig.Emulator emulator = config.emulator();
    this.values =
        new Values(
            "aws".equalsIgnoreCase(emulator.quotas().mode()),
            emulator.quotas().timeScale(),
            emulator.faults().errorRate(),
            emulator.faults().latency());
  }

  /**
   * One consistent set of settings.
   *
   * @param quotas whether AWS's control-plane quotas are enforced
   * @param timeScale multiplies every quota interval
   * @param errorRate share of control-plane calls answered 500/503
   * @param latency added to every control-plane call
   */
  public record Values(boolean quotas, double timeScale, double errorRate, Duration latency) {
    public Values {
      if (timeScale <= 0 || errorRate < 0 || errorRate > 1 || latency.isNegative()) {
        throw new IllegalArgumentException(
            "timeScale must be > 0, errorRate within [0, 1], latency >= 0");
      }
    }
  }

  public Values values() {
    return values;
  }

  public void update(Values next) {
    values = next;
  }

  public boolean quotasEnabled() {
    return values.quotas();
  }

  public double timeScale() {
    return values.timeScale();
  }
}
