package io.dynagate.emulator.dataplane;

import io.dynagate.emulator.apigateway.UsagePlanStore;
import io.dynagate.emulator.apigateway.model.ApiKey;
import io.dynagate.emulator.apigateway.model.UsagePlan;
import io.dynagate.emulator.core.EmulatorRequest;
import io.dynagate.emulator.core.EmulatorResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/**
 * A method that requires an API key: the {@code x-api-key} header must name an enabled key linked
 * to a usage plan that covers the stage; the plan's per-method or per-key rate and burst, then its
 * quota, decide whether this request fits.
 */
@ApplicationScoped
class KeyUsage {

  private final UsagePlanStore store;
  private final Throttles throttles = new Throttles();
  private final QuotaMeter quotas = new QuotaMeter();

  KeyUsage(UsagePlanStore store) {
    this.store = store;
  }

  /**
   * The refusal, or empty when the request may run.
   *
   * @param methodKey {@code RESOURCE_PATH/METHOD}, as a plan's per-method throttle names it
   */
  Optional<EmulatorResponse> refusal(
      String apiId, String stage, String methodKey, EmulatorRequest request) {
    String value = request.header("x-api-key");
    Optional<ApiKey> key =
        value == null ? Optional.empty() : store.keyByValue(value).filter(ApiKey::enabled);
    if (key.isEmpty()) {
      return Optional.of(AccessResponses.forbidden());
    }
    String keyId = key.get().id();
    Optional<UsagePlan> plan =
        store.plansOf(keyId).stream().filter(p -> p.stage(apiId, stage).isPresent()).findFirst();
    if (plan.isEmpty()) {
      return Optional.of(AccessResponses.forbidden());
    }
    UsagePlan.ApiStage covered = plan.get().stage(apiId, stage).orElseThrow();
    UsagePlan.Throttle own = covered.throttle().get(methodKey);
    UsagePlan.Throttle limit = own != null ? own : plan.get().throttle();
    String subject = plan.get().id() + "/" + keyId + (own != null ? methodKey : "");
    if (limit != null && !throttles.admit(subject, limit.rateLimit(), limit.burstLimit())) {
      return Optional.of(AccessResponses.tooManyRequests());
    }
    if (!quotas.admit(plan.get().id(), keyId, plan.get().quota(), Instant.now())) {
      return Optional.of(AccessResponses.limitExceeded());
    }
    return Optional.empty();
  }
}
