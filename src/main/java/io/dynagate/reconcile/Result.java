package io.dynagate.reconcile;

/**
 * What applying one decision left live.
 *
 * @param id the resource's id (ARN, REST API id, deployment id), when it has one
 * @param detail why, for updates and blocks
 */
public record Result(String resource, Outcome outcome, String id, String detail) {

  public static Result created(String resource, String id) {
    return new Result(resource, Outcome.CREATED, id, null);
  }

  public static Result updated(String resource, String id, String why) {
    return new Result(resource, Outcome.UPDATED, id, why);
  }

  public static Result unchanged(String resource, String id) {
    return new Result(resource, Outcome.UNCHANGED, id, "matches");
  }

  public static Result blocked(String resource, String why) {
    return new Result(resource, Outcome.BLOCKED, null, why);
  }

  public static Result deleted(String resource) {
    return new Result(resource, Outcome.DELETED, null, null);
  }
}
