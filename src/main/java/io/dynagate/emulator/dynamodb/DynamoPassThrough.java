package io.dynagate.emulator.dynamodb;

import io.dynagate.emulator.core.DynamoHandler;
import io.dynagate.emulator.core.EmulatorRequest;
import io.dynagate.emulator.core.EmulatorResponse;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * DynamoDB on the emulator's endpoint: every call goes to the embedded dynalite, and its answer
 * comes back as DynamoDB would give it ({@link DynamoAnswers} holds where the two differ).
 */
@ApplicationScoped
public class DynamoPassThrough implements DynamoHandler {

  private static final List<String> REQUEST_HEADERS =
      List.of(
          "content-type",
          "x-amz-target",
          "authorization",
          "x-amz-date",
          "x-amz-security-token",
          "x-amz-content-sha256");

  private final Vertx vertx;
  private final DynamoEngine engine;
  private final RegistryGuard guard;
  private volatile HttpClient client;

  public DynamoPassThrough(Vertx vertx, DynamoEngine engine, RegistryGuard guard) {
    this.vertx = vertx;
    this.engine = engine;
    this.guard = guard;
  }

  /** The operation as the SDK names it, from {@code X-Amz-Target: DynamoDB_20120810.GetItem}. */
  @Override
  public String operation(EmulatorRequest request) {
    String target = request.header("X-Amz-Target");
    if (target == null || target.indexOf('.') < 0) {
      return "Unknown";
    }
    return target.substring(target.indexOf('.') + 1);
  }

  /**
   * Forwards one call to dynalite and answers what DynamoDB would; a call naming the registry table
   * is refused before it reaches dynalite (see {@link RegistryGuard}).
   */
  @Override
  public CompletionStage<EmulatorResponse> forward(EmulatorRequest request) {
    Optional<EmulatorResponse> refused = guard.refusal(operation(request), request.body());
    if (refused.isPresent()) {
      return CompletableFuture.completedFuture(DynamoAnswers.withCrc(refused.get()));
    }
    URI endpoint = engine.endpoint();
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setHost(endpoint.getHost())
            .setPort(endpoint.getPort())
            .setURI("/");
    REQUEST_HEADERS.forEach(
        name -> {
          String value = request.header(name);
          if (value != null) {
            options.putHeader(name, value);
          }
        });
    // The response's body is asked for inside the send's own callback, never in a step chained
    // from the calling thread: a caller outside Vert.x (TestInvokeMethod's thread) could attach
    // that step after the whole answer had arrived, and a body asked for after the response's end
    // never completes (Vert.x 4.5's HttpClientResponse): the call then waited forever, and the data
    // plane answered 504 at the integration timeout, about once in 150 test invocations.
    return client()
        .request(options)
        .compose(
            outgoing ->
                outgoing
                    .send(Buffer.buffer(request.body()))
                    .compose(incoming -> incoming.body().map(body -> answer(incoming, body))))
        .map(raw -> DynamoAnswers.asDynamoDb(request, raw))
        .toCompletionStage();
  }

  private static EmulatorResponse answer(HttpClientResponse incoming, Buffer body) {
    Map<String, String> headers = new LinkedHashMap<>();
    incoming
        .headers()
        .forEach(
            header -> {
              String name = header.getKey();
              if (name.equalsIgnoreCase("content-type")
                  || name.regionMatches(true, 0, "x-amz", 0, 5)) {
                headers.put(header.getKey(), header.getValue());
              }
            });
    return new EmulatorResponse(incoming.statusCode(), headers, body.getBytes());
  }

  private HttpClient client() {
    HttpClient current = client;
    if (current == null) {
      synchronized (this) {
        if (client == null) {
          // the pool closes a connection idle for 4 s; dynalite never closes one (launch.js), so
          // that no request is written on a connection the other side is closing
          client =
              vertx.createHttpClient(
                  new HttpClientOptions()
                      .setMaxPoolSize(64)
                      .setKeepAlive(true)
                      .setKeepAliveTimeout(4));
        }
        current = client;
      }
    }
    return current;
  }

  @PreDestroy
  synchronized void close() {
    if (client != null) {
      client.close();
    }
  }
}
