package io.dynagate.emulator.dataplane;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Calls a stage as an IAM caller does: the request signed by the AWS SDK's own SigV4 signer for
 * {@code execute-api}, then sent over plain HTTP (optionally altered after signing).
 */
final class SignedCalls {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

  private SignedCalls() {}

  /** The signed request's headers for a GET of {@code uri}. */
  static Map<String, java.util.List<String>> signedHeaders(
      URI uri, String accessKeyId, String secret, String service) {
    SdkHttpRequest request =
        SdkHttpFullRequest.builder().uri(uri).method(SdkHttpMethod.GET).build();
    SdkHttpRequest signed =
        SIGNER
            .sign(
                r ->
                    r.identity(AwsCredentialsIdentity.create(accessKeyId, secret))
                        .request(request)
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"))
            .request();
    return signed.headers();
  }

  /** A GET of {@code sendTo} carrying the headers signed for {@code signedFor}. */
  static HttpResponse<String> get(
      URI signedFor, URI sendTo, String accessKeyId, String secret, String service) {
    HttpRequest.Builder request = HttpRequest.newBuilder(sendTo).GET();
    signedHeaders(signedFor, accessKeyId, secret, service)
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase("host")) {
                values.forEach(v -> request.header(name, v));
              }
            });
    return send(request);
  }

  static HttpResponse<String> get(URI uri, String accessKeyId, String secret) {
    return get(uri, uri, accessKeyId, secret, "execute-api");
  }

  /** A signed GET with unsigned extra headers (e.g. {@code X-Forwarded-For}). */
  static HttpResponse<String> get(
      URI uri, String accessKeyId, String secret, Map<String, String> extra) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
    signedHeaders(uri, accessKeyId, secret, "execute-api")
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase("host")) {
                values.forEach(v -> request.header(name, v));
              }
            });
    extra.forEach(request::header);
    return send(request);
  }

  static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
