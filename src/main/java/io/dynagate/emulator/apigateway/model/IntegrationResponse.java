package io.dynagate.emulator.apigateway.model;

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
    String selectionPattern,
    Map<String, String> responseParameters,
    Map<String, String> responseTemplates,
    String contentHandling) {

  public IntegrationResponse {
    responseParameters = Maps.copy(responseParameters);
    responseTemplates = Maps.copy(responseTemplates);
  }
}
