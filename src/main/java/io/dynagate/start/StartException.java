package io.dynagate.start;

/** The service cannot start; its message is the one line a user needs to fix it. */
public class StartException extends RuntimeException {
  public StartException(String message) {
    super(message);
  }

  public StartException(String message, Throwable cause) {
    super(message, cause);
  }
}
