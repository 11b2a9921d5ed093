package io.dynagate.emulator.dataplane;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A UTC time text to the second ({@code $context.requestTime}, {@code X-Amz-Date}), formatted once
 * per second rather than once per request.
 */
final class SecondFormat {

  private record Formatted(long second, String text) {}

  private final DateTimeFormatter format;
  private volatile Formatted last = new Formatted(Long.MIN_VALUE, "");

  /** {@code pattern} must not print fractions of a second. */
  SecondFormat(DateTimeFormatter pattern) {
    this.format = pattern.withZone(ZoneOffset.UTC);
  }

  String format(Instant now) {
    Formatted seen = last;
    if (seen.second() != now.getEpochSecond()) {
      seen = new Formatted(now.getEpochSecond(), format.format(now));
      last = seen;
    }
    return seen.text();
  }
}
