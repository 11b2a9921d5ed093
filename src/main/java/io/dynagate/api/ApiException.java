package io.dynagate.api;

import io.dynagate.declaration.Violation;
import java.util.List;

/** A request that cannot be served, with the problem to answer. */
public class ApiException extends RuntimeException {

  private final transient Problem problem;

  private ApiException(Problem problem) {
    super(problem.detail());
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }

  public static ApiException invalid(List<Violation> violations) {
    return new ApiException(Problem.invalid(violations));
  }

  public static ApiException badRequest(String detail) {
    return new ApiException(Problem.of(400, "Bad request", detail));
  }

  public static ApiException notFound(String detail) {
    return new ApiException(Problem.of(404, "Not found", detail));
  }

  public static ApiException conflict(String detail) {
    return new ApiException(Problem.of(409, "Conflict", detail));
  }

  public static ApiException preconditionFailed(String detail) {
    return new ApiException(Problem.of(412, "Precondition failed", detail));
  }

  public static ApiException forbidden(String detail) {
    return new ApiException(Problem.of(403, "Forbidden", detail));
  }

  public static ApiException of(int status, String title, String detail) {
    return new ApiException(Problem.of(status, title, detail));
  }
}
