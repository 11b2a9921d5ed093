package io.dynagate.reconcile;

import java.util.List;

/**
 * What one dependent will do to its resource, decided from desired and observed state before
 * anything is applied.
 *
 * @param resource e.g. {@code table users}, for plans, events and logs
 * @param changes the AWS changes it makes, in order (empty when unchanged)
 * @param liveId the resource's id as observed, when it exists (the result when unchanged)
 */
public record Decision(String resource, Outcome outcome, List<Change> changes, String liveId) {

  public Decision {
    changes = List.copyOf(changes);
  }

  public static Decision create(String resource, Change... changes) {
    return new Decision(resource, Outcome.CREATED, List.of(changes), null);
  }

  public static Decision update(String resource, String liveId, Change change) {
    return new Decision(resource, Outcome.UPDATED, List.of(change), liveId);
  }

  public static Decision unchanged(String resource, String liveId) {
    return new Decision(resource, Outcome.UNCHANGED, List.of(), liveId);
  }

  public static Decision blocked(String resource, String reason) {
    return new Decision(resource, Outcome.BLOCKED, List.of(new Change.Blocked(reason)), null);
  }

  public static Decision delete(String resource, String liveId, Change change) {
    return new Decision(resource, Outcome.DELETED, List.of(change), liveId);
  }

  public boolean blocked() {
    return outcome == Outcome.BLOCKED;
  }

  /** The change of this kind the decision holds (each dependent knows which kinds it makes). */
  <C extends Change> C change(Class<C> kind) {
    return changes.stream()
        .filter(kind::isInstance)
        .map(kind::cast)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(resource + ": no " + kind.getSimpleName()));
  }
}
