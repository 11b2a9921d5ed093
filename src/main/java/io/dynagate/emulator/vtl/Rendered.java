package io.dynagate.emulator.vtl;

import java.util.Map;
import java.util.Optional;

/**
 * The output of one render: the body, and what the template asked through {@code
 * $context.responseOverride} (only meaningful for response templates).
 */
public record Rendered(String body, Optional<Integer> statusOverride, Map<String, String> headers) {
  public Rendered {
    headers = Map.copyOf(headers);
  }
}
