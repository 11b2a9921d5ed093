package io.dynagate.emulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Plain HTTP to the emulator's own endpoints, and SDK clients a test needs beyond the injected
 * ones.
 */
final class EmulatorHttp {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private EmulatorHttp() {}

  static HttpResponse<String> send(URI endpoint, String method, String path, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint.resolve(path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A request with a SigV4-shaped Authorization header for a service, and no content type. */
  static HttpResponse<String> sendSigned(
      URI endpoint, String service, java.util.Map<String, String> headers, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint.resolve("/"))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .header(
                "Authorization",
                "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/"
                    + service
                    + "/aws4_request, SignedHeaders=host;x-amz-date, Signature=0")
            .header("X-Amz-Date", "20260101T000000Z");
    headers.forEach(request::header);
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sets quotas and faults at run time; the response body is the settings now in force. */
  static void configure(URI endpoint, String json) {
    HttpResponse<String> answer = send(endpoint, "PUT", "/_emulator/config", json);
    if (answer.statusCode() != 200) {
      throw new IllegalStateException("emulator config refused: " + answer.body());
    }
  }

  static void resetConfig(URI endpoint) {
    configure(
        endpoint, "{\"quotas\":\"off\",\"timeScale\":1.0,\"errorRate\":0,\"latencyMillis\":0}");
  }

  /** An API Gateway client that does not retry, so that a test sees each throttle or fault. */
  static ApiGatewayClient apiGatewayWithoutRetries(URI endpoint) {
    return ApiGatewayClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  /**
   * An API Gateway client that can send PATCH (UpdateStage, UpdateRestApi): the url-connection
   * client cannot.
   */
  static ApiGatewayClient apiGatewayWithPatch(URI endpoint) {
    return ApiGatewayClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClientBuilder(Apache5HttpClient.builder())
        .build();
  }

  /** A DynamoDB client pointed at the emulator, as a user of a local AWS would configure it. */
  static DynamoDbClient dynamoDbThroughEmulator(URI endpoint) {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }
}
