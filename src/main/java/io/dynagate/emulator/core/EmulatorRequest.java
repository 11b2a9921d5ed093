package io.dynagate.emulator.core;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP request to the emulator, read whole.
 *
 * @param method the HTTP method, upper case
 * @param rawPath the path as sent, still percent-encoded (an ARN in a path keeps its slashes
 *     encoded)
 * @param query query parameters, decoded, in order of appearance
 * @param headers headers (first value each) under the names the client sent; the emulator's own
 *     server gives a map that finds a name in any case, and {@link #header} finds one either way
 * @param body the payload, empty when none
 * @param fromLoopback whether the caller connected from this machine's loopback interface (calls
 *     the emulator makes to itself, e.g. the data plane's DynamoDB hop, count as local)
 */
public record EmulatorRequest(
    String method,
    String rawPath,
    Map<String, List<String>> query,
    Map<String, String> headers,
    byte[] body,
    boolean fromLoopback) {

  /** A request the emulator makes to itself. */
  public EmulatorRequest(
      String method,
      String rawPath,
      Map<String, List<String>> query,
      Map<String, String> headers,
      byte[] body) {
    this(method, rawPath, query, headers, body, true);
  }

  /** The path's segments, each percent-decoded, without empty ones. */
  public List<String> segments() {
    List<String> segments = new ArrayList<>();
    for (String raw : rawPath.split("/")) {
      if (!raw.isEmpty()) {
        segments.add(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
      }
    }
    return segments;
  }

  /** First value of a query parameter, or null. */
  public String queryParam(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** Every value of a query parameter (repeated parameters such as {@code tagKeys}). */
  public List<String> queryParams(String name) {
    return query.getOrDefault(name, List.of());
  }

  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
