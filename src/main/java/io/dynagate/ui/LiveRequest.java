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

  /** RFC 9110's token: what a header name may be made of. */
  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  /** Headers the HTTP connection itself owns: a caller's value would break or smuggle requests. */
  private static final Set<String> RESTRICTED =
      Set.of(
          "host",
          "content-length",
          "connection",
          "expect",
          "upgrade",
          "transfer-encoding",
          "te",
          "trailer",
          "keep-alive",
          "proxy-connection");

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
    new TreeMap<>(request.header())
        .forEach((name, value) -> checkHeader(name, value, headersTheRouteReads, violations));
    if (!violations.isEmpty()) {
      return new Result(null, violations);
    }
    String base =
        invokeUrl.endsWith("/") ? invokeUrl.substring(0, invokeUrl.length() - 1) : invokeUrl;
    URI uri = URI.create(base + path + queryString(request.query()));
    return new Result(new LiveRequest(uri, new TreeMap<>(request.header())), List.of());
  }

  record Result(LiveRequest request, List<Violation> violations) {}

  private static void checkHeader(
      String name, String value, Set<String> headersTheRouteReads, List<Violation> violations) {
    String field = "header." + name;
    String lower = name.toLowerCase(Locale.ROOT);
    if (!TOKEN.matcher(name).matches()) {
      violations.add(Violation.of(field, "is not a valid header name"));
    } else if (RESTRICTED.contains(lower)) {
      violations.add(Violation.of(field, "is set by HTTP itself and cannot be sent"));
    } else if (!headersTheRouteReads.contains(lower)) {
      violations.add(Violation.of(field, "the route reads no such header"));
    } else if (value.chars().anyMatch(c -> c != '\t' && (c < 0x20 || c == 0x7f))) {
      violations.add(Violation.of(field, "must not hold line breaks or control characters"));
    }
  }

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
