package io.dynagate.emulator.dataplane;

/**
 * The execution log {@code TestInvokeMethod} answers; the data plane runs with it off, so that
 * nothing is formatted per request.
 */
final class Trace {

  private static final Trace OFF = new Trace(false);
  private final boolean on;
  private final StringBuilder lines = new StringBuilder();

  private Trace(boolean on) {
    this.on = on;
  }

  static Trace off() {
    return OFF;
  }

  static Trace on() {
    return new Trace(true);
  }

  void line(String format, Object... args) {
    if (on) {
      synchronized (lines) {
        lines.append(String.format(format, args)).append('\n');
      }
    }
  }

  String text() {
    synchronized (lines) {
      return lines.toString();
    }
  }
}
