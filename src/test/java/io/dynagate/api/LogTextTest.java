package io.dynagate.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynagate.support.LogCapture;
import org.junit.jupiter.api.Test;

/** Input in a failure's message reaches the log escaped: it cannot forge a log line. */
class LogTextTest {

  @Test
  void controlCharactersAreEscaped() {
    assertEquals("a\\r\\nb\\tc\\\\n\\u001b", LogText.escape("a\r\nb\tc\\n\u001b"));
    assertEquals("plain", LogText.escape("plain"));
  }

  @Test
  void anUnexpectedFailureIsLoggedEscapedWithItsCause() {
    String forged = "x\r\n2026-01-01 00:00:00,000 INFO  [io.dynagate] admin token accepted";
    try (LogCapture log = LogCapture.start()) {
      new ProblemMappers()
          .unexpected(new IllegalStateException("bad " + forged, new RuntimeException(forged)));
      String text = log.text();
      assertTrue(text.contains("bad x\\r\\n2026-01-01"), text);
      assertFalse(text.contains("\r\n2026-01-01") || text.contains("\n2026-01-01"), text);
      assertTrue(text.contains("IllegalStateException"), text);
    }
  }
}
