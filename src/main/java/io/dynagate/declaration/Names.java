package io.dynagate.declaration;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Naming rules of declarations. */
public final class Names {

  /** DynamoDB's table and index name rule. */
  public static final Pattern TABLE = Pattern.compile("[A-Za-z0-9_.-]{3,255}");

  /** API, route and team names: 1 to 64 of a-z, 0-9 and '-'. */
  public static final Pattern SLUG = Pattern.compile("[a-z0-9-]{1,64}");

  /** API Gateway stage names. */
  public static final Pattern STAGE = Pattern.compile("[A-Za-z0-9_-]{1,128}");

  /** A path parameter inside {braces}. */
  public static final Pattern PATH_PARAM = Pattern.compile("[A-Za-z0-9_]+");

  /** A literal path segment: API Gateway's allowed characters. */
  public static final Pattern PATH_LITERAL = Pattern.compile("[A-Za-z0-9._~:@!$&'()*+,;=-]+");

  private Names() {}

  /**
   * Is this the registry's table, or a name under it? Compared ignoring case: a near-copy of the
   * registry's name could only mislead.
   */
  public static boolean isReservedTable(String name, String registryTable) {
    String lower = name.toLowerCase(Locale.ROOT);
    String registry = registryTable.toLowerCase(Locale.ROOT);
    return lower.equals(registry)
        || lower.startsWith(registry + "-")
        || lower.startsWith(registry + ".");
  }

  /**
   * Does a table name match an operator's pattern such as {@code {team}-*}: {@code {team}} is the
   * team's name, {@code *} any run of characters, the rest itself?
   */
  public static boolean matchesPattern(String name, String pattern, String team) {
    String regex =
        Arrays.stream(pattern.split(Pattern.quote("{team}"), -1))
            .map(Names::globToRegex)
            .collect(Collectors.joining(Pattern.quote(team)));
    return Pattern.matches(regex, name);
  }

  private static String globToRegex(String glob) {
    return Arrays.stream(glob.split("\\*", -1))
        .map(literal -> literal.isEmpty() ? "" : Pattern.quote(literal))
        .collect(Collectors.joining(".*"));
  }

  public static boolean isSlug(String name) {
    return name != null && SLUG.matcher(name).matches();
  }

  public static boolean isTableName(String name) {
    return name != null && TABLE.matcher(name).matches();
  }

  /**
   * DynamoDB allows almost any attribute name; these reach generated templates quoted, but control
   * characters have no business in them.
   */
  public static boolean isAttributeName(String name) {
    return name != null
        && !name.isEmpty()
        && name.length() <= 255
        && name.codePoints().noneMatch(Character::isISOControl);
  }
}
