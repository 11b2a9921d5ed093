package io.dynagate.render;

import io.dynagate.declaration.ApiSpec;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * CORS from {@code ApiSpec.cors}: an OPTIONS mock method per path, and the allow-origin header on
 * every answer. One origin (or {@code *}) is a static header; several are matched against the
 * request's {@code Origin} in the response template, since a static header holds one value.
 */
final class Cors {

  static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
  private static final String HEADER = "method.response.header.";

  private final ApiSpec.Cors cors;

  Cors(ApiSpec.Cors cors) {
    this.cors = cors;
  }

  private boolean isStatic() {
    return cors.allowOrigins().size() == 1 || cors.allowOrigins().contains("*");
  }

  /**
   * Whether method responses declare the allow-origin header: only when it is static, since a
   * static value is a response parameter and AWS maps those to declared headers only. A header set
   * through {@code $context.responseOverride} needs no declaration: AWS sends it all the same (its
   * recorded answer to LocalStack's validated {@code
   * test_integration_mock_with_response_override_in_request_template}, a header {@code foo} on a
   * method response that declares none), and each declaration costs a route some 70 bytes a status.
   */
  boolean declaresOrigin() {
    return isStatic();
  }

  /** Response parameters of every integration response: the origin, when it is static. */
  Map<String, String> originParameter() {
    if (!isStatic()) {
      return Map.of();
    }
    String origin = cors.allowOrigins().contains("*") ? "*" : cors.allowOrigins().get(0);
    return Map.of(HEADER + ALLOW_ORIGIN, quoted(origin));
  }

  /** VTL placed at the top of each response template when origins are several. */
  String templatePrefix() {
    if (isStatic()) {
      return "";
    }
    String origins = String.join(",", cors.allowOrigins().stream().map(Vtl::string).toList());
    // $h.Origin reads the map's entry "Origin" as $h.get('Origin') does
    return "#set($c=["
        + origins
        + "])#set($h=$input.params().header)#set($o=\"$!h.Origin\")"
        // HTTP/2 clients send the name in lower case; a map that finds any case gives it once
        + "#if($o=='')#set($o=\"$!h.origin\")#end"
        + "#if($c.contains($o))#set($context.responseOverride.header."
        + ALLOW_ORIGIN
        + "=$o)#end";
  }

  /** The preflight method of a path whose routes answer {@code methods} (upper case). */
  Map<String, Object> optionsMethod(
      List<Map<String, Object>> pathParameters, Collection<String> methods) {
    Map<String, String> parameters = new TreeMap<>(originParameter());
    String allowed = String.join(",", new TreeSet<>(methods)) + ",OPTIONS";
    parameters.put(HEADER + "Access-Control-Allow-Methods", quoted(allowed));
    List<String> headers =
        cors.allowHeaders() == null ? List.of("Content-Type") : cors.allowHeaders();
    parameters.put(HEADER + "Access-Control-Allow-Headers", quoted(String.join(",", headers)));
    if (cors.maxAgeSeconds() != null) {
      parameters.put(HEADER + "Access-Control-Max-Age", quoted(cors.maxAgeSeconds().toString()));
    }
    Map<String, Object> responseHeaders = new TreeMap<>();
    parameters.keySet().stream()
        .map(p -> p.substring(HEADER.length()))
        .forEach(h -> responseHeaders.put(h, Map.of("schema", Map.of("type", "string"))));
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
                "responseParameters",
                parameters,
                "responseTemplates",
                Map.of("application/json", templatePrefix()))));
    Map<String, Object> method = new TreeMap<>();
    if (!pathParameters.isEmpty()) {
      method.put("parameters", pathParameters);
    }
    method.put(
        "responses",
        Map.of("200", Map.of("description", "CORS preflight", "headers", responseHeaders)));
    method.put("x-amazon-apigateway-integration", integration);
    return method;
  }

  private static String quoted(String value) {
    // Static values in responseParameters are single-quoted; declarations exclude quotes.
    return "'" + value + "'";
  }
}
