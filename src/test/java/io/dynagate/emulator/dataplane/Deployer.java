package io.dynagate.emulator.dataplane;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.PutMode;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Puts definitions on the emulator as the reconciler does (role, inline policy, {@code PutRestApi}
 * overwrite, {@code CreateDeployment}) and calls their stages over plain HTTP.
 */
final class Deployer {

  // HTTP/1.1: header names arrive as the test spells them (HTTP/2 sends them lower-case).
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final ApiGatewayClient apiGateway;
  private final IamClient iam;
  private final URI endpoint;

  Deployer(ApiGatewayClient apiGateway, IamClient iam, URI endpoint) {
    this.apiGateway = apiGateway;
    this.iam = iam;
    this.endpoint = endpoint;
  }

  void role(String name, String trust, String permissions) {
    iam.createRole(b -> b.roleName(name).assumeRolePolicyDocument(trust));
    if (permissions != null) {
      iam.putRolePolicy(b -> b.roleName(name).policyName("dynagate").policyDocument(permissions));
    }
  }

  /** A new REST API holding {@code openApi}, deployed to {@code stage}; its id. */
  String create(String name, String openApi, String stage) {
    String id = apiGateway.createRestApi(b -> b.name(name)).id();
    put(id, openApi);
    deploy(id, stage);
    return id;
  }

  /** Overwrites the API's draft; nothing is live until {@link #deploy}. */
  void put(String id, String openApi) {
    apiGateway.putRestApi(
        b -> b.restApiId(id).mode(PutMode.OVERWRITE).body(SdkBytes.fromUtf8String(openApi)));
  }

  void deploy(String id, String stage) {
    apiGateway.createDeployment(b -> b.restApiId(id).stageName(stage));
  }

  /** A GET to a stage; {@code path} already encoded. */
  HttpResponse<String> get(String id, String stage, String path) {
    return send(id, stage, "GET", path, Map.of());
  }

  HttpResponse<String> send(
      String id, String stage, String method, String path, Map<String, String> headers) {
    URI uri = endpoint.resolve("/restapis/" + id + "/" + stage + "/_user_request_" + path);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody());
    headers.forEach(request::header);
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** One path segment, percent-encoded (a space is {@code %20} in a path). */
  static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
