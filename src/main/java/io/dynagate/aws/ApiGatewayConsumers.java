package io.dynagate.aws;

import io.dynagate.reconcile.ConsumerPort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiKey;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.PatchOperation;
import software.amazon.awssdk.services.apigateway.model.UsagePlan;

/** {@link ConsumerPort} on API Gateway, paced to the account's control-plane quotas. */
@ApplicationScoped
public class ApiGatewayConsumers implements ConsumerPort {

  private final ApiGatewayClient apiGateway;

  public ApiGatewayConsumers(ApiGatewayClient apiGateway) {
    this.apiGateway = apiGateway;
  }

  @Override
  public List<LivePlan> plansTagged(String key, String value) {
    return AwsErrors.call(
        "GetUsagePlans",
        () ->
            apiGateway.getUsagePlansPaginator(b -> b.limit(500)).items().stream()
                .filter(plan -> value.equals(plan.tags().get(key)))
                .map(plan -> live(plan, keyIds(plan.id())))
                .toList());
  }

  @Override
  public List<LiveKey> keysTagged(String key, String value) {
    return AwsErrors.call(
        "GetApiKeys",
        () ->
            apiGateway.getApiKeysPaginator(b -> b.limit(500)).items().stream()
                .filter(k -> value.equals(k.tags().get(key)))
                .map(ApiGatewayConsumers::live)
                .toList());
  }

  @Override
  public LivePlan createPlan(
      String name, String apiId, String stage, Limits limits, Map<String, String> tags) {
    String id =
        call(
                "CreateUsagePlan",
                () ->
                    apiGateway.createUsagePlan(
                        b -> {
                          b.name(name).tags(tags).apiStages(s -> s.apiId(apiId).stage(stage));
                          if (limits.rateLimit() != null || limits.burstLimit() != null) {
                            b.throttle(
                                t ->
                                    t.rateLimit(limits.rateLimit())
                                        .burstLimit(limits.burstLimit()));
                          }
                          if (limits.quotaLimit() != null) {
                            b.quota(q -> q.limit(limits.quotaLimit()).period(limits.quotaPeriod()));
                          }
                        }))
            .id();
    return new LivePlan(id, name, List.of(apiId + ":" + stage), limits, tags, List.of());
  }

  @Override
  public void updateLimits(LivePlan live, Limits wanted) {
    List<PatchOperation> changes = new ArrayList<>();
    Limits now = live.limits();
    if (!Objects.equals(now.rateLimit(), wanted.rateLimit()) && wanted.rateLimit() != null) {
      changes.add(replace("/throttle/rateLimit", wanted.rateLimit().toString()));
    }
    if (!Objects.equals(now.burstLimit(), wanted.burstLimit()) && wanted.burstLimit() != null) {
      changes.add(replace("/throttle/burstLimit", wanted.burstLimit().toString()));
    }
    if (!Objects.equals(now.quotaLimit(), wanted.quotaLimit()) && wanted.quotaLimit() != null) {
      changes.add(replace("/quota/limit", wanted.quotaLimit().toString()));
    }
    if (!Objects.equals(now.quotaPeriod(), wanted.quotaPeriod()) && wanted.quotaPeriod() != null) {
      changes.add(replace("/quota/period", wanted.quotaPeriod()));
    }
    if (!changes.isEmpty()) {
      call(
          "UpdateUsagePlan",
          () -> apiGateway.updateUsagePlan(b -> b.usagePlanId(live.id()).patchOperations(changes)));
    }
  }

  @Override
  public void deletePlan(String planId) {
    call("DeleteUsagePlan", () -> apiGateway.deleteUsagePlan(b -> b.usagePlanId(planId)));
  }

  @Override
  public LiveKey createKey(String name, String value, Map<String, String> tags) {
    var key =
        call(
            "CreateApiKey",
            () -> apiGateway.createApiKey(b -> b.name(name).value(value).enabled(true).tags(tags)));
    return new LiveKey(key.id(), key.name(), key.enabled(), key.tags());
  }

  @Override
  public void deleteKey(String keyId) {
    call("DeleteApiKey", () -> apiGateway.deleteApiKey(b -> b.apiKey(keyId)));
  }

  @Override
  public void link(String planId, String keyId) {
    call(
        "CreateUsagePlanKey",
        () ->
            apiGateway.createUsagePlanKey(
                b -> b.usagePlanId(planId).keyId(keyId).keyType("API_KEY")));
  }

  @Override
  public void unlink(String planId, String keyId) {
    call(
        "DeleteUsagePlanKey",
        () -> apiGateway.deleteUsagePlanKey(b -> b.usagePlanId(planId).keyId(keyId)));
  }

  private List<String> keyIds(String planId) {
    return AwsErrors.call(
        "GetUsagePlanKeys",
        () ->
            apiGateway
                .getUsagePlanKeysPaginator(b -> b.usagePlanId(planId).limit(500))
                .items()
                .stream()
                .map(k -> k.id())
                .toList());
  }

  private static LivePlan live(UsagePlan plan, List<String> keyIds) {
    Limits limits =
        new Limits(
            plan.throttle() == null ? null : plan.throttle().rateLimit(),
            plan.throttle() == null ? null : plan.throttle().burstLimit(),
            plan.quota() == null ? null : plan.quota().limit(),
            plan.quota() == null ? null : plan.quota().periodAsString());
    return new LivePlan(
        plan.id(),
        plan.name(),
        plan.apiStages().stream().map(s -> s.apiId() + ":" + s.stage()).toList(),
        limits,
        plan.tags(),
        keyIds);
  }

  private static LiveKey live(ApiKey key) {
    return new LiveKey(key.id(), key.name(), Boolean.TRUE.equals(key.enabled()), key.tags());
  }

  private static PatchOperation replace(String path, String value) {
    return PatchOperation.builder().op(Op.REPLACE).path(path).value(value).build();
  }

  // Pacing and retries happen per HTTP attempt (see CallInterceptor and Retries).
  private static <T> T call(String operation, Supplier<T> call) {
    return AwsErrors.call(operation, call);
  }
}
