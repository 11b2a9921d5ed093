package io.dynagate.emulator.dynamodb;

import io.dynagate.emulator.core.EmulatorRequest;
import io.dynagate.emulator.core.EmulatorResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * Where dynalite's answer differs from DynamoDB's, DynamoDB's. Dynalite follows DynamoDB closely
 * (status codes, {@code __type}, messages, {@code x-amz-crc32}); it differs in answering a request
 * without a JSON content type with 404 and an XML body ({@code <UnknownOperationException/>}),
 * where DynamoDB answers 400 with its JSON error shape, which the SDKs parse.
 */
final class DynamoAnswers {

  static final String CONTENT_TYPE = "application/x-amz-json-1.0";
  private static final Pattern XML_ERROR = Pattern.compile("^\\s*<(\\w+)\\s*/>\\s*$");

  private DynamoAnswers() {}

  static EmulatorResponse asDynamoDb(EmulatorRequest request, EmulatorResponse raw) {
    Matcher xml = XML_ERROR.matcher(opensWithTag(raw.body()) ? text(raw.body()) : "");
    if (xml.matches()) {
      String body = "{\"__type\":\"com.amazon.coral.service#" + xml.group(1) + "\"}";
      return withBody(raw, 400, body);
    }
    if (!hasHeader(raw, "content-type")) {
      return raw.withHeader("Content-Type", CONTENT_TYPE);
    }
    return raw;
  }

  /** Whether the body's first character after white space is {@code <}: only then can it be XML. */
  private static boolean opensWithTag(byte[] body) {
    for (byte b : body) {
      if (!Character.isWhitespace(b)) {
        return b == '<';
      }
    }
    return false;
  }

  private static String text(byte[] body) {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The answer with DynamoDB's {@code x-amz-crc32} of its body, which the SDKs check. */
  static EmulatorResponse withCrc(EmulatorResponse answer) {
    return answer.withHeader("x-amz-crc32", Long.toString(crc32(answer.body())));
  }

  private static EmulatorResponse withBody(EmulatorResponse raw, int status, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = new LinkedHashMap<>();
    raw.headers()
        .forEach(
            (name, value) -> {
              if (!name.equalsIgnoreCase("content-type") && !name.equalsIgnoreCase("x-amz-crc32")) {
                headers.put(name, value);
              }
            });
    headers.put("Content-Type", CONTENT_TYPE);
    headers.put("x-amz-crc32", Long.toString(crc32(bytes)));
    return new EmulatorResponse(status, headers, bytes);
  }

  private static boolean hasHeader(EmulatorResponse response, String name) {
    return response.headers().keySet().stream().anyMatch(name::equalsIgnoreCase);
  }

  private static long crc32(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    return crc.getValue();
  }
}
