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

  /** When it runs in a pass over the routes. */
  enum Phase {
    /** With the routes' permissions, routes side by side. */
    SIDE_BY_SIDE,
    /**
     * Then one probe at a time, nothing else calling the shadow: it counts the shadow's DynamoDB
     * calls, which other probes' calls would change.
     */
    ALONE,
    /** Last, with the role's permissions taken away. */
    WITHOUT_PERMISSION
  }

  default Phase phase() {
    return Phase.SIDE_BY_SIDE;
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
