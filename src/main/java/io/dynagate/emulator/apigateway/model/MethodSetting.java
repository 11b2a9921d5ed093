package io.dynagate.emulator.apigateway.model;

/**
 * A stage's settings for one method or for all ({@code *}/{@code *}).
 *
 * @param metricsEnabled CloudWatch metrics
 * @param loggingLevel {@code OFF}, {@code ERROR} or {@code INFO}
 * @param dataTraceEnabled full request/response logging
 * @param throttlingBurstLimit burst, or null when the account default applies
 * @param throttlingRateLimit requests per second, or null when the account default applies
 */
public record MethodSetting(
    Boolean metricsEnabled,
    String loggingLevel,
    Boolean dataTraceEnabled,
    Integer throttlingBurstLimit,
    Double throttlingRateLimit) {

  public static MethodSetting defaults() {
    return new MethodSetting(false, "OFF", false, null, null);
  }
}
