package io.dynagate.start;

import io.dynagate.config.Target;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.util.Comparator;
import org.jboss.logging.Logger;

/**
 * Brings the service up in order: the {@link Target} first (in embedded mode resolving it starts
 * dynalite), then every {@link StartupStep} by priority. A step that cannot run stops the service
 * with one line.
 */
@Singleton
public class Startup {

  private static final Logger LOG = Logger.getLogger(Startup.class);

  void onStart(@Observes StartupEvent event, Instance<Target> target, Instance<StartupStep> steps) {
    try {
      target.get();
      steps.stream().sorted(Comparator.comparingInt(StartupStep::order)).forEach(StartupStep::run);
    } catch (StartException e) {
      LOG.error(e.getMessage());
      Quarkus.asyncExit(1);
    }
  }
}
