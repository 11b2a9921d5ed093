package io.dynagate.aws;

import io.dynagate.config.Target;
import io.dynagate.reconcile.AccountPort;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.sts.StsClient;

/** {@link AccountPort} from STS GetCallerIdentity and the configured (or default-chain) region. */
@ApplicationScoped
public class AwsAccount implements AccountPort {

  private final StsClient sts;
  private final Target target;
  private volatile String accountId;
  private volatile String region;

  public AwsAccount(StsClient sts, Target target) {
    this.sts = sts;
    this.target = target;
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
    if (region == null) {
      region =
          target
              .region()
              .orElseGet(() -> DefaultAwsRegionProviderChain.builder().build().getRegion().id());
    }
    return region;
  }
}
