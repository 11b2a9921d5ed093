package io.dynagate.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where Dynagate's AWS calls go and how, decided once at start from {@code dynagate.mode}: the
 * adapters receive this value and never ask which mode it is.
 *
 * @param endpoints per service ({@code dynamodb}, {@code apigateway}, {@code iam}, {@code sts}),
 *     the endpoint to call; a service not named uses the SDK's own
 * @param region the region of every client; empty: the SDK's default chain
 * @param credentials where the clients' credentials come from
 * @param invokeBase the base of stage URLs on an AWS-compatible endpoint ({@code
 *     BASE/restapis/ID/STAGE/_user_request_}); empty: AWS's {@code execute-api} host names
 * @param pacing whether calls are paced to AWS's control-plane quotas, and at what time scale
 * @param localDataDir the data directory this instance owns (the embedded engines' files, secrets
 *     generated because none was configured); empty: none (secrets must be configured)
 */
public record Target(
    Map<String, URI> endpoints,
    Optional<String> region,
    Credentials credentials,
    Optional<URI> invokeBase,
    Pacing pacing,
    Optional<Path> localDataDir) {

  public Target {
    endpoints = Map.copyOf(endpoints);
  }

  /** The clients' credentials. */
  public enum Credentials {
    /** The SDK's default provider chain. */
    DEFAULT_CHAIN,
    /** Fixed local credentials, for the embedded engines that accept any. */
    LOCAL
  }

  /**
   * @param enabled whether calls are paced at all
   * @param timeScale multiplies every quota interval
   */
  public record Pacing(boolean enabled, double timeScale) {}

  public Optional<URI> endpoint(String service) {
    return Optional.ofNullable(endpoints.get(service));
  }
}
