package io.dynagate.reconcile;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * The reconciler's meters in Prometheus: passes by API and outcome, their duration per API, and
 * drift found and repaired. The API label is a declared name, so its values are bounded by the
 * registry, never by what a caller sends.
 */
@ApplicationScoped
public class PassMeters {

  private final MeterRegistry registry;

  public PassMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  /** One pass over {@code api} ended with {@code outcome} (the phase it left, or "failed"). */
  void passed(String api, String outcome, Duration took) {
    Counter.builder("dynagate.reconcile.passes")
        .description("Reconcile passes by API and the phase they left the API in")
        .tag("api", api)
        .tag("outcome", outcome)
        .register(registry)
        .increment();
    Timer.builder("dynagate.reconcile.duration")
        .description("How long a reconcile pass over one API took")
        .tag("api", api)
        .publishPercentileHistogram()
        .register(registry)
        .record(took);
  }

  /** A pass found the live API differing from what it left there. */
  void driftFound(String api) {
    counter("dynagate.drift.found", "Drift found by reconcile passes", api).increment();
  }

  /** A pass put drifted resources back (driftPolicy REPAIR). */
  void driftRepaired(String api) {
    counter("dynagate.drift.repaired", "Drift repaired by reconcile passes", api).increment();
  }

  /** Preflight proved (or refused) the definition a pass was about to put. */
  void preflight(String api, boolean passed) {
    Counter.builder("dynagate.preflight.outcomes")
        .description("Preflight proofs of a definition before a pass puts it")
        .tag("api", api)
        .tag("outcome", passed ? "passed" : "failed")
        .register(registry)
        .increment();
  }

  private Counter counter(String name, String description, String api) {
    return Counter.builder(name).description(description).tag("api", api).register(registry);
  }
}
