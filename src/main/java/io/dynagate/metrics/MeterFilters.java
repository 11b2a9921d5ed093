package io.dynagate.metrics;

import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Filters applied to every meter before it is registered. */
public class MeterFilters {

  /**
   * Two HTTP servers share the Vert.x instance (the management API and the embedded emulator), and
   * Vert.x tags a server's meters with its port only when that port was fixed in advance. One fixed
   * and one chosen at start (port 0, as in tests) would give one meter name two sets of tag keys,
   * which Prometheus refuses, failing the start of the second server; the port tag is dropped.
   */
  @Produces
  @Singleton
  MeterFilter withoutServerPort() {
    return MeterFilter.ignoreTags("server.port");
  }
}
