package io.dynagate.aws;

import io.dynagate.config.DynagateConfig;
import io.dynagate.reconcile.AccountPort;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.sts.StsClient;

/** {@link AccountPort} from STS GetCallerIdentity and the configured (or default-chain) region. */
@ApplicationScoped
public class AwsAccount implements AccountPort {

  private final StsClient sts;
  private final DynagateConfig config;
  private volatile String accountId;

  public AwsAccount(StsClient sts, DynagateConfig config) {
    this.sts = sts;
    this.config = config;
  }

  @Override
  public String accountId() {
    if (accountId == null) {
      accountId = AwsErrors.call("GetCallerIdentity", () -> sts.getCallerIdentity().account());
    }
    return accountId;
  }

  @Override
  public String region() {
    if (config.mode() == DynagateConfig.Mode.EMBEDDED) {
      return config.emulator().region();
    }
    return config
        .aws()
        .region()
        .orElseGet(() -> DefaultAwsRegionProviderChain.builder().build().getRegion().id());
  }
}
