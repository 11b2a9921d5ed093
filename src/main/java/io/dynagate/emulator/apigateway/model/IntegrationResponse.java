package io.dynagate.emulator.apigateway.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * How an integration's answer becomes the method's: chosen by {@code selectionPattern} (a regex on
 * the backend's status for {@code AWS} integrations; null or empty is the default).
 *
 * @param statusCode the method response status this selects
 * @param selectionPattern the regex, or null for the default response
 * @param responseParameters e.g. {@code method.response.header.X} to {@code 'value'}
 * @param responseTemplates VTL by content type, kept byte for byte
 * @param contentHandling {@code CONVERT_TO_TEXT}, {@code CONVERT_TO_BINARY} or null
 */
public record IntegrationResponse(
    String statusCode,
    // AWS keeps an empty pattern (the default response) and templates without a body as null
    @JsonInclude(JsonInclude.Include.NON_NULL) String selectionPattern,
    Map<String, String> responseParameters,
    // null when not given; given empty, AWS answers it empty
    @JsonInclude(value = JsonInclude.Include.NON_NULL, content = JsonInclude.Include.ALWAYS)
        Map<String, String> responseTemplates,
    String contentHandling) {

  public IntegrationResponse {
    responseParameters = Maps.copy(responseParameters);
    responseTemplates = responseTemplates == null ? null : Maps.texts(responseTemplates);
  }

  /** The templates by content type, empty when none were given. */
  public Map<String, String> templates() {
    return responseTemplates == null ? Map.of() : responseTemplates;
  }
}
