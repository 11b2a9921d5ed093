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

  /**
   * Whether it calls the route as an anonymous client and so needs an open route. Routes that
   * require an API key or a signature get the probes that do not.
   */
  default boolean callsAsClient() {
    return true;
  }

  ProbeResult run(RouteCase route, Probing on);
}
