package io.dynagate.render;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dynagate.emulator.vtl.Rendered;
import io.dynagate.emulator.vtl.RequestContext;
import io.dynagate.emulator.vtl.VtlEngine;
import io.dynagate.emulator.vtl.VtlInput;
import java.util.Map;

/** Runs generated templates on the emulator's VTL engine and reads their JSON. */
final class Run {

  static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final VtlEngine ENGINE = new VtlEngine();

  private Run() {}

  static Rendered render(String template, VtlInput input) {
    return ENGINE.compile(template).render(input, RequestContext.sample("req-42"));
  }

  static Rendered request(
      String template,
      Map<String, String> path,
      Map<String, String> query,
      Map<String, String> header) {
    return render(template, new VtlInput(null, path, query, header));
  }

  static String render(io.dynagate.emulator.vtl.CompiledTemplate template, VtlInput input) {
    return template.render(input, RequestContext.sample("req-42")).body();
  }

  /** Parses strictly: one JSON value, nothing after it. */
  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new AssertionError("not valid JSON: " + e.getMessage() + "\n" + text, e);
    }
  }
}
