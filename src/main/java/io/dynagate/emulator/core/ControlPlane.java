package io.dynagate.emulator.core;

/**
 * One AWS service's control plane: reads each request into the operation it calls (named as the
 * SDKs name it), executes it against the emulator's state, and shapes errors as that service does.
 */
public interface ControlPlane {

  /** The service name in the SigV4 credential scope, e.g. {@code apigateway}. */
  String service();

  /**
   * Reads a request; cheap, runs on the event loop.
   *
   * @throws AwsError when the request names no known operation
   */
  ServiceCall resolve(EmulatorRequest request);

  /**
   * Executes an operation; may block (it runs on a worker thread).
   *
   * @throws AwsError for every answer that is an error on AWS
   */
  EmulatorResponse execute(ServiceCall call);

  /** The error in this service's wire shape. */
  EmulatorResponse error(AwsError error);
}
