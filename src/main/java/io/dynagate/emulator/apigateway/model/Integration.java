package io.dynagate.emulator.apigateway.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * What a method calls: for {@code AWS} integrations a service action such as {@code
 * arn:aws:apigateway:us-east-1:dynamodb:action/GetItem}, called as the {@code credentials} role.
 *
 * @param type {@code AWS}, {@code MOCK}, {@code HTTP}, {@code AWS_PROXY} or {@code HTTP_PROXY}
 * @param httpMethod the method used to call the backend
 * @param uri the backend
 * @param credentials the role ARN API Gateway assumes, or null
 * @param requestParameters e.g. {@code integration.request.header.X} to {@code
 *     method.request.path.id}
 * @param requestTemplates VTL by content type, kept byte for byte
 * @param passthroughBehavior {@code WHEN_NO_MATCH}, {@code WHEN_NO_TEMPLATES} or {@code NEVER}
 * @param contentHandling {@code CONVERT_TO_TEXT}, {@code CONVERT_TO_BINARY} or null
 * @param timeoutInMillis the backend timeout
 * @param cacheNamespace cache namespace, or null
 * @param cacheKeyParameters cache key parameters
 * @param integrationResponses by status code
 */
@JsonIgnoreProperties(value = "connectionType", allowGetters = true)
public record Integration(
    String type,
    String httpMethod,
    String uri,
    String credentials,
    Map<String, String> requestParameters,
    Map<String, String> requestTemplates,
    String passthroughBehavior,
    String contentHandling,
    Integer timeoutInMillis,
    String cacheNamespace,
    // AWS answers the empty list rather than leaving it out
    @JsonInclude(JsonInclude.Include.ALWAYS) List<String> cacheKeyParameters,
    Map<String, IntegrationResponse> integrationResponses) {

  public Integration {
    requestParameters = Maps.copy(requestParameters);
    requestTemplates = Maps.texts(requestTemplates);
    cacheKeyParameters = Maps.list(cacheKeyParameters);
    integrationResponses = Maps.copy(integrationResponses);
  }

  /** How AWS reaches an HTTP backend: over the internet unless a VPC link is named. */
  @JsonProperty("connectionType")
  public String connectionType() {
    return type != null && type.startsWith("HTTP") ? "INTERNET" : null;
  }

  public Integration withResponse(IntegrationResponse response) {
    return withResponses(Maps.with(integrationResponses, response.statusCode(), response));
  }

  public Integration withoutResponse(String statusCode) {
    return withResponses(Maps.without(integrationResponses, statusCode));
  }

  /** This integration without method and URI, as AWS keeps a mock. */
  public Integration withoutTarget() {
    return new Integration(
        type,
        null,
        null,
        credentials,
        requestParameters,
        requestTemplates,
        passthroughBehavior,
        contentHandling,
        timeoutInMillis,
        cacheNamespace,
        cacheKeyParameters,
        integrationResponses);
  }

  public Integration withCacheNamespace(String namespace) {
    return new Integration(
        type,
        httpMethod,
        uri,
        credentials,
        requestParameters,
        requestTemplates,
        passthroughBehavior,
        contentHandling,
        timeoutInMillis,
        namespace,
        cacheKeyParameters,
        integrationResponses);
  }

  private Integration withResponses(Map<String, IntegrationResponse> responses) {
    return new Integration(
        type,
        httpMethod,
        uri,
        credentials,
        requestParameters,
        requestTemplates,
        passthroughBehavior,
        contentHandling,
        timeoutInMillis,
        cacheNamespace,
        cacheKeyParameters,
        responses);
  }
}
