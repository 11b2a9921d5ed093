package io.dynagate.emulator.core;

/**
 * One AWS service's control plane: names each request's operation as the SDKs do, executes it
 * against the emulator's state, and shapes errors as that service does.
 */
public interface ControlPlane {

  /** The service name in the SigV4 credential scope, e.g. {@code apigateway}. */
  String service();

  /**
   * The operation a request calls, e.g. {@code PutRestApi}.
   *
   * @throws AwsError when the request names no known operation
   */
  String operation(EmulatorRequest request);

  /**
   * Executes an operation; may block (it runs on a worker thread).
   *
   * @throws AwsError for every answer that is an error on AWS
   */
  EmulatorResponse execute(String operation, EmulatorRequest request);

  /** The error in this service's wire shape. */
  EmulatorResponse error(AwsError error);
}
