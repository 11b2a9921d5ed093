package io.dynagate.reconcile;

import io.dynagate.declaration.ConsumerSpec;
import io.dynagate.reconcile.ConsumerPort.Limits;
import io.dynagate.reconcile.ConsumerPort.LiveKey;
import io.dynagate.reconcile.ConsumerPort.LivePlan;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The consumers of an API on AWS: per consumer a usage plan covering the API's stage and the API
 * key made at registration, linked to it. Both are found by their tags (API, consumer, and the
 * key's fingerprint), so that a pass after a crash adopts them; any tagged plan or key no
 * registered consumer names (revoked, or the API removed) is deleted.
 */
@ApplicationScoped
public class ConsumerDependent implements Dependent {

  private final ConsumerPort port;

  public ConsumerDependent(ConsumerPort port) {
    this.port = port;
  }

  /** One registered consumer: its team, its plan's limits, its key's fingerprint and tags. */
  public record Wanted(
      String team,
      Limits limits,
      String fingerprint,
      String planName,
      Map<String, String> planTags) {

    public static Limits limits(ConsumerSpec spec) {
      return new Limits(spec.rateLimit(), spec.burstLimit(), spec.quotaLimit(), spec.quotaPeriod());
    }
  }

  /** What is live for an API's consumers: its tagged plans and keys (read calls only). */
  public record Live(List<LivePlan> plans, List<LiveKey> keys) {}

  public Live observe(String api) {
    return new Live(port.plansTagged(Desired.API_TAG, api), port.keysTagged(Desired.API_TAG, api));
  }

  /**
   * The decisions for an API's consumers: deletions first (a revoked key stops working before
   * anything else happens), then each consumer's plan.
   *
   * @param restApiId the REST API the plans must cover, null when it does not exist yet
   */
  public static List<Decision> decide(
      String stage, String restApiId, List<Wanted> wanted, Live live) {
    List<Decision> deletions = new ArrayList<>();
    List<Decision> plans = new ArrayList<>();
    Set<String> keptKeys = new HashSet<>();
    Set<String> keptPlans = new HashSet<>();
    for (Wanted consumer : wanted) {
      Optional<LiveKey> key =
          live.keys().stream()
              .filter(k -> consumer.team().equals(k.tags().get(Consumers.CONSUMER_TAG)))
              .filter(k -> consumer.fingerprint().equals(k.tags().get(Consumers.KEY_TAG)))
              .findFirst();
      key.ifPresent(k -> keptKeys.add(k.id()));
      Optional<LivePlan> plan =
          live.plans().stream()
              .filter(p -> consumer.team().equals(p.tags().get(Consumers.CONSUMER_TAG)))
              .filter(p -> restApiId == null || p.apiStages().contains(restApiId + ":" + stage))
              .findFirst();
      plan.ifPresent(p -> keptPlans.add(p.id()));
      plans.add(decide(consumer, stage, key, plan));
    }
    for (LiveKey key : live.keys()) {
      if (!keptKeys.contains(key.id())) {
        String team = key.tags().get(Consumers.CONSUMER_TAG);
        deletions.add(
            Decision.delete(
                "API key of consumer " + team,
                key.id(),
                new Change.DeleteApiKey(team, key.id(), "no registered consumer holds it")));
      }
    }
    for (LivePlan plan : live.plans()) {
      if (!keptPlans.contains(plan.id())) {
        String team = plan.tags().get(Consumers.CONSUMER_TAG);
        deletions.add(
            Decision.delete(
                "usage plan of consumer " + team,
                plan.id(),
                new Change.DeleteUsagePlan(
                    team, plan.id(), "no registered consumer of this stage holds it")));
      }
    }
    deletions.addAll(plans);
    return deletions;
  }

  private static Decision decide(
      Wanted consumer, String stage, Optional<LiveKey> key, Optional<LivePlan> plan) {
    String resource = "usage plan of consumer " + consumer.team();
    if (plan.isEmpty()) {
      List<Change> changes = new ArrayList<>();
      changes.add(
          new Change.CreateUsagePlan(
              consumer.team(), consumer.planName(), stage, consumer.limits(), consumer.planTags()));
      key.ifPresent(k -> changes.add(new Change.LinkKey(consumer.team(), null, k.id())));
      return new Decision(resource, Outcome.CREATED, changes, null);
    }
    LivePlan live = plan.get();
    List<Change> changes = new ArrayList<>();
    if (!consumer.limits().equals(live.limits())) {
      changes.add(new Change.UpdateUsagePlan(consumer.team(), live, consumer.limits()));
    }
    if (key.isPresent() && !live.keyIds().contains(key.get().id())) {
      changes.add(new Change.LinkKey(consumer.team(), live.id(), key.get().id()));
    }
    return changes.isEmpty()
        ? Decision.unchanged(resource, live.id())
        : new Decision(resource, Outcome.UPDATED, changes, live.id());
  }

  @Override
  public Result create(Decision decision, String restApiId) {
    Change.CreateUsagePlan create = decision.change(Change.CreateUsagePlan.class);
    LivePlan plan =
        port.createPlan(create.name(), restApiId, create.stage(), create.limits(), create.tags());
    link(decision, plan.id());
    return Result.created(decision.resource(), plan.id());
  }

  @Override
  public Result update(Decision decision, String restApiId) {
    for (Change change : decision.changes()) {
      if (change instanceof Change.UpdateUsagePlan update) {
        port.updateLimits(update.live(), update.limits());
      }
    }
    link(decision, decision.liveId());
    return Result.updated(
        decision.resource(),
        decision.liveId(),
        String.join("; ", decision.changes().stream().map(Change::describe).toList()));
  }

  @Override
  public Result delete(Decision decision, String restApiId) {
    for (Change change : decision.changes()) {
      if (change instanceof Change.DeleteApiKey key) {
        port.deleteKey(key.keyId());
      } else if (change instanceof Change.DeleteUsagePlan plan) {
        port.deletePlan(plan.planId());
      }
    }
    return Result.deleted(decision.resource());
  }

  private void link(Decision decision, String planId) {
    for (Change change : decision.changes()) {
      if (change instanceof Change.LinkKey link) {
        port.link(link.planId() == null ? planId : link.planId(), link.keyId());
      }
    }
  }
}
