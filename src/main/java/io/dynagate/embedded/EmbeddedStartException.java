package io.dynagate.embedded;

/** The embedded engines cannot start; its message is the one line a user needs to fix it. */
public class EmbeddedStartException extends RuntimeException {
  public EmbeddedStartException(String message) {
    super(message);
  }

  public EmbeddedStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
