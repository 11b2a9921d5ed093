package io.dynagate.emulator.dataplane;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

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

  /**
   * AWS's time stamp before every line but the first, e.g. {@code Sat Nov 28 01:47:28 UTC 2026 : }.
   */
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss 'UTC' yyyy' : '", Locale.ROOT);

  void line(String format, Object... args) {
    if (on) {
      String stamp = STAMP.format(ZonedDateTime.now(ZoneOffset.UTC));
      synchronized (lines) {
        lines.append(stamp).append(String.format(format, args)).append('\n');
      }
    }
  }

  /** A line without a time stamp: the log's heading. */
  void heading(String text) {
    if (on) {
      synchronized (lines) {
        lines.append(text).append('\n');
      }
    }
  }

  String text() {
    synchronized (lines) {
      return lines.toString();
    }
  }
}
