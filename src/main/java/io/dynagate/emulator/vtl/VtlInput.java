package io.dynagate.emulator.vtl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code $input} sees: the payload being mapped (the method request's body in a request
 * template, the integration's answer in a response template) and the method request's parameters,
 * which API Gateway keeps visible to response templates too. Immutable; {@link #withBody} shares
 * the parameters rather than copying them.
 */
public final class VtlInput {

  private final String body;
  private final Map<String, String> path;
  private final Map<String, String> querystring;
  private final Map<String, String> header;

  /**
   * @param body raw payload, or null/empty when there is none
   * @param path path parameters by name, in the caller's order
   * @param querystring query-string parameters by name (one value each), in the caller's order
   * @param header request headers under the names the client sent; templates find them in any case
   *     ({@code $input.params('x-tenant')} finds {@code X-Tenant}) and list them by name, as API
   *     Gateway's own {@code $input.params()} example prints {@code Accept}, {@code Host}, {@code
   *     User-Agent}
   */
  public VtlInput(
      String body,
      Map<String, String> path,
      Map<String, String> querystring,
      Map<String, String> header) {
    this.body = body;
    this.path = ordered(path);
    this.querystring = ordered(querystring);
    this.header = headers(header);
  }

  private VtlInput(String body, VtlInput parameters) {
    this.body = body;
    this.path = parameters.path;
    this.querystring = parameters.querystring;
    this.header = parameters.header;
  }

  /** Keeps the caller's order: templates that print or iterate these maps see it. */
  private static Map<String, String> ordered(Map<String, String> params) {
    return params == null || params.isEmpty()
        ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  private static Map<String, String> headers(Map<String, String> params) {
    Map<String, String> names = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (params != null) {
      params.forEach(names::putIfAbsent);
    }
    return Collections.unmodifiableMap(names);
  }

  public static VtlInput body(String body) {
    return new VtlInput(body, Map.of(), Map.of(), Map.of());
  }

  /** The same parameters with another payload (the integration's answer). */
  public VtlInput withBody(String newBody) {
    return new VtlInput(newBody, this);
  }

  public String body() {
    return body;
  }

  public Map<String, String> path() {
    return path;
  }

  public Map<String, String> querystring() {
    return querystring;
  }

  public Map<String, String> header() {
    return header;
  }
}
