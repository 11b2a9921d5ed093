package io.dynagate.emulator.vtl;

import java.util.Map;

/**
 * The JSONPaths templates write most, {@code $} and {@code $.Item.name.S}, read by walking the
 * parsed objects: what Jayway answers for them with exceptions suppressed, without its per-step
 * path bookkeeping. Any other form (brackets, wildcards, filters, functions, deep scans, names
 * outside {@code [A-Za-z0-9_]}) goes to Jayway.
 */
final class PropertyPath {

  private PropertyPath() {}

  /** Whether {@code path} is {@code $} or {@code $} followed by {@code .name} steps. */
  static boolean covers(String path) {
    if (path.equals("$")) {
      return true;
    }
    if (!path.startsWith("$.")) {
      return false;
    }
    boolean named = false;
    for (int i = 2; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '.') {
        if (!named) {
          return false;
        }
        named = false;
      } else if (isNameChar(c)) {
        named = true;
      } else {
        return false;
      }
    }
    return named;
  }

  private static boolean isNameChar(char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  /**
   * The value at a covered path; null where Jayway finds nothing (a missing name, or a step into
   * something that is not an object).
   */
  static Object read(Object document, String path) {
    Object current = document;
    int start = 2;
    while (start <= path.length()) {
      int end = path.indexOf('.', start);
      if (end < 0) {
        end = path.length();
      }
      if (!(current instanceof Map<?, ?> object)) {
        return null;
      }
      String name = path.substring(start, end);
      if (!object.containsKey(name)) {
        return null;
      }
      current = object.get(name);
      start = end + 1;
    }
    return current;
  }
}
