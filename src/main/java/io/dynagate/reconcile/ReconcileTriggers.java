package io.dynagate.reconcile;

import io.dynagate.config.DynagateConfig;
import io.dynagate.store.DeclarationChanged;
import io.dynagate.store.Kind;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * What starts passes: a change to an API or its routes once its burst has settled (see {@link
 * PassQueue}), a change to a table at once, and the periodic drift pass.
 */
@ApplicationScoped
public class ReconcileTriggers {

  private static final Logger LOG = Logger.getLogger(ReconcileTriggers.class);

  private final ReconcileLoop loop;
  private final boolean onChange;

  public ReconcileTriggers(ReconcileLoop loop, DynagateConfig config) {
    this.loop = loop;
    this.onChange = config.reconcile().onChange();
  }

  void onChange(@Observes DeclarationChanged changed) {
    if (!onChange) {
      return;
    }
    if (changed.ref().kind() == Kind.TABLE) {
      // At once: the table should exist before the pass of an API using it (debounced) needs it.
      loop.triggerTable(changed.ref().name());
    } else if (changed.ref().kind() == Kind.API) {
      loop.triggerAfterChange(changed.ref().name());
    } else {
      loop.triggerAfterChange(changed.ref().parent());
    }
  }

  @Scheduled(
      every = "${dynagate.reconcile.interval}",
      // Not at once: the registry table may not exist yet while the service starts.
      delayed = "10s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void periodic() {
    try {
      loop.triggerAll();
    } catch (RuntimeException e) {
      LOG.warnf("the periodic pass could not list declarations: %s", e.getMessage());
    }
  }
}
