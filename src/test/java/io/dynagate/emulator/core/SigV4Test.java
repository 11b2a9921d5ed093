package io.dynagate.emulator.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Signatures computed by the AWS SDK's own signer are accepted; the same request with one thing
 * changed (path, query, a signed header, the body, the secret) is refused.
 */
class SigV4Test {

  private static final String KEY = "AKIAEXAMPLE000000000";
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/restapis/a1/dev/_user_request_/users/u1",
        "/restapis/a1/dev/_user_request_/users/a%20b%2Fc",
        "/restapis/a1/dev/_user_request_/q?b=2&a=1&a=0",
        "/restapis/a1/dev/_user_request_/q?name=it%27s%20%C3%BC&x=%2B1",
        "/restapis/a1/dev/_user_request_/"
      })
  void theSdksSignatureIsAcceptedAndAnyChangeRefused(String pathAndQuery) {
    URI uri = URI.create("http://localhost:4566" + pathAndQuery);
    String body = "{\"a\":1}";
    Map<String, String> headers = sign(uri, body, SECRET);
    assertEquals(Optional.empty(), verify(uri, headers, body, SECRET));
    assertEquals(
        Optional.of(SigV4.Refusal.MISMATCH), verify(uri, headers, body, SECRET.replace('w', 'W')));
    assertEquals(Optional.of(SigV4.Refusal.MISMATCH), verify(uri, headers, body + " ", SECRET));
    URI moved = URI.create(uri.toString().replace("_user_request_/", "_user_request_/x"));
    assertEquals(Optional.of(SigV4.Refusal.MISMATCH), verify(moved, headers, body, SECRET));
    URI queried = URI.create(uri + (uri.getRawQuery() == null ? "?z=1" : "&z=1"));
    assertEquals(Optional.of(SigV4.Refusal.MISMATCH), verify(queried, headers, body, SECRET));
    Map<String, String> otherHost = new HashMap<>(headers);
    otherHost.put("host", "evil.example:4566");
    assertEquals(Optional.of(SigV4.Refusal.MISMATCH), verify(uri, otherHost, body, SECRET));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "AWS4-HMAC-SHA256 Credential=AKIA/20260101/us-east-1/execute-api/aws4_request",
        "Bearer abc",
        "AWS4-HMAC-SHA256 Credential=A/2026/us-east-1/execute-api/aws4_request, SignedHeaders=host,"
            + " Signature=00"
      })
  void aMalformedHeaderMakesNoClaim(String authorization) {
    assertEquals(Optional.empty(), SigV4.claim(authorization));
  }

  private static Map<String, String> sign(URI uri, String body, String secret) {
    SdkHttpRequest request =
        SdkHttpFullRequest.builder().uri(uri).method(SdkHttpMethod.POST).build();
    SdkHttpRequest signed =
        SIGNER
            .sign(
                r ->
                    r.identity(AwsCredentialsIdentity.create(KEY, secret))
                        .request(request)
                        .payload(ContentStreamProvider.fromUtf8String(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"))
            .request();
    Map<String, String> headers = new HashMap<>();
    signed.headers().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
    return headers;
  }

  private static Optional<SigV4.Refusal> verify(
      URI uri, Map<String, String> headers, String body, String secret) {
    EmulatorRequest request =
        new EmulatorRequest(
            "POST",
            uri.getRawPath(),
            EmulatorServer.query(uri.getRawQuery()),
            headers,
            body.getBytes(StandardCharsets.UTF_8));
    SigV4.Claim claim = SigV4.claim(headers.get("authorization")).orElseThrow();
    return SigV4.verify(request, claim, secret, Instant.now());
  }
}
