package io.dynagate.ui;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * A "try it" call of one route: the values of its path parameters, query string and headers.
 *
 * @param api the API's name
 * @param route the route's name
 * @param body the JSON body a write route is sent, or null
 */
public record TryRequest(
    String api,
    String route,
    Map<String, String> path,
    Map<String, String> query,
    Map<String, String> header,
    String body) {

  public TryRequest {
    path = withoutNulls(path);
    query = withoutNulls(query);
    header = withoutNulls(header);
  }

  /** A call without a body (a read). */
  public TryRequest(
      String api,
      String route,
      Map<String, String> path,
      Map<String, String> query,
      Map<String, String> header) {
    this(api, route, path, query, header, null);
  }

  private static Map<String, String> withoutNulls(Map<String, String> values) {
    if (values == null) {
      return Map.of();
    }
    return values.entrySet().stream()
        .filter(e -> e.getKey() != null && e.getValue() != null)
        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
  }
}
