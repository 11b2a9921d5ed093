package io.dynagate.emulator.vtl;

/**
 * A template that does not parse, or fails while rendering; API Gateway answers such a failure with
 * 500 {@code {"message": "Internal server error"}}.
 */
public class VtlException extends RuntimeException {
  public VtlException(String message, Throwable cause) {
    super(message, cause);
  }

  public VtlException(String message) {
    super(message);
  }
}
