package io.dynagate.preflight;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Who a probe calls a route as: anyone, the holder of an API key, or an IAM user signing with
 * SigV4. The credentials are added when a request is sent, never to the {@link
 * PreflightReport.Request} a report keeps.
 */
sealed interface Caller {

  Caller ANONYMOUS = new Anonymous();

  /**
   * The headers this caller adds to a request that carries {@code headers} and {@code body}.
   *
   * @param uri the whole URL the request goes to
   */
  Map<String, String> credentials(String method, URI uri, Map<String, String> headers, String body);

  /** No credentials. */
  record Anonymous() implements Caller {
    @Override
    public Map<String, String> credentials(
        String method, URI uri, Map<String, String> headers, String body) {
      return Map.of();
    }
  }

  /** An API key, sent in {@code x-api-key} as API Gateway reads it by default. */
  record ApiKey(String value) implements Caller {
    @Override
    public Map<String, String> credentials(
        String method, URI uri, Map<String, String> headers, String body) {
      return Map.of("x-api-key", value);
    }

    @Override
    public String toString() {
      return "ApiKey[value=(hidden)]";
    }
  }

  /** An access key, signing every request for {@code execute-api} with the AWS SDK's signer. */
  record Signer(String accessKeyId, String secret, String region) implements Caller {

    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

    @Override
    public Map<String, String> credentials(
        String method, URI uri, Map<String, String> headers, String body) {
      SdkHttpFullRequest.Builder request =
          SdkHttpFullRequest.builder().uri(uri).method(SdkHttpMethod.fromValue(method));
      headers.forEach(request::putHeader);
      var signed =
          SIGNER.sign(
              r ->
                  r.identity(AwsCredentialsIdentity.create(accessKeyId, secret))
                      .request(request.build())
                      .payload(body == null ? null : ContentStreamProvider.fromUtf8String(body))
                      .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                      .putProperty(AwsV4HttpSigner.REGION_NAME, region));
      // the client sends Host itself; the request's own headers are sent as they are
      Set<String> sent = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
      sent.addAll(headers.keySet());
      sent.add("host");
      Map<String, String> added = new LinkedHashMap<>();
      signed
          .request()
          .headers()
          .forEach(
              (name, values) -> {
                if (!sent.contains(name)) {
                  added.put(name, String.join(",", values));
                }
              });
      return added;
    }

    @Override
    public String toString() {
      return "Signer[accessKeyId=" + accessKeyId + ", region=" + region + "]";
    }
  }
}
