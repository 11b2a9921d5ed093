package io.dynagate.declaration;

import java.util.regex.Pattern;

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
