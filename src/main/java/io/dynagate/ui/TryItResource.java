package io.dynagate.ui;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynagate.api.Bodies;
import io.dynagate.api.Problem;
import io.dynagate.declaration.SpecReader;
import io.dynagate.declaration.Violation;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The "try it" panel's server side: calls a route of a live API and answers what it answered. The
 * browser cannot call the live route itself, which is on another origin (the emulator's port, or
 * execute-api on AWS) whose CORS settings belong to the API's owner; so this calls only the invoke
 * URL of an API the caller may read, read as the caller.
 */
@Authenticated
@Path("/ui/try")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class TryItResource {

  private static final Duration LIVE_TIMEOUT = Duration.ofSeconds(20);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ManagementReads reads;
  private final Bodies bodies;

  public TryItResource(ManagementReads reads, Bodies bodies) {
    this.reads = reads;
    this.bodies = bodies;
  }

  @POST
  public Response tryRoute(String body) {
    // Read as declarations are: every wrong field named at once, no Java type in a message.
    var read = SpecReader.read(bodies.parse(body), TryRequest.class);
    if (!read.ok()) {
      return invalid(read.violations());
    }
    TryRequest request = read.spec();
    if (request.api() == null || request.route() == null) {
      return invalid(List.of(Violation.of("route", "name the api and the route to try")));
    }
    JsonNode api = reads.api(request.api());
    JsonNode route = reads.route(request.api(), request.route());
    String invokeUrl = api.path("status").path("invokeUrl").asText("");
    LiveRequest.Result live =
        LiveRequest.of(
            invokeUrl, route.path("spec").path("path").asText(), request, headersRead(route));
    if (!live.violations().isEmpty()) {
      return invalid(live.violations());
    }
    if (invokeUrl.isEmpty()) {
      return Response.status(409)
          .type(Problem.MEDIA_TYPE)
          .entity(
              Problem.of(
                  409,
                  "Not live",
                  "the API has no invoke URL yet (phase "
                      + api.path("status").path("phase").asText("unknown")
                      + "): reconcile it first"))
          .build();
    }
    String method = route.path("spec").path("method").asText("GET");
    return Response.ok(call(live.request(), method, request.body())).build();
  }

  private TryResult call(LiveRequest live, String method, String body) {
    // write routes are tried with their method and JSON body; reads stay bodiless GETs
    boolean sendsBody = body != null && !method.equals("GET") && !method.equals("DELETE");
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(live.uri())
            .timeout(LIVE_TIMEOUT)
            .method(
                method,
                sendsBody
                    ? HttpRequest.BodyPublishers.ofString(body)
                    : HttpRequest.BodyPublishers.noBody());
    if (sendsBody) {
      builder.header("Content-Type", "application/json");
    }
    live.headers().forEach(builder::header);
    long started = System.nanoTime();
    try {
      HttpResponse<String> answer =
          http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new TryResult(
          answer.statusCode(),
          live.uri().toString(),
          answer.headers().firstValue("Content-Type").orElse(""),
          answer.body(),
          Duration.ofNanos(System.nanoTime() - started).toMillis());
    } catch (IOException e) {
      return new TryResult(
          502, live.uri().toString(), "text/plain", "no answer: " + e.getMessage(), 0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Header names (lower case) the route's key and sort-key sources read ({@code header.X}). */
  private static Set<String> headersRead(JsonNode route) {
    JsonNode spec = route.path("spec");
    Set<String> names = new HashSet<>();
    List<JsonNode> sources = new ArrayList<>();
    spec.path("key").forEach(sources::add);
    sources.add(spec.path("sortKey").path("value"));
    spec.path("sortKey").path("values").forEach(sources::add);
    if (spec.hasNonNull("versionAttribute")) {
      names.add("if-match");
    }
    for (JsonNode source : sources) {
      String text = source.asText("");
      if (text.startsWith("header.")) {
        names.add(text.substring("header.".length()).toLowerCase(Locale.ROOT));
      }
    }
    return names;
  }

  private static Response invalid(List<Violation> violations) {
    return Response.status(400)
        .type(Problem.MEDIA_TYPE)
        .entity(
            new Problem(
                "about:blank", "Invalid try", 400, "fill in the route's parameters", violations))
        .build();
  }
}
