package io.dynagate.reconcile;

import io.dynagate.store.Status;
import jakarta.enterprise.context.ApplicationScoped;

/** Where reconcile metrics will be counted (passes by outcome and duration, drift). */
@ApplicationScoped
public class ReconcileMetrics {

  void pass(String api, Status.Phase outcome, long nanos) {}

  void driftFound(String api) {}

  void driftRepaired(String api) {}
}
