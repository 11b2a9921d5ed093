package io.dynagate.store;

/** A conditional write lost: the declaration changed (or appeared, or vanished) meanwhile. */
public class VersionConflictException extends RuntimeException {
  public VersionConflictException(String message) {
    super(message);
  }
}
