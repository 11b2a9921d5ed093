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

  public MethodSetting withMetricsEnabled(boolean enabled) {
    return new MethodSetting(
        enabled, loggingLevel, dataTraceEnabled, throttlingBurstLimit, throttlingRateLimit);
  }

  public MethodSetting withLoggingLevel(String level) {
    return new MethodSetting(
        metricsEnabled, level, dataTraceEnabled, throttlingBurstLimit, throttlingRateLimit);
  }

  public MethodSetting withDataTraceEnabled(boolean enabled) {
    return new MethodSetting(
        metricsEnabled, loggingLevel, enabled, throttlingBurstLimit, throttlingRateLimit);
  }

  public MethodSetting withThrottlingBurstLimit(int burst) {
    return new MethodSetting(
        metricsEnabled, loggingLevel, dataTraceEnabled, burst, throttlingRateLimit);
  }

  public MethodSetting withThrottlingRateLimit(double rate) {
    return new MethodSetting(
        metricsEnabled, loggingLevel, dataTraceEnabled, throttlingBurstLimit, rate);
  }
}
