package io.dynagate.emulator.apigateway.model;

/**
 * A request validator as a method uses it: which parts of a request API Gateway checks before the
 * integration runs.
 *
 * @param name the validator's name in the definition
 * @param validateRequestBody whether the body must match the method's model for its content type
 * @param validateRequestParameters whether the method's required parameters must be present
 */
public record RequestValidator(
    String name, boolean validateRequestBody, boolean validateRequestParameters) {}
