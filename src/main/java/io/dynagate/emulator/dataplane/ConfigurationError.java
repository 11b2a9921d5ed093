package io.dynagate.emulator.dataplane;

/**
 * What API Gateway logs as "Execution failed due to configuration error" and answers with its 500:
 * a role it cannot assume, no matching integration response, an unsupported backend.
 */
final class ConfigurationError extends RuntimeException {
  ConfigurationError(String message) {
    super(message, null, false, false);
  }
}
