package io.dynagate.reconcile;

/** What a dependent decided, or did, for its resource. */
public enum Outcome {
  CREATED,
  UPDATED,
  /** It matched the desired state: nothing to do. */
  UNCHANGED,
  /** Something the pass must not touch stands in the way: nothing at all is applied. */
  BLOCKED,
  DELETED
}
