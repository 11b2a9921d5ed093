package io.dynagate.reconcile;

import io.dynagate.config.DynagateConfig;
import io.dynagate.declaration.ConsumerSpec;
import io.dynagate.store.Kind;
import io.dynagate.store.Registry;
import io.dynagate.store.Specs;
import io.dynagate.store.Stored;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** The names and ownership tags of a consumer's usage plan and API key. */
@ApplicationScoped
public class Consumers {

  /** The consuming team a plan or key belongs to. */
  public static final String CONSUMER_TAG = "dynagate:consumer";

  /** A key's fingerprint (the start of its value's digest): which registration made it. */
  public static final String KEY_TAG = "dynagate:key";

  private final DynagateConfig config;
  private final Registry registry;
  private final Specs specs;

  public Consumers(DynagateConfig config, Registry registry, Specs specs) {
    this.config = config;
    this.registry = registry;
    this.specs = specs;
  }

  /** The consumers registered for an API, as its pass wants them on AWS. */
  public List<ConsumerDependent.Wanted> wanted(Stored api) {
    String name = api.ref().name();
    return registry.all(Kind.CONSUMER, name).stream()
        .map(stored -> specs.read(stored, ConsumerSpec.class))
        .map(
            spec ->
                new ConsumerDependent.Wanted(
                    spec.team(),
                    ConsumerDependent.Wanted.limits(spec),
                    spec.fingerprint(),
                    planName(name, spec.team()),
                    planTags(name, spec.team(), api.owner())))
        .toList();
  }

  /** Forgets an API's consumers (the API is being removed, its plans and keys are gone). */
  public void forget(String api) {
    for (Stored consumer : registry.all(Kind.CONSUMER, api)) {
      registry.delete(consumer.ref(), OptionalLong.empty());
    }
  }

  public String keyName(String api, String team) {
    return config.reconcile().resourcePrefix() + "-" + api + "-" + team;
  }

  public String planName(String api, String team) {
    return keyName(api, team);
  }

  public Map<String, String> keyTags(String api, ConsumerSpec spec, String apiOwner) {
    return Map.of(
        Desired.API_TAG,
        api,
        CONSUMER_TAG,
        spec.team(),
        KEY_TAG,
        spec.fingerprint(),
        "dynagate:owner",
        apiOwner,
        "dynagate:managed-by",
        "dynagate");
  }

  public Map<String, String> planTags(String api, String team, String apiOwner) {
    return Map.of(
        Desired.API_TAG,
        api,
        CONSUMER_TAG,
        team,
        "dynagate:owner",
        apiOwner,
        "dynagate:managed-by",
        "dynagate");
  }
}
