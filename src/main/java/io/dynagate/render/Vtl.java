package io.dynagate.render;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How declared names and request values reach a template without being able to change it. Names
 * land in two places: inside JSON strings of the template's text, and inside VTL expressions.
 */
final class Vtl {

  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_.:/-]+");

  private Vtl() {}

  /**
   * A JSON string literal for template text. Besides JSON's own escapes, {@code $} and {@code #}
   * become {@code \}{@code u0024} and {@code \}{@code u0023} and everything outside printable ASCII
   * becomes {@code \}{@code uXXXX}: the text then holds no character VTL would interpret, and JSON
   * still decodes it to the declared name.
   */
  static String json(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e || c == '$' || c == '#') {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  /**
   * A VTL expression evaluating to {@code name}: a single-quoted literal when the name is plain,
   * otherwise {@code $util.base64Decode('...')}, since quotes, {@code $} and {@code #} cannot be
   * escaped in a VTL string literal in every Velocity version.
   */
  static String string(String name) {
    if (PLAIN_NAME.matcher(name).matches()) {
      return "'" + name + "'";
    }
    String encoded = Base64.getEncoder().encodeToString(name.getBytes(StandardCharsets.UTF_8));
    return "$util.base64Decode('" + encoded + "')";
  }

  /**
   * A request or DynamoDB value as the content of a JSON string. {@code escapeJavaScript} turns
   * {@code '} into {@code \'}, which JSON rejects; AWS's documented fix puts the quote back.
   */
  static String escaped(String reference) {
    return "$util.escapeJavaScript(" + reference + ").replaceAll(\"\\\\'\",\"'\")";
  }
}
