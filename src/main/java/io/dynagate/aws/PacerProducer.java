package io.dynagate.aws;

import io.dynagate.config.Target;
import io.dynagate.reconcile.Pacer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The one {@link Pacer} of this process: quotas are per account, so all reconciles share it. */
@ApplicationScoped
public class PacerProducer {

  @Produces
  @ApplicationScoped
  Pacer pacer(Target target) {
    Target.Pacing pacing = target.pacing();
    return pacing.enabled() ? Pacer.awsQuotas(pacing.timeScale()) : Pacer.unlimited();
  }
}
