package io.dynagate.api;

/**
 * Text from a request on its way to the log: a CR or LF in it would start a line that looks like
 * one of ours, so control characters are written as escapes ({@code \r}, {@code \n}, other control
 * characters by their code), and a backslash as two.
 */
public final class LogText {

  private LogText() {}

  public static String escape(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String escape =
          switch (c) {
            case '\r' -> "\\r";
            case '\n' -> "\\n";
            case '\t' -> "\\t";
            case '\\' -> "\\\\";
            default ->
                Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                    ? String.format("\\u%04x", (int) c)
                    : null;
          };
      if (escape != null && out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (out != null) {
        out.append(escape != null ? escape : String.valueOf(c));
      }
    }
    return out == null ? text : out.toString();
  }

  /**
   * A copy of the failure whose messages (its own and its causes') are escaped, with the same stack
   * frames, so that the stack trace stays readable and a message cannot forge log lines.
   */
  public static Throwable escaped(Throwable failure) {
    Throwable cause = failure.getCause() == null ? null : escaped(failure.getCause());
    Throwable copy =
        new EscapedFailure(failure.getClass().getName() + ": " + escape(failure.getMessage()));
    copy.setStackTrace(failure.getStackTrace());
    if (cause != null) {
      copy.initCause(cause);
    }
    return copy;
  }

  private static final class EscapedFailure extends RuntimeException {
    EscapedFailure(String message) {
      super(message);
    }

    @Override
    public String toString() {
      return getMessage();
    }
  }
}
