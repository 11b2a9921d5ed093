package io.dynagate.aws;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Sees every HTTP attempt of a client's calls: each attempt is paced (a retry spends quota as the
 * first try does) and counted. Meters: {@code dynagate_aws_calls_total{service,operation,outcome}}
 * once per logical call (outcome {@code success} or AWS's error code), {@code
 * dynagate_aws_retries_total{service,operation}} per attempt after the first, and {@code
 * dynagate_aws_throttles_total{service,operation}} per attempt answered 429 or with a throttling
 * error code.
 */
final class CallInterceptor implements ExecutionInterceptor {

  private static final ExecutionAttribute<Integer> ATTEMPTS =
      new ExecutionAttribute<>("dynagate.attempts");

  private final Pacer pacer;
  private final MeterRegistry meters;
  private final String service;

  CallInterceptor(Pacer pacer, MeterRegistry meters, String service) {
    this.pacer = pacer;
    this.meters = meters;
    this.service = service;
  }

  @Override
  public void beforeTransmission(
      Context.BeforeTransmission context, ExecutionAttributes attributes) {
    String operation = operation(attributes);
    int attempt = attributes.getOptionalAttribute(ATTEMPTS).orElse(0) + 1;
    attributes.putAttribute(ATTEMPTS, attempt);
    if (attempt > 1) {
      counter("dynagate.aws.retries", "Retried attempts of AWS calls", operation).increment();
    }
    pacer.acquire(operation);
  }

  @Override
  public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
    // API Gateway and IAM throttle with 429; DynamoDB's 400 ThrottlingException is counted when
    // the call ends (its code is in the body, not read here).
    if (context.httpResponse().statusCode() == 429) {
      throttled(operation(attributes));
    }
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    called(operation(attributes), "success");
  }

  @Override
  public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
    String operation = operation(attributes);
    Throwable failure = context.exception();
    String outcome = failure.getClass().getSimpleName();
    if (failure instanceof AwsServiceException aws) {
      if (aws.awsErrorDetails() != null && aws.awsErrorDetails().errorCode() != null) {
        outcome = aws.awsErrorDetails().errorCode();
      }
      if (aws.isThrottlingException() && aws.statusCode() != 429) {
        throttled(operation);
      }
    }
    called(operation, outcome);
  }

  private void called(String operation, String outcome) {
    meters
        .counter(
            "dynagate.aws.calls", "service", service, "operation", operation, "outcome", outcome)
        .increment();
  }

  private void throttled(String operation) {
    counter("dynagate.aws.throttles", "AWS attempts refused as throttled", operation).increment();
  }

  private Counter counter(String name, String description, String operation) {
    return Counter.builder(name)
        .description(description)
        .tag("service", service)
        .tag("operation", operation)
        .register(meters);
  }

  private static String operation(ExecutionAttributes attributes) {
    return attributes.getOptionalAttribute(SdkExecutionAttribute.OPERATION_NAME).orElse("unknown");
  }
}
