package io.dynagate.ui;

import io.dynagate.declaration.Violation;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The call a "try it" makes: the API's invoke URL, the route's path with its parameters filled in,
 * the query string, and only the headers the route reads.
 */
record LiveRequest(URI uri, Map<String, String> headers) {

  private static final Pattern PARAM = Pattern.compile("\\{([^}/]+)}");

  /** The request, or what is missing or wrong in the parameters (fields {@code path.NAME}). */
  static Result of(
      String invokeUrl, String pathTemplate, TryRequest request, Set<String> headersTheRouteReads) {
    List<Violation> violations = new ArrayList<>();
    Matcher params = PARAM.matcher(pathTemplate);
    StringBuilder path = new StringBuilder();
    while (params.find()) {
      String name = params.group(1);
      String value = request.path().get(name);
      if (value == null || value.isEmpty()) {
        violations.add(Violation.of("path." + name, "is required"));
        value = "";
      }
      params.appendReplacement(path, Matcher.quoteReplacement(encodePathSegment(value)));
    }
    params.appendTail(path);
    request.header().keySet().stream()
        .filter(name -> !headersTheRouteReads.contains(name.toLowerCase(Locale.ROOT)))
        .forEach(
            name ->
                violations.add(Violation.of("header." + name, "the route reads no such header")));
    if (!violations.isEmpty()) {
      return new Result(null, violations);
    }
    String base =
        invokeUrl.endsWith("/") ? invokeUrl.substring(0, invokeUrl.length() - 1) : invokeUrl;
    URI uri = URI.create(base + path + queryString(request.query()));
    return new Result(new LiveRequest(uri, new TreeMap<>(request.header())), List.of());
  }

  record Result(LiveRequest request, List<Violation> violations) {}

  private static String queryString(Map<String, String> query) {
    StringBuilder out = new StringBuilder();
    new TreeMap<>(query)
        .forEach(
            (name, value) -> {
              if (value != null && !value.isEmpty()) {
                out.append(out.length() == 0 ? '?' : '&')
                    .append(encodePathSegment(name))
                    .append('=')
                    .append(encodePathSegment(value));
              }
            });
    return out.toString();
  }

  /** Percent-encodes everything but unreserved characters (URLEncoder writes a space as '+'). */
  private static String encodePathSegment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
