package io.dynagate.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dynagate.declaration.Violation;
import java.util.List;

/** An RFC 9457 problem answer ({@code application/problem+json}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type, String title, int status, String detail, List<Violation> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  public static Problem of(int status, String title, String detail) {
    return new Problem("about:blank", title, status, detail, null);
  }

  public static Problem invalid(List<Violation> errors) {
    return new Problem(
        "https://dynagate.io/problems/invalid-declaration",
        "Invalid declaration",
        400,
        errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid",
        errors);
  }
}
