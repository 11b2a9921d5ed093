package io.dynagate.emulator.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dynagate.embedded.DynaliteProcess;
import io.dynagate.emulator.core.EmulatorRequest;
import io.dynagate.emulator.core.EmulatorResponse;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pass-through on the real dynalite, called as the data plane and TestInvokeMethod call it:
 * from threads outside Vert.x, many at once, on pooled connections.
 */
class DynamoPassThroughTest {

  private static final String TARGET = "DynamoDB_20120810.ListTables";
  private static final String AUTHORIZATION =
      "AWS4-HMAC-SHA256 Credential=test/20261206/us-east-1/dynamodb/aws4_request,"
          + " SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=00";

  @TempDir Path data;
  private DynaliteProcess dynalite;
  private Vertx vertx;
  private DynamoPassThrough passThrough;

  @BeforeEach
  void start() throws IOException {
    dynalite =
        DynaliteProcess.start(
            Path.of("target/dynalite").toAbsolutePath(), data, freePort(), Duration.ofSeconds(30));
    vertx = Vertx.vertx();
    passThrough =
        new DynamoPassThrough(
            vertx,
            dynalite::endpoint,
            new RegistryGuard("dynagate-registry", "000000000000", "us-east-1"));
  }

  @AfterEach
  void stop() {
    passThrough.close();
    vertx.close().toCompletionStage().toCompletableFuture().join();
    dynalite.close();
  }

  /**
   * Every call is answered, from whichever thread it comes. A call whose response body was asked
   * for in a step chained from the calling thread could miss an answer that had already ended, and
   * then wait forever; the full service showed it as a 504 after the integration timeout, about
   * once in 150 TestInvokeMethod calls on two busy cores. This run cannot force that interleaving;
   * it holds the pass-through to answering every one of many concurrent calls.
   */
  @Test
  void everyCallFromThreadsOutsideVertxIsAnswered() throws Exception {
    int threads = 8;
    int callsEach = 250;
    ExecutorService callers = Executors.newFixedThreadPool(threads);
    AtomicInteger unanswered = new AtomicInteger();
    AtomicInteger answered = new AtomicInteger();
    try {
      List<CompletableFuture<Void>> runs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        runs.add(
            CompletableFuture.runAsync(
                () -> {
                  for (int i = 0; i < callsEach; i++) {
                    try {
                      EmulatorResponse answer =
                          passThrough
                              .forward(listTables())
                              .toCompletableFuture()
                              .get(5, TimeUnit.SECONDS);
                      assertEquals(
                          200, answer.status(), new String(answer.body(), StandardCharsets.UTF_8));
                      answered.incrementAndGet();
                    } catch (TimeoutException e) {
                      unanswered.incrementAndGet();
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    }
                  }
                },
                callers));
      }
      CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
    } finally {
      callers.shutdownNow();
    }
    assertEquals(0, unanswered.get(), answered.get() + " answered");
    assertEquals(threads * callsEach, answered.get());
  }

  private static EmulatorRequest listTables() {
    return new EmulatorRequest(
        "POST",
        "/",
        Map.of(),
        Map.of(
            "content-type",
            "application/x-amz-json-1.0",
            "x-amz-target",
            TARGET,
            "x-amz-date",
            "20261206T000000Z",
            "authorization",
            AUTHORIZATION),
        "{}".getBytes(StandardCharsets.UTF_8));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
