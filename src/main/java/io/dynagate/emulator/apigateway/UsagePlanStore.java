package io.dynagate.emulator.apigateway;

import io.dynagate.config.DynagateConfig;
import io.dynagate.emulator.apigateway.model.ApiKey;
import io.dynagate.emulator.apigateway.model.UsagePlan;
import io.dynagate.emulator.core.StateFiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The emulator's API keys and usage plans, in memory and under {@code
 * DATA_DIR/emulator/apigateway/{apikeys,usageplans}/}. The data plane reads {@link #keyByValue} and
 * {@link #plansOf} on every call that needs a key; writes are serialised.
 */
@ApplicationScoped
public class UsagePlanStore {

  private final StateFiles<ApiKey> keyFiles;
  private final StateFiles<UsagePlan> planFiles;
  private final Map<String, ApiKey> keys = new ConcurrentHashMap<>();
  private final Map<String, ApiKey> keysByValue = new ConcurrentHashMap<>();
  private final Map<String, UsagePlan> plans = new ConcurrentHashMap<>();

  @Inject
  public UsagePlanStore(DynagateConfig config) {
    this(config.dataDir().resolve("emulator").resolve("apigateway"));
  }

  UsagePlanStore(Path dir) {
    this.keyFiles = new StateFiles<>(dir.resolve("apikeys"), ApiKey.class);
    this.planFiles = new StateFiles<>(dir.resolve("usageplans"), UsagePlan.class);
    keyFiles.loadAll().forEach(this::index);
    planFiles.loadAll().forEach(plan -> plans.put(plan.id(), plan));
  }

  /** The key a caller sent, enabled or not. */
  public Optional<ApiKey> keyByValue(String value) {
    return Optional.ofNullable(keysByValue.get(value));
  }

  /** The plans a key is linked to. */
  public List<UsagePlan> plansOf(String keyId) {
    return plans.values().stream().filter(p -> p.keyIds().contains(keyId)).toList();
  }

  Optional<ApiKey> key(String id) {
    return Optional.ofNullable(keys.get(id));
  }

  List<ApiKey> keys() {
    return keys.values().stream()
        .sorted(Comparator.comparing(ApiKey::createdDate).thenComparing(ApiKey::id))
        .toList();
  }

  Optional<UsagePlan> plan(String id) {
    return Optional.ofNullable(plans.get(id));
  }

  List<UsagePlan> plans() {
    return plans.values().stream().sorted(Comparator.comparing(UsagePlan::id)).toList();
  }

  synchronized void putKey(ApiKey key) {
    if (keysByValue.containsKey(key.value())
        && !keysByValue.get(key.value()).id().equals(key.id())) {
      throw ApiGatewayErrors.conflict("API Key already exists");
    }
    keyFiles.write(key.id(), key);
    index(key);
  }

  synchronized ApiKey updateKey(String id, UnaryOperator<ApiKey> change) {
    ApiKey next = change.apply(key(id).orElseThrow(AccessErrors::noSuchKey));
    putKey(next);
    return next;
  }

  /** Removes a key and its links to every plan, as {@code DeleteApiKey} does. */
  synchronized void deleteKey(String id) {
    ApiKey key = key(id).orElseThrow(AccessErrors::noSuchKey);
    for (UsagePlan plan : plansOf(id)) {
      putPlan(plan.withKeys(plan.keyIds().stream().filter(k -> !k.equals(id)).toList()));
    }
    keyFiles.delete(id);
    keys.remove(id);
    keysByValue.remove(key.value());
  }

  synchronized void putPlan(UsagePlan plan) {
    planFiles.write(plan.id(), plan);
    plans.put(plan.id(), plan);
  }

  synchronized UsagePlan updatePlan(String id, UnaryOperator<UsagePlan> change) {
    UsagePlan next = change.apply(plan(id).orElseThrow(AccessErrors::noSuchPlan));
    putPlan(next);
    return next;
  }

  synchronized void deletePlan(String id) {
    plan(id).orElseThrow(AccessErrors::noSuchPlan);
    planFiles.delete(id);
    plans.remove(id);
  }

  private void index(ApiKey key) {
    ApiKey before = keys.put(key.id(), key);
    if (before != null) {
      keysByValue.remove(before.value());
    }
    keysByValue.put(key.value(), key);
  }
}
