package io.dynagate.declaration;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a route reads a value from the HTTP request: {@code path.userId}, {@code query.q} or {@code
 * header.X-Tenant}. Names are restricted so that they can reach a VTL template safely.
 */
public record RequestSource(Location location, String name) {

  public enum Location {
    path,
    query,
    header
  }

  private static final Pattern FORM =
      Pattern.compile("(path|query|header)\\.([A-Za-z0-9_-]{1,128})");

  public static Optional<RequestSource> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    if (m.group(1).equals("path") && m.group(2).contains("-")) {
      return Optional.empty();
    }
    return Optional.of(new RequestSource(Location.valueOf(m.group(1)), m.group(2)));
  }

  @Override
  public String toString() {
    return location + "." + name;
  }
}
