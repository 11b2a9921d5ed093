package io.dynagate.aws;

import io.dynagate.config.DynagateConfig;
import io.dynagate.reconcile.Pacer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The one {@link Pacer} of this process: quotas are per account, so all reconciles share it. */
@ApplicationScoped
public class PacerProducer {

  @Produces
  @ApplicationScoped
  Pacer pacer(DynagateConfig config) {
    DynagateConfig.Reconcile.Pacing pacing = config.reconcile().pacing();
    String mode = pacing.mode();
    double scale = pacing.timeScale();
    if (mode.equals("auto")) {
      if (config.mode() == DynagateConfig.Mode.AWS) {
        mode = "aws";
      } else {
        mode = config.emulator().quotas().mode();
        scale = config.emulator().quotas().timeScale();
      }
    }
    return mode.equals("aws") ? Pacer.awsQuotas(scale) : Pacer.unlimited();
  }
}
