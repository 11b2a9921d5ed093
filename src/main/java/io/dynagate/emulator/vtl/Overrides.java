package io.dynagate.emulator.vtl;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One call's {@code $context.requestOverride} and {@code $context.responseOverride}: written by the
 * request template, still there for the response template, and applied to the answer at the end, as
 * API Gateway does. Not thread-safe: one per call.
 */
public final class Overrides {

  private final Map<String, Object> request = new LinkedHashMap<>();
  private final OverrideMap response = new OverrideMap("responseOverride.");
  private final OverrideMap responseHeaders = new OverrideMap("responseOverride.header.");

  public Overrides() {
    request.put("header", new LinkedHashMap<String, Object>());
    request.put("querystring", new LinkedHashMap<String, Object>());
    request.put("path", new LinkedHashMap<String, Object>());
    response.put("header", responseHeaders);
  }

  Map<String, Object> requestOverride() {
    return request;
  }

  Map<String, Object> responseOverride() {
    return response;
  }

  /** The status a template set, if any. */
  public Optional<Integer> status() {
    Object value = response.get("status");
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Integer.parseInt(String.valueOf(value).trim()));
    } catch (NumberFormatException e) {
      throw new VtlException("responseOverride.status is not a status code: " + value);
    }
  }

  /** The headers templates set, as text. */
  public Map<String, String> headers() {
    Map<String, String> out = new LinkedHashMap<>();
    responseHeaders.forEach((k, v) -> out.put(k, String.valueOf(v)));
    return out;
  }
}
