package io.dynagate.emulator.apigateway.model;

import java.util.Map;

/**
 * A status a method may answer.
 *
 * @param statusCode e.g. {@code 200}
 * @param responseParameters e.g. {@code method.response.header.X} to whether it is required
 * @param responseModels model names by content type
 */
public record MethodResponse(
    String statusCode,
    Map<String, Boolean> responseParameters,
    Map<String, String> responseModels) {

  public MethodResponse {
    responseParameters = Maps.copy(responseParameters);
    responseModels = Maps.copy(responseModels);
  }
}
