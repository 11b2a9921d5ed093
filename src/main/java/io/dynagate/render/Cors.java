package io.dynagate.render;

import io.dynagate.declaration.ApiSpec;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * CORS from {@code ApiSpec.cors}: an OPTIONS mock method per path, and the allow-origin header on
 * every answer. Every CORS header is set by the response templates through {@code
 * $context.responseOverride.header}: one origin (or {@code *}) unconditionally, several by matching
 * the request's {@code Origin} against them, since a header holds one value.
 *
 * <p>No method response declares these headers and no integration response maps them: AWS sends a
 * header set through the override whether or not the method response declares it (its recorded
 * answer to LocalStack's validated {@code
 * test_integration_mock_with_response_override_in_request_template}, a header {@code foo} on a mock
 * method whose response declares none). A declaration and a static mapping cost a route some 170
 * bytes a status, the override some 80 bytes a template.
 */
final class Cors {

  private static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
  private static final String OVERRIDE = "#set($context.responseOverride.header.";

  /** Header names, methods, origins and numbers: nothing a single-quoted VTL string must escape. */
  private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9_.:/,*-]+");

  private final ApiSpec.Cors cors;

  Cors(ApiSpec.Cors cors) {
    this.cors = cors;
  }

  /** VTL placed at the top of each response template: sets the allow-origin header. */
  String templatePrefix() {
    List<String> origins = cors.allowOrigins();
    if (origins.contains("*") || origins.size() == 1) {
      return header(ALLOW_ORIGIN, origins.contains("*") ? "*" : origins.get(0));
    }
    String allowed = String.join(",", origins.stream().map(Vtl::string).toList());
    // $h.Origin reads the map's entry "Origin" as $h.get('Origin') does
    return "#set($c=["
        + allowed
        + "])#set($h=$input.params().header)#set($o=\"$!h.Origin\")"
        // HTTP/2 clients send the name in lower case; a map that finds any case gives it once
        + "#if($o=='')#set($o=\"$!h.origin\")#end"
        + "#if($c.contains($o))"
        + OVERRIDE
        + ALLOW_ORIGIN
        + "=$o)#end";
  }

  /** The preflight method of a path whose routes answer {@code methods} (upper case). */
  Map<String, Object> optionsMethod(
      List<Map<String, Object>> pathParameters, Collection<String> methods) {
    List<String> headers =
        cors.allowHeaders() == null ? List.of("Content-Type") : cors.allowHeaders();
    StringBuilder template = new StringBuilder(templatePrefix());
    template.append(
        header(
            "Access-Control-Allow-Methods", String.join(",", new TreeSet<>(methods)) + ",OPTIONS"));
    template.append(header("Access-Control-Allow-Headers", String.join(",", headers)));
    if (cors.maxAgeSeconds() != null) {
      template.append(header("Access-Control-Max-Age", cors.maxAgeSeconds().toString()));
    }
    Map<String, Object> integration = new TreeMap<>();
    // no passthroughBehavior: an import without one sets WHEN_NO_MATCH, and a preflight has no body
    integration.put("type", "mock");
    integration.put("requestTemplates", Map.of("application/json", "{\"statusCode\": 200}"));
    integration.put(
        "responses",
        Map.of(
            "default",
            Map.of(
                "statusCode",
                "200",
                "responseTemplates",
                Map.of("application/json", template.toString()))));
    Map<String, Object> method = new TreeMap<>();
    if (!pathParameters.isEmpty()) {
      method.put("parameters", pathParameters);
    }
    method.put("responses", Map.of("200", Map.of("description", "CORS preflight")));
    method.put("x-amazon-apigateway-integration", integration);
    return method;
  }

  private static String header(String name, String value) {
    String literal = LITERAL.matcher(value).matches() ? "'" + value + "'" : Vtl.string(value);
    return OVERRIDE + name + "=" + literal + ")";
  }
}
