package io.dynagate.emulator.apigateway.model;

import java.time.Instant;
import java.util.Map;

/**
 * An API key: what a caller sends in {@code x-api-key} to a method that requires one.
 *
 * @param id 10 lower-case alphanumerics
 * @param value the key itself (20 to 128 characters)
 * @param name the name
 * @param description optional
 * @param customerId optional, for AWS Marketplace
 * @param enabled whether callers may use it; {@code CreateApiKey} leaves it disabled unless asked
 * @param createdDate when created
 * @param lastUpdatedDate when last changed
 * @param tags tags
 */
public record ApiKey(
    String id,
    String value,
    String name,
    String description,
    String customerId,
    boolean enabled,
    Instant createdDate,
    Instant lastUpdatedDate,
    Map<String, String> tags) {

  public ApiKey {
    tags = Maps.copy(tags);
  }

  public ApiKey with(
      String nextName, String nextDescription, String nextCustomer, boolean nextEnabled) {
    return new ApiKey(
        id,
        value,
        nextName,
        nextDescription,
        nextCustomer,
        nextEnabled,
        createdDate,
        Instant.now(),
        tags);
  }

  public ApiKey withTags(Map<String, String> next) {
    return new ApiKey(
        id, value, name, description, customerId, enabled, createdDate, lastUpdatedDate, next);
  }
}
