package io.dynagate.reconcile;

import io.dynagate.render.ApiDeclaration;
import java.util.List;

/**
 * Proves a definition before a pass may put it on AWS: every route probed on a local shadow. A
 * definition proved already is not proved again.
 */
public interface PreflightPort {

  /**
   * The proof of {@code desired}'s exact definition, rendered from {@code declaration}.
   *
   * @throws Unavailable when the shadow cannot run (the pass then changes nothing)
   */
  Proof prove(ApiDeclaration declaration, Desired desired);

  /**
   * @param summary one line: the first failing probe with its request and answer, or that all
   *     passed
   */
  record Proof(boolean passed, String summary, List<RouteOutcome> routes) {
    public Proof {
      routes = List.copyOf(routes);
    }
  }

  /**
   * @param failure the route's first failing probe, its request and answer; null when it passed
   */
  record RouteOutcome(String route, boolean passed, String failure) {}

  /** The shadow could not start or run (e.g. Node.js missing). */
  class Unavailable extends RuntimeException {
    public Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
