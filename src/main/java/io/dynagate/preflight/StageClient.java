package io.dynagate.preflight;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dynagate.preflight.PreflightReport.Answer;
import io.dynagate.preflight.PreflightReport.Request;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Calls a stage deployed on the shadow, as a client of the API would. */
final class StageClient {

  /** Strict: one JSON value, nothing after it, numbers exact. */
  static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient http;
  private final URI stage;
  private final Caller caller;

  StageClient(HttpClient http, URI stage) {
    this(http, stage, Caller.ANONYMOUS);
  }

  private StageClient(HttpClient http, URI stage, Caller caller) {
    this.http = http;
    this.stage = stage;
    this.caller = caller;
  }

  /** The same stage, called as {@code caller}. */
  StageClient as(Caller caller) {
    return new StageClient(http, stage, caller);
  }

  /** A whole answer (the report keeps a shortened copy). */
  record Reply(int status, String body) {
    Answer answer() {
      return new Answer(status, body);
    }
  }

  Reply call(Request request) {
    URI uri = URI.create(stage + request.path());
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .timeout(TIMEOUT)
            .method(
                request.method(),
                request.body() == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(request.body()));
    Map<String, String> headers = new LinkedHashMap<>();
    if (request.body() != null) {
      headers.put("Content-Type", "application/json");
    }
    headers.putAll(request.headers());
    headers.putAll(caller.credentials(request.method(), uri, headers, request.body()));
    headers.forEach(builder::header);
    try {
      HttpResponse<String> response =
          http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body());
    } catch (IOException e) {
      return new Reply(0, "no answer: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Reply(0, "interrupted");
    }
  }

  /** The answer's body as JSON, or empty when it is not exactly one JSON value. */
  static Optional<JsonNode> json(Reply answer) {
    try {
      return Optional.ofNullable(JSON.readTree(answer.body())).filter(n -> !n.isMissingNode());
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
