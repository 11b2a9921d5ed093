package io.dynagate.emulator.dataplane;

import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The {@code X-Amzn-Trace-Id} API Gateway answers for integrations that reach an AWS service (not
 * for {@code MOCK}, nor for its own errors): the caller's trace carried on, its missing parts made
 * up. AWS's recorded answers (LocalStack's {@code test_invocation_trace_id}, validated on AWS) keep
 * a sent {@code Root=...;Parent=...;Sampled=1} as it is, and give a sent bare {@code Root} a new
 * {@code Parent}; a trace of its own has X-Ray's form, {@code Root=1-<epoch seconds, 8 hex>-<24
 * hex>}.
 */
final class TraceHeader {

  static final String NAME = "X-Amzn-Trace-Id";

  private TraceHeader() {}

  /** The trace to answer, from the header the caller sent (null when none). */
  static String answering(String sent) {
    String root = null;
    String parent = null;
    String sampled = null;
    if (sent != null) {
      for (String part : sent.split(";")) {
        int eq = part.indexOf('=');
        if (eq < 0 || part.indexOf('=', eq + 1) >= 0) {
          continue;
        }
        String value = part.substring(eq + 1);
        switch (part.substring(0, eq).trim().toLowerCase(Locale.ROOT)) {
          case "root" -> root = value;
          case "parent" -> parent = value;
          case "sampled" -> sampled = value;
          default -> {}
        }
      }
    }
    if (sampled == null) {
      sampled = parent == null ? "0" : "1";
    }
    return "Root="
        + (root == null ? newRoot() : root)
        + ";Parent="
        + (parent == null ? hex(8) : parent)
        + ";Sampled="
        + sampled;
  }

  private static String newRoot() {
    // the epoch seconds as 8 hex digits; no Formatter on the request path
    return "1-"
        + HexFormat.of().toHexDigits((int) (System.currentTimeMillis() / 1000))
        + "-"
        + hex(12);
  }

  private static String hex(int bytes) {
    byte[] random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
