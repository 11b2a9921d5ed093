package io.dynagate.embedded;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * Brings the service up in order: the embedded engines first (embedded mode), then every {@link
 * StartupStep} by priority. A step that cannot run stops the service with one line.
 */
@Singleton
public class Startup {

  private static final Logger LOG = Logger.getLogger(Startup.class);

  void onStart(@Observes StartupEvent event, EmbeddedEngine engine, Instance<StartupStep> steps) {
    try {
      if (engine.enabled()) {
        engine.dynamoEndpoint();
      }
      steps.stream()
          .sorted(java.util.Comparator.comparingInt(StartupStep::order))
          .forEach(StartupStep::run);
    } catch (EmbeddedStartException e) {
      LOG.error(e.getMessage());
      Quarkus.asyncExit(1);
    }
  }
}
