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
  private final String requestId;

  public AwsFailure(Kind kind, String operation, String message, Throwable cause) {
    this(kind, operation, message, null, cause);
  }

  /**
   * @param requestId AWS's id of the failed request (for support and logs), null when none came
   */
  public AwsFailure(
      Kind kind, String operation, String message, String requestId, Throwable cause) {
    super(operation + ": " + message, cause);
    this.kind = kind;
    this.operation = operation;
    this.requestId = requestId;
  }

  public Kind kind() {
    return kind;
  }

  public String operation() {
    return operation;
  }

  public String requestId() {
    return requestId;
  }
}
