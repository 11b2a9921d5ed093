package io.dynagate.preflight;

import io.dynagate.preflight.PreflightReport.ProbeResult;

/**
 * One check of one route on the deployed shadow. Adding a kind of check (writes, access) is one
 * more implementation, listed in {@link Probes}.
 */
interface Probe {

  /** The name reports and status use, e.g. {@code found item}. */
  String name();

  boolean appliesTo(RouteCase route);

  /** Whether it runs after the role's permissions were taken away (once every other probe ran). */
  default boolean withoutPermission() {
    return false;
  }

  ProbeResult run(RouteCase route, Probing on);
}
