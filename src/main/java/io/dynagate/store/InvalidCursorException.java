package io.dynagate.store;

/** A list cursor that this service did not give out. */
public class InvalidCursorException extends RuntimeException {
  public InvalidCursorException() {
    super("cursor is not one this service gave out");
  }
}
