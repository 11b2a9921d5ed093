package io.dynagate.emulator.vtl;

/**
 * What a missing JSON path or a JSON {@code null} evaluates to. On API Gateway such a value renders
 * as nothing and compares equal both to {@code $null} and to {@code ""}. Velocity's duck typing
 * gives exactly that: {@code getAsString()} makes it render and compare as {@code ""}, a null
 * {@code getAsNumber()} makes {@code == $null} true, {@code getAsBoolean()} makes {@code #if}
 * false.
 */
public final class Absent {

  public static final Absent VALUE = new Absent();

  private Absent() {}

  public String getAsString() {
    return "";
  }

  public Number getAsNumber() {
    return null;
  }

  public boolean getAsBoolean() {
    return false;
  }

  @Override
  public String toString() {
    return "";
  }
}
