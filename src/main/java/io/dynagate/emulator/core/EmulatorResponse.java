package io.dynagate.emulator.core;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP answer of the emulator.
 *
 * @param status the HTTP status
 * @param headers headers to send, e.g. {@code Content-Type}
 * @param body the payload, empty when none
 */
public record EmulatorResponse(int status, Map<String, String> headers, byte[] body) {

  public static EmulatorResponse of(int status, String contentType, String body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", contentType);
    return new EmulatorResponse(status, headers, body.getBytes(StandardCharsets.UTF_8));
  }

  public static EmulatorResponse json(int status, String body) {
    return of(status, "application/json", body);
  }

  public static EmulatorResponse empty(int status) {
    return new EmulatorResponse(status, new LinkedHashMap<>(), new byte[0]);
  }

  /** A copy with one more header. */
  public EmulatorResponse withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new EmulatorResponse(status, copy, body);
  }
}
