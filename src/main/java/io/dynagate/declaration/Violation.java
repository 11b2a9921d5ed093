package io.dynagate.declaration;

/** One thing wrong with a declaration: the JSON path of the field and what is wrong with it. */
public record Violation(String field, String message) {

  public static Violation of(String field, String message) {
    return new Violation(field, message);
  }
}
