package io.dynagate.aws;

import java.time.Duration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;

/**
 * The one retry layer of every AWS call: the SDK's standard strategy (TooManyRequests, throttling
 * codes, 5xx and I/O failures), with full-jitter exponential backoff so that many reconcilers
 * retrying together spread out, and IAM's propagation delay as one more retryable condition.
 */
final class Retries {

  /** Attempts per call, the first one included. */
  static final int MAX_ATTEMPTS = 10;

  private Retries() {}

  static RetryStrategy strategy() {
    return AwsRetryStrategy.standardRetryStrategy().toBuilder()
        .maxAttempts(MAX_ATTEMPTS)
        .backoffStrategy(
            BackoffStrategy.exponentialDelay(Duration.ofMillis(200), Duration.ofSeconds(10)))
        .throttlingBackoffStrategy(
            BackoffStrategy.exponentialDelay(Duration.ofMillis(500), Duration.ofSeconds(10)))
        // A quota of retries per client would turn a burst of injected faults into failures that
        // a later attempt would have survived; the attempt bound is enough.
        .circuitBreakerEnabled(false)
        .retryOnException(Retries::rolePropagating)
        .build();
  }

  /**
   * IAM is eventually consistent: for seconds after CreateRole, API Gateway refuses a definition or
   * a deployment naming the role because it cannot assume it yet.
   */
  static boolean rolePropagating(Throwable failure) {
    return failure instanceof BadRequestException badRequest
        && badRequest.getMessage() != null
        && badRequest.getMessage().contains("assume the provided role");
  }
}
