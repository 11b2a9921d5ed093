package io.dynagate.reconcile;

/**
 * One AWS resource an API needs, in java-operator-sdk's "dependent resource" shape: each
 * implementation observes its resource, decides from desired and observed state (pure, in its
 * static {@code decide}), and creates, updates or deletes it. Blocked decisions never reach here: a
 * plan holding one is not applied at all.
 */
interface Dependent {

  /**
   * Makes what {@code decision} says.
   *
   * @param restApiId the REST API the resource lives in, for those that live in one
   */
  default Result apply(Decision decision, String restApiId) {
    return switch (decision.outcome()) {
      case CREATED -> create(decision, restApiId);
      case UPDATED -> update(decision, restApiId);
      case UNCHANGED -> Result.unchanged(decision.resource(), decision.liveId());
      case DELETED -> delete(decision, restApiId);
      case BLOCKED -> throw new IllegalStateException("a blocked plan is never applied");
    };
  }

  Result create(Decision decision, String restApiId);

  Result update(Decision decision, String restApiId);

  Result delete(Decision decision, String restApiId);
}
