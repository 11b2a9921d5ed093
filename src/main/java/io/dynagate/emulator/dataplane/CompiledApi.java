package io.dynagate.emulator.dataplane;

import io.dynagate.emulator.apigateway.model.ApiDefinition;
import io.dynagate.emulator.vtl.CompiledTemplate;
import io.dynagate.emulator.vtl.VtlEngine;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One definition made ready to run: its route tree, and its templates and selection patterns, each
 * compiled the first time a request needs it and kept as long as the definition is served.
 */
final class CompiledApi {

  private final ApiDefinition definition;
  private final RouteTree routes;
  private final VtlEngine engine;
  private final Map<String, CompiledTemplate> templates = new ConcurrentHashMap<>();
  private final Map<String, Optional<Pattern>> patterns = new ConcurrentHashMap<>();

  CompiledApi(ApiDefinition definition, VtlEngine engine) {
    this.definition = definition;
    this.routes = RouteTree.of(definition);
    this.engine = engine;
  }

  ApiDefinition definition() {
    return definition;
  }

  RouteTree routes() {
    return routes;
  }

  /** The compiled template; throws {@link io.dynagate.emulator.vtl.VtlException} if invalid. */
  CompiledTemplate template(String source) {
    CompiledTemplate compiled = templates.get(source);
    if (compiled == null) {
      compiled = engine.compile(source);
      templates.put(source, compiled);
    }
    return compiled;
  }

  /** A selection pattern as a regex; empty when it is not one (it then selects nothing). */
  Optional<Pattern> pattern(String selectionPattern) {
    return patterns.computeIfAbsent(
        selectionPattern,
        p -> {
          try {
            return Optional.of(Pattern.compile(p, Pattern.DOTALL));
          } catch (PatternSyntaxException e) {
            return Optional.empty();
          }
        });
  }
}
