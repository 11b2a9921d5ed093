package io.dynagate.declaration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a route's own VTL templates must be at declaration. Whether they work is not decided here:
 * preflight runs them on the local emulator before they go live. These rules only keep out what can
 * never work or would bloat the definition.
 */
public final class TemplateRules {

  /**
   * Characters per template: API Gateway takes up to 300 KB, but the whole definition must stay
   * under its 6 MB import limit with up to 300 routes.
   */
  public static final int MAX_LENGTH = 16_384;

  private static final List<String> UNSUPPORTED = List.of("#include", "#parse");

  private TemplateRules() {}

  static List<Violation> validate(RouteSpec spec) {
    List<Violation> out = new ArrayList<>();
    check("responseTemplate", spec.responseTemplate(), out);
    if (spec.requestTemplate() != null && !spec.actionOrDefault().writes()) {
      out.add(
          Violation.of(
              "requestTemplate",
              "only write routes take a request template; a read route's request is generated"));
    } else {
      check("requestTemplate", spec.requestTemplate(), out);
    }
    return out;
  }

  private static void check(String field, String template, List<Violation> out) {
    if (template == null) {
      return;
    }
    if (template.isBlank() || template.length() > MAX_LENGTH) {
      out.add(Violation.of(field, "must be 1 to " + MAX_LENGTH + " characters of VTL"));
      return;
    }
    if (!wellFormed(template)) {
      out.add(
          Violation.of(
              field, "must be text: no control characters but tab and line breaks, valid UTF-16"));
      return;
    }
    String lower = template.toLowerCase(Locale.ROOT);
    for (String directive : UNSUPPORTED) {
      if (lower.contains(directive)) {
        out.add(Violation.of(field, "API Gateway does not run " + directive));
      }
    }
  }

  private static boolean wellFormed(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
