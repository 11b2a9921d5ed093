package io.dynagate.emulator.vtl;

/**
 * The {@code $context} variables a template can read. {@code responseOverride} is not here: it is
 * written by the template and read back from {@link Rendered}.
 */
public record RequestContext(
    String requestId,
    String accountId,
    String apiId,
    String stage,
    String resourceId,
    String resourcePath,
    String httpMethod,
    String path,
    String sourceIp,
    String userAgent,
    String requestTime,
    long requestTimeEpoch,
    String domainName) {

  /** A context with placeholder values, for tests and {@code TestInvokeMethod}-like calls. */
  public static RequestContext sample(String requestId) {
    return new RequestContext(
        requestId,
        "123456789012",
        "a1b2c3d4e5",
        "dev",
        "res123",
        "/",
        "GET",
        "/dev/",
        "127.0.0.1",
        "test",
        "01/Jan/2026:00:00:00 +0000",
        1767225600000L,
        "localhost");
  }
}
