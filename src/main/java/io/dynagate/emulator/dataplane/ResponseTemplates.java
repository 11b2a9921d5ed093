package io.dynagate.emulator.dataplane;

import io.dynagate.emulator.apigateway.model.IntegrationResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** Choosing an integration response's template, and its response parameters. */
final class ResponseTemplates {

  private static final String HEADER = "method.response.header.";

  private ResponseTemplates() {}

  /**
   * The template for the client's {@code Accept}: the first listed type that has one, else {@code
   * application/json}'s, else the first; null when the response has none (the body passes).
   */
  static Map.Entry<String, String> choose(IntegrationResponse response, String accept) {
    Map<String, String> templates = response.templates();
    // Map.of's containsValue(null) throws, so look for the null by hand
    if (templates.values().stream().anyMatch(Objects::isNull)) {
      // a type mapped to no template (AWS shows it as null) passes the body like an absent one
      templates = new LinkedHashMap<>(templates);
      templates.values().removeIf(Objects::isNull);
    }
    if (templates.isEmpty()) {
      return null;
    }
    if (accept != null) {
      for (String type : accept.split(",")) {
        String bare = type.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (templates.containsKey(bare)) {
          return Map.entry(bare, templates.get(bare));
        }
      }
    }
    if (templates.containsKey("application/json")) {
      return Map.entry("application/json", templates.get("application/json"));
    }
    return templates.entrySet().iterator().next();
  }

  /**
   * Applies {@code method.response.header.X} mappings: a {@code 'literal'}, {@code
   * integration.response.header.Y}, {@code integration.response.body}, or a method request
   * parameter ({@code method.request.path|querystring|header.Z}). A value that cannot be resolved
   * sets nothing.
   */
  static void parameters(
      Map<String, String> headers,
      IntegrationResponse chosen,
      Invocation call,
      Backends.Answer answer) {
    for (var parameter : chosen.responseParameters().entrySet()) {
      if (!parameter.getKey().startsWith(HEADER)) {
        continue;
      }
      String value = resolve(parameter.getValue(), call, answer);
      if (value != null) {
        set(headers, parameter.getKey().substring(HEADER.length()), value);
      }
    }
  }

  private static String resolve(String expression, Invocation call, Backends.Answer answer) {
    if (expression.length() >= 2 && expression.startsWith("'") && expression.endsWith("'")) {
      return expression.substring(1, expression.length() - 1);
    }
    if (expression.equals("integration.response.body")) {
      return answer.body();
    }
    if (expression.startsWith("integration.response.header.")) {
      return header(
          answer.headers(), expression.substring("integration.response.header.".length()));
    }
    if (expression.startsWith("method.request.path.")) {
      return call.input().path().get(expression.substring("method.request.path.".length()));
    }
    if (expression.startsWith("method.request.querystring.")) {
      return call.input()
          .querystring()
          .get(expression.substring("method.request.querystring.".length()));
    }
    if (expression.startsWith("method.request.header.")) {
      return header(call.input().header(), expression.substring("method.request.header.".length()));
    }
    return null;
  }

  private static String header(Map<String, String> headers, String name) {
    for (var header : headers.entrySet()) {
      if (header.getKey().equalsIgnoreCase(name)) {
        return header.getValue();
      }
    }
    return null;
  }

  /** Sets a header, replacing one of the same name in any case. */
  static void set(Map<String, String> headers, String name, String value) {
    headers.keySet().removeIf(name::equalsIgnoreCase);
    headers.put(name, value);
  }
}
