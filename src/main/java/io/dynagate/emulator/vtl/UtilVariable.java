package io.dynagate.emulator.vtl;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * {@code $util}: exactly API Gateway's six functions. Anything else (AppSync's {@code toJson},
 * {@code qr}, ...) is not found and renders as nothing.
 */
public final class UtilVariable {

  static final UtilVariable INSTANCE = new UtilVariable();

  private UtilVariable() {}

  /**
   * Escapes with JavaScript string rules as Apache Commons Lang 2's {@code escapeJavaScript} does,
   * which is what API Gateway runs: {@code '} becomes {@code \'} (not valid JSON), {@code /}
   * becomes {@code \/}, control characters and everything above U+007F become {@code \}{@code
   * uXXXX} (upper-case hex) except {@code \b \t \n \f \r}.
   */
  public String escapeJavaScript(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c > 0x7f) {
        out.append(unicode(c));
      } else if (c < 32) {
        out.append(control(c));
      } else {
        switch (c) {
          case '\'', '"', '\\', '/' -> out.append('\\').append(c);
          default -> out.append(c);
        }
      }
    }
    return out.toString();
  }

  private static String control(char c) {
    return switch (c) {
      case '\b' -> "\\b";
      case '\n' -> "\\n";
      case '\t' -> "\\t";
      case '\f' -> "\\f";
      case '\r' -> "\\r";
      default -> unicode(c);
    };
  }

  private static String unicode(char c) {
    return "\\u" + String.format(Locale.ROOT, "%04X", (int) c);
  }

  /** Parses stringified JSON into an object to navigate; fails the render when it is not JSON. */
  public Object parseJson(String json) {
    return json == null ? null : JsonValues.parse(json);
  }

  /** Form encoding, as {@code application/x-www-form-urlencoded}: a space becomes {@code +}. */
  public String urlEncode(String text) {
    return text == null ? null : URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  public String urlDecode(String text) {
    return text == null ? null : URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  public String base64Encode(String text) {
    return text == null
        ? null
        : Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Decodes standard base64 into UTF-8 text; fails the render on malformed input. */
  public String base64Decode(String text) {
    return text == null
        ? null
        : new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
  }
}
