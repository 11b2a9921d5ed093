package io.dynagate.declaration;

import java.util.ArrayList;
import java.util.List;
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
    List<String> segments = new ArrayList<>();
    List<String> params = new ArrayList<>();
    for (String segment : text.substring(1).split("/", -1)) {
      if (segment.isEmpty()) {
        return Result.error("must not have empty segments (// or a trailing /)");
      }
      if (segment.startsWith("{") && segment.endsWith("}")) {
        String param = segment.substring(1, segment.length() - 1);
        if (param.endsWith("+")) {
          return Result.error("greedy parameters such as {" + param + "} are not supported");
        }
        if (!Names.PATH_PARAM.matcher(param).matches()) {
          return Result.error("parameter {" + param + "} must be letters, digits and _");
        }
        if (params.contains(param)) {
          return Result.error("parameter {" + param + "} appears twice");
        }
        params.add(param);
      } else if (!Names.PATH_LITERAL.matcher(segment).matches()) {
        return Result.error("segment '" + segment + "' has characters API Gateway does not allow");
      }
      segments.add(segment);
    }
    return Result.ok(new PathTemplate(text, List.copyOf(segments)));
  }

  public List<String> parameters() {
    return segments.stream()
        .filter(s -> s.startsWith("{"))
        .map(s -> s.substring(1, s.length() - 1))
        .toList();
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
