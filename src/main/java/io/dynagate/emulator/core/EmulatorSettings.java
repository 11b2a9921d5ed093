package io.dynagate.emulator.core;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The emulator's own settings, given by whoever starts it (it knows nothing of the application's
 * configuration): the account and region in its ARNs, where its state lives, and quotas and faults
 * as they are now, which can be changed at run time (tests, benchmarks) through {@code PUT
 * /_emulator/config}.
 */
public class EmulatorSettings {

  private final String accountId;
  private final String region;
  private final Path stateDir;
  private volatile Values values;

  /**
   * @param accountId the account id in ARNs and STS answers
   * @param region the region in ARNs
   * @param stateDir where the control planes keep their state across restarts
   * @param initial quotas and faults at start
   */
  public EmulatorSettings(String accountId, String region, Path stateDir, Values initial) {
    this.accountId = accountId;
    this.region = region;
    this.stateDir = stateDir;
    this.values = initial;
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

  public String accountId() {
    return accountId;
  }

  public String region() {
    return region;
  }

  public Path stateDir() {
    return stateDir;
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
