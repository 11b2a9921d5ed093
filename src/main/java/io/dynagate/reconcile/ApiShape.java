package io.dynagate.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The part of a REST API that decides what it answers: per {@code METHOD /path}, its integration.
 * Built from the desired OpenAPI document and from the live API alike, so that drift is a plain
 * {@code equals}.
 */
public record ApiShape(Map<String, MethodShape> methods) {

  public ApiShape {
    methods = Map.copyOf(new TreeMap<>(methods));
  }

  /**
   * @param responses selection pattern ({@code ""} for the default) to response
   */
  public record MethodShape(
      String integrationType,
      String uri,
      String credentials,
      Map<String, String> requestTemplates,
      Map<String, ResponseShape> responses) {
    public MethodShape {
      requestTemplates = requestTemplates == null ? Map.of() : Map.copyOf(requestTemplates);
      responses = responses == null ? Map.of() : Map.copyOf(responses);
    }
  }

  public record ResponseShape(String statusCode, Map<String, String> templates) {
    public ResponseShape {
      templates = templates == null ? Map.of() : Map.copyOf(templates);
    }
  }

  /** Human-readable differences, e.g. {@code GET /users/{userId}: missing}. */
  public List<String> differencesFrom(ApiShape live) {
    List<String> out = new ArrayList<>();
    methods.forEach(
        (key, desired) -> {
          MethodShape actual = live.methods().get(key);
          if (actual == null) {
            out.add(key + ": missing");
          } else if (!actual.equals(desired)) {
            out.add(key + ": integration differs");
          }
        });
    live.methods().keySet().stream()
        .filter(k -> !methods.containsKey(k))
        .forEach(k -> out.add(k + ": not declared"));
    return out;
  }
}
