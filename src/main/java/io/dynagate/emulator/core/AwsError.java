package io.dynagate.emulator.core;

/**
 * An error a control plane answers in its service's shape: the HTTP status, the AWS error code the
 * SDKs map to an exception class (e.g. {@code NotFoundException}, {@code NoSuchEntity}) and the
 * message.
 */
public class AwsError extends RuntimeException {

  private final int status;
  private final String code;

  public AwsError(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }
}
