package io.dynagate.emulator.core;

import io.dynagate.embedded.EmbeddedEngine;
import io.dynagate.embedded.EmbeddedStartException;
import io.dynagate.embedded.StartupStep;
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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The local AWS endpoint of the embedded mode, on {@code dynagate.emulator.port}. A Vert.x server:
 * Quarkus already runs Vert.x, its event loop keeps the DynamoDB pass-through and the data plane
 * non-blocking, and control-plane work moves to worker threads. Starts before anything uses the API
 * Gateway, IAM or STS clients (order 5) and stops with the application.
 */
@ApplicationScoped
public class EmulatorServer implements StartupStep {

  private static final Logger LOG = Logger.getLogger(EmulatorServer.class);

  private final Vertx vertx;
  private final EmbeddedEngine engine;
  // Resolved only in embedded mode: the router's stores read DATA_DIR/emulator when created.
  private final Instance<EmulatorRouter> routers;
  private EmulatorRouter router;
  private HttpServer server;

  public EmulatorServer(Vertx vertx, EmbeddedEngine engine, Instance<EmulatorRouter> routers) {
    this.vertx = vertx;
    this.engine = engine;
    this.routers = routers;
  }

  @Override
  public int order() {
    return 5;
  }

  @Override
  public synchronized void run() {
    if (!engine.enabled() || server != null) {
      return;
    }
    router = routers.get();
    HttpServer created = vertx.createHttpServer(new HttpServerOptions());
    created.requestHandler(this::accept);
    try {
      created
          .listen(engine.emulatorPort())
          .toCompletionStage()
          .toCompletableFuture()
          .get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new EmbeddedStartException(
          "the AWS emulator cannot listen on port " + engine.emulatorPort() + ": " + e.getMessage(),
          e);
    }
    server = created;
    LOG.infof("AWS emulator listening on %s", engine.emulatorEndpoint());
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
            body.getBytes());
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

  private static Map<String, String> headers(MultiMap headers) {
    Map<String, String> copy = new HashMap<>();
    headers.forEach(
        entry -> copy.putIfAbsent(entry.getKey().toLowerCase(Locale.ROOT), entry.getValue()));
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
    return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
