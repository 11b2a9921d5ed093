package io.dynagate.emulator.vtl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code $input} sees: the payload being mapped (the method request's body in a request
 * template, the integration's answer in a response template) and the method request's parameters,
 * which API Gateway keeps visible to response templates too.
 *
 * @param body raw payload, or null/empty when there is none
 * @param path path parameters by name
 * @param querystring query-string parameters by name (one value each)
 * @param header request headers by name, as the client spelled them
 */
public record VtlInput(
    String body,
    Map<String, String> path,
    Map<String, String> querystring,
    Map<String, String> header) {

  public VtlInput {
    path = ordered(path);
    querystring = ordered(querystring);
    header = ordered(header);
  }

  /** Keeps the caller's order: templates that print or iterate these maps see it. */
  private static Map<String, String> ordered(Map<String, String> params) {
    return params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  public static VtlInput body(String body) {
    return new VtlInput(body, Map.of(), Map.of(), Map.of());
  }

  public VtlInput withBody(String newBody) {
    return new VtlInput(newBody, path, querystring, header);
  }
}
