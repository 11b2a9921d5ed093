package io.dynagate.emulator.apigateway.model;

import com.fasterxml.jackson.annotation.JsonInclude;
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
    // AWS answers a map it was given even when empty, and none it was not given: null is "not
    // given"
    @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Boolean> responseParameters,
    @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> responseModels) {

  public MethodResponse {
    responseParameters = responseParameters == null ? null : Maps.copy(responseParameters);
    responseModels = responseModels == null ? null : Maps.copy(responseModels);
  }

  /** The response parameters, empty when none were given. */
  public Map<String, Boolean> parameters() {
    return responseParameters == null ? Map.of() : responseParameters;
  }

  /** The response models, empty when none were given. */
  public Map<String, String> models() {
    return responseModels == null ? Map.of() : responseModels;
  }
}
