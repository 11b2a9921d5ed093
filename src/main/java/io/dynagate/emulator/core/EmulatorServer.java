package io.dynagate.emulator.core;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The local AWS endpoint of the embedded mode, on {@code dynagate.emulator.port}. A Vert.x server:
 * Quarkus already runs Vert.x, its event loop keeps the DynamoDB pass-through and the data plane
 * non-blocking, and control-plane work moves to worker threads. Started by the embedded mode before
 * anything uses the API Gateway, IAM or STS clients, and stopped with the application.
 */
@ApplicationScoped
public class EmulatorServer {

  private static final Logger LOG = Logger.getLogger(EmulatorServer.class);

  private final Vertx vertx;
  // Resolved only in embedded mode: the router's stores read DATA_DIR/emulator when created.
  private final Instance<EmulatorRouter> routers;
  private EmulatorRouter router;
  private HttpServer server;

  public EmulatorServer(Vertx vertx, Instance<EmulatorRouter> routers) {
    this.vertx = vertx;
    this.routers = routers;
  }

  /**
   * Listens on {@code host}:{@code port} (once; later calls do nothing). Any other address than
   * loopback is warned about: the emulator has no authentication.
   *
   * @throws IllegalStateException when the port cannot be bound
   */
  public synchronized void start(String host, int port) {
    if (server != null) {
      return;
    }
    router = routers.get();
    HttpServer created = vertx.createHttpServer(new HttpServerOptions());
    created.requestHandler(this::accept);
    try {
      created
          .listen(port, host)
          .toCompletionStage()
          .toCompletableFuture()
          .get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(
          "the AWS emulator cannot listen on port " + port + ": " + e.getMessage(), e);
    }
    server = created;
    LOG.infof("AWS emulator listening on %s:%d", host, port);
    if (!LocalAddresses.isLoopback(host)) {
      LOG.warnf(
          "the AWS emulator listens on %s: it has no authentication, so whoever reaches that"
              + " address reads and writes its DynamoDB tables, roles and APIs",
          host);
    }
  }

  @PreDestroy
  synchronized void stop() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  private void accept(HttpServerRequest http) {
    http.body()
        .onFailure(e -> http.response().setStatusCode(400).end())
        .onSuccess(body -> dispatch(http, body));
  }

  private void dispatch(HttpServerRequest http, Buffer body) {
    EmulatorRequest request =
        new EmulatorRequest(
            http.method().name(),
            http.path(),
            query(http.query()),
            withHost(headers(http.headers()), http),
            body.getBytes(),
            LocalAddresses.isLoopback(http.remoteAddress().hostAddress()));
    CompletionStage<EmulatorResponse> pending;
    try {
      pending = router.route(request);
    } catch (RuntimeException e) {
      pending = CompletableFuture.failedFuture(e);
    }
    pending.whenComplete(
        (answer, failure) -> {
          if (failure != null) {
            LOG.error("emulator request failed", failure);
            answer = EmulatorResponse.json(500, "{\"message\":\"Internal server error\"}");
          }
          write(http.response(), answer);
        });
  }

  private static void write(HttpServerResponse response, EmulatorResponse answer) {
    response.setStatusCode(answer.status());
    answer.headers().forEach(response::putHeader);
    if (!response.headers().contains("x-amzn-RequestId")) {
      response.putHeader("x-amzn-RequestId", Ids.requestId());
    }
    response.end(Buffer.buffer(answer.body()));
  }

  /** HTTP/2 carries the host as {@code :authority}; SigV4 signs it as {@code host}. */
  private static Map<String, String> withHost(Map<String, String> headers, HttpServerRequest http) {
    var authority = http.authority();
    if (!headers.containsKey("host") && authority != null) {
      headers.put("host", authority.host() + (authority.port() >= 0 ? ":" + authority.port() : ""));
    }
    return headers;
  }

  /**
   * The first value of each header, under the name as the client sent it: API Gateway's templates
   * see {@code X-Tenant}, not {@code x-tenant}. Looked up in any case, as HTTP names are.
   */
  private static Map<String, String> headers(MultiMap headers) {
    Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach(entry -> copy.putIfAbsent(entry.getKey(), entry.getValue()));
    return copy;
  }

  static Map<String, List<String>> query(String raw) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return query;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      query.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
    }
    return query;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
