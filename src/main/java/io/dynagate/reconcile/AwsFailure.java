package io.dynagate.reconcile;

/**
 * A failed AWS call as the reconciler sees it, whatever the SDK: the adapters in {@code aws}
 * translate their exceptions into these kinds, and retry and status decisions use only them.
 */
public class AwsFailure extends RuntimeException {

  /** What kind of failure, which decides between retrying and reporting. */
  public enum Kind {
    /** Over a quota (429 / TooManyRequests / Throttling): retry after a backoff. */
    THROTTLED,
    /** 5xx: retry after a backoff. */
    UNAVAILABLE,
    /** The resource does not exist. */
    NOT_FOUND,
    /** The resource exists already, or is in use. */
    CONFLICT,
    /** A 4xx validation error: terminal, shown in status with AWS's text. */
    INVALID,
    /** Not allowed (403 / AccessDenied). */
    DENIED
  }

  private final Kind kind;
  private final String operation;

  public AwsFailure(Kind kind, String operation, String message, Throwable cause) {
    super(operation + ": " + message, cause);
    this.kind = kind;
    this.operation = operation;
  }

  public Kind kind() {
    return kind;
  }

  public String operation() {
    return operation;
  }

  public boolean retryable() {
    return kind == Kind.THROTTLED || kind == Kind.UNAVAILABLE;
  }
}
