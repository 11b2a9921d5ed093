package io.dynagate.declaration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A route path such as {@code /users/{userId}}: literal segments and {@code {param}} segments. */
public record PathTemplate(String text, List<String> segments) {

  /** The parsed template, or the reason it is not one. */
  public static Result parse(String text) {
    if (text == null || text.isEmpty()) {
      return Result.error("is required, e.g. /users/{userId}");
    }
    if (!text.startsWith("/") || text.length() > 1024) {
      return Result.error("must start with / (at most 1,024 characters)");
    }
    if (text.equals("/")) {
      return Result.ok(new PathTemplate(text, List.of()));
    }
    String[] parts = text.substring(1).split("/", -1);
    List<String> segments = new ArrayList<>();
    for (int i = 0; i < parts.length; i++) {
      String segment = parts[i];
      if (segment.isEmpty()) {
        return Result.error("must not have empty segments (// or a trailing /)");
      }
      if (segment.equals(".") || segment.equals("..")) {
        return Result.error("must not have '.' or '..' segments");
      }
      if (segment.startsWith("{") && segment.endsWith("}")) {
        String param = segment.substring(1, segment.length() - 1);
        Optional<String> error = checkParameter(param, segments, i == parts.length - 1);
        if (error.isPresent()) {
          return Result.error(error.get());
        }
      } else if (!Names.PATH_LITERAL.matcher(segment).matches()) {
        return Result.error("segment '" + segment + "' has characters API Gateway does not allow");
      }
      segments.add(segment);
    }
    return Result.ok(new PathTemplate(text, List.copyOf(segments)));
  }

  private static Optional<String> checkParameter(String param, List<String> before, boolean last) {
    if (param.endsWith("+")) {
      return Optional.of(
          last
              ? "greedy parameters such as {" + param + "} are not supported"
              : "nothing may follow the greedy {"
                  + param
                  + "}: API Gateway has no resource under it");
    }
    if (!Names.PATH_PARAM.matcher(param).matches()) {
      return Optional.of("parameter {" + param + "} must be letters, digits and _");
    }
    if (before.contains("{" + param + "}")) {
      return Optional.of("parameter {" + param + "} appears twice");
    }
    return Optional.empty();
  }

  public List<String> parameters() {
    return segments.stream()
        .filter(s -> s.startsWith("{"))
        .map(s -> s.substring(1, s.length() - 1))
        .toList();
  }

  /**
   * The path as API Gateway matches it: every variable part is {@code {}}, whatever its name, so
   * {@code /users/{id}} and {@code /users/{userId}} have one shape.
   */
  public String shape() {
    return shape(segments.size());
  }

  /**
   * The variable parts, by the shape of the path up to and including each: API Gateway allows one
   * variable part per level, so two paths of one API must agree on the name at each such shape.
   */
  public Map<String, String> variableParts() {
    Map<String, String> parts = new LinkedHashMap<>();
    for (int i = 0; i < segments.size(); i++) {
      String segment = segments.get(i);
      if (segment.startsWith("{")) {
        parts.put(shape(i + 1), segment.substring(1, segment.length() - 1));
      }
    }
    return parts;
  }

  private String shape(int length) {
    StringBuilder out = new StringBuilder();
    for (String segment : segments.subList(0, length)) {
      out.append('/').append(segment.startsWith("{") ? "{}" : segment);
    }
    return out.length() == 0 ? "/" : out.toString();
  }

  public record Result(Optional<PathTemplate> template, String error) {
    static Result ok(PathTemplate template) {
      return new Result(Optional.of(template), null);
    }

    static Result error(String message) {
      return new Result(Optional.empty(), message);
    }
  }
}
