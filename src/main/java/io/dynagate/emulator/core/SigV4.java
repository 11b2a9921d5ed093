package io.dynagate.emulator.core;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 as services check it: the credential scope of an {@code Authorization}
 * header, and the signature recomputed from the request and the caller's secret key. A signature is
 * accepted only when it equals the one computed here, byte for byte, and the request time is within
 * fifteen minutes of now.
 */
public final class SigV4 {

  private static final Pattern HEADER =
      Pattern.compile(
          "^AWS4-HMAC-SHA256\\s+Credential=([^/,\\s]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request,\\s*"
              + "SignedHeaders=([^,\\s]+),\\s*Signature=([0-9a-f]{64})$");
  private static final Pattern CREDENTIAL =
      Pattern.compile("Credential=([^/,\\s]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request");
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
  private static final Duration SKEW = Duration.ofMinutes(15);
  private static final HexFormat HEX = HexFormat.of();
  private static final String UNSIGNED = "UNSIGNED-PAYLOAD";

  /**
   * What an {@code Authorization} header claims.
   *
   * @param accessKeyId the access key that signed
   * @param date the scope's date, {@code yyyyMMdd}
   * @param region the scope's region
   * @param service the scope's service, e.g. {@code execute-api}
   * @param signedHeaders lower-case header names, as signed
   * @param signature 64 hex digits
   */
  public record Claim(
      String accessKeyId,
      String date,
      String region,
      String service,
      List<String> signedHeaders,
      String signature) {}

  /** Why a signature is refused, with the message AWS answers. */
  public enum Refusal {
    MALFORMED(
        "IncompleteSignatureException",
        "Authorization header requires 'Credential', 'Signature', 'SignedHeaders' parameters."),
    EXPIRED("InvalidSignatureException", "Signature expired."),
    MISMATCH(
        "InvalidSignatureException",
        "The request signature we calculated does not match the signature you provided. Check your"
            + " AWS Secret Access Key and signing method. Consult the service documentation for"
            + " details.");

    private final String code;
    private final String message;

    Refusal(String code, String message) {
      this.code = code;
      this.message = message;
    }

    public String code() {
      return code;
    }

    public String message() {
      return message;
    }
  }

  private SigV4() {}

  /** The service the request is signed for, e.g. {@code apigateway}. */
  static Optional<String> service(String authorization) {
    if (authorization == null) {
      return Optional.empty();
    }
    Matcher matcher = CREDENTIAL.matcher(authorization);
    return matcher.find() ? Optional.of(matcher.group(4)) : Optional.empty();
  }

  /** The header's claim, or empty when it is not a well-formed SigV4 header. */
  public static Optional<Claim> claim(String authorization) {
    if (authorization == null) {
      return Optional.empty();
    }
    Matcher m = HEADER.matcher(authorization.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new Claim(
            m.group(1),
            m.group(2),
            m.group(3),
            m.group(4),
            List.of(m.group(5).split(";")),
            m.group(6)));
  }

  /**
   * Checks a request's signature against the secret of the access key it names.
   *
   * @return empty when the signature is the one AWS would compute, else why not
   */
  public static Optional<Refusal> verify(
      EmulatorRequest request, Claim claim, String secretKey, Instant now) {
    String amzDate = request.header("x-amz-date");
    Instant signedAt = parseDate(amzDate);
    if (signedAt == null || !claim.signedHeaders().contains("host")) {
      return Optional.of(Refusal.MALFORMED);
    }
    if (!amzDate.startsWith(claim.date())) {
      return Optional.of(Refusal.MISMATCH);
    }
    if (Duration.between(signedAt, now).abs().compareTo(SKEW) > 0) {
      return Optional.of(Refusal.EXPIRED);
    }
    for (String name : claim.signedHeaders()) {
      if (request.header(name) == null) {
        return Optional.of(Refusal.MISMATCH);
      }
    }
    String expected = signature(request, claim, secretKey, amzDate);
    boolean same =
        MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.US_ASCII),
            claim.signature().getBytes(StandardCharsets.US_ASCII));
    return same ? Optional.empty() : Optional.of(Refusal.MISMATCH);
  }

  static String signature(EmulatorRequest request, Claim claim, String secretKey, String amzDate) {
    String scope = claim.date() + "/" + claim.region() + "/" + claim.service() + "/aws4_request";
    String stringToSign =
        "AWS4-HMAC-SHA256\n"
            + amzDate
            + "\n"
            + scope
            + "\n"
            + HEX.formatHex(sha256(canonicalRequest(request, claim.signedHeaders())));
    byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), claim.date());
    key = hmac(key, claim.region());
    key = hmac(key, claim.service());
    key = hmac(key, "aws4_request");
    return HEX.formatHex(hmac(key, stringToSign));
  }

  private static String canonicalRequest(EmulatorRequest request, List<String> signedHeaders) {
    StringBuilder headers = new StringBuilder();
    for (String name : signedHeaders) {
      headers.append(name).append(':').append(trimmed(request.header(name))).append('\n');
    }
    String payload = request.header("x-amz-content-sha256");
    if (payload == null || !payload.equals(UNSIGNED)) {
      payload = HEX.formatHex(sha256(request.body()));
    }
    return request.method()
        + "\n"
        + canonicalUri(request.rawPath())
        + "\n"
        + canonicalQuery(request.query())
        + "\n"
        + headers
        + "\n"
        + String.join(";", signedHeaders)
        + "\n"
        + payload;
  }

  /** Services other than S3 sign the path encoded once more, as the SDKs send it. */
  private static String canonicalUri(String rawPath) {
    if (rawPath.isEmpty()) {
      return "/";
    }
    StringBuilder uri = new StringBuilder();
    for (int i = 0; i < rawPath.length(); i++) {
      char c = rawPath.charAt(i);
      uri.append(c == '/' ? "/" : encode(String.valueOf(c)));
    }
    return uri.toString();
  }

  private static String canonicalQuery(Map<String, List<String>> query) {
    List<String> pairs = new ArrayList<>();
    query.forEach((name, values) -> values.forEach(v -> pairs.add(encode(name) + "=" + encode(v))));
    pairs.sort(null);
    return String.join("&", pairs);
  }

  /** RFC 3986 encoding: unreserved characters stay, every other byte is {@code %XX}. */
  private static String encode(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_'
          || c == '.'
          || c == '~') {
        out.append(c);
      } else {
        out.append('%').append(HEX.withUpperCase().toHexDigits(b));
      }
    }
    return out.toString();
  }

  private static String trimmed(String value) {
    return value.trim().replaceAll("\\s+", " ");
  }

  private static Instant parseDate(String amzDate) {
    if (amzDate == null) {
      return null;
    }
    try {
      return LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static byte[] sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
