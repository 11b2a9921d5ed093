package io.dynagate.emulator.vtl;

import java.util.LinkedHashMap;

/**
 * {@code $context.responseOverride} and its {@code header} map. API Gateway applies an override
 * once: setting the same one twice fails the response with a 5XX, so it fails the render here.
 */
final class OverrideMap extends LinkedHashMap<String, Object> {

  private final String prefix;

  OverrideMap(String prefix) {
    this.prefix = prefix;
  }

  @Override
  public Object put(String key, Object value) {
    if (containsKey(key)) {
      throw new VtlException(prefix + key + " is overridden twice; overrides are final");
    }
    return super.put(key, value);
  }
}
