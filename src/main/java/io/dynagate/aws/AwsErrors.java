package io.dynagate.aws;

import io.dynagate.reconcile.AwsFailure;
import io.dynagate.reconcile.AwsFailure.Kind;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** Translates SDK exceptions into {@link AwsFailure}s, the only failures the reconciler knows. */
final class AwsErrors {

  private static final Set<String> THROTTLING =
      Set.of(
          "TooManyRequestsException",
          "ThrottlingException",
          "Throttling",
          "ProvisionedThroughputExceededException",
          "RequestLimitExceeded",
          "LimitExceededException");
  private static final Set<String> NOT_FOUND =
      Set.of("NotFoundException", "NoSuchEntity", "ResourceNotFoundException");
  private static final Set<String> CONFLICT =
      Set.of(
          "ConflictException", "EntityAlreadyExists", "ResourceInUseException", "DeleteConflict");
  private static final Set<String> DENIED =
      Set.of(
          "AccessDeniedException",
          "AccessDenied",
          "UnauthorizedException",
          "UnrecognizedClientException");

  private AwsErrors() {}

  static <T> T call(String operation, Supplier<T> call) {
    try {
      return call.get();
    } catch (SdkException e) {
      throw translate(operation, e);
    }
  }

  static void run(String operation, Runnable call) {
    call(
        operation,
        () -> {
          call.run();
          return null;
        });
  }

  static AwsFailure translate(String operation, SdkException e) {
    if (e instanceof AwsServiceException service) {
      String code = service.awsErrorDetails() == null ? "" : service.awsErrorDetails().errorCode();
      String message =
          service.awsErrorDetails() == null
              ? e.getMessage()
              : service.awsErrorDetails().errorMessage();
      return new AwsFailure(
          kind(code, service.statusCode()),
          operation,
          code + ": " + message,
          service.requestId(),
          e);
    }
    return new AwsFailure(Kind.UNAVAILABLE, operation, e.getMessage(), e);
  }

  private static Kind kind(String code, int status) {
    if (THROTTLING.contains(code) || status == 429) {
      return Kind.THROTTLED;
    }
    if (NOT_FOUND.contains(code) || status == 404) {
      return Kind.NOT_FOUND;
    }
    if (CONFLICT.contains(code) || status == 409) {
      return Kind.CONFLICT;
    }
    if (DENIED.contains(code) || status == 403) {
      return Kind.DENIED;
    }
    return status >= 500 ? Kind.UNAVAILABLE : Kind.INVALID;
  }
}
