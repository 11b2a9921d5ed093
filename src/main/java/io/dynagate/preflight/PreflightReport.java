package io.dynagate.preflight;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one preflight found: per route, per probe, passed or not, with the request made and the
 * answer got. A value, kept by the hash of what it proved.
 *
 * @param definitionHash the hash of the definition that was proved
 * @param subjectHash the definition hash with the table declarations the synthetic items came from
 * @param refusal why the shadow refused the definition before any probe ran, or null
 * @param millis how long the run took
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PreflightReport(
    String api,
    String definitionHash,
    String subjectHash,
    boolean passed,
    String refusal,
    List<RouteResult> routes,
    Instant ranAt,
    long millis) {

  public PreflightReport {
    routes = List.copyOf(routes);
  }

  /** The probes of one route. */
  public record RouteResult(
      String route, String method, String path, boolean passed, List<ProbeResult> probes) {
    public RouteResult {
      probes = List.copyOf(probes);
    }
  }

  /** One probe: what it asked, what came back, and why it failed when it did. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ProbeResult(
      String probe, boolean passed, String reason, Request request, Answer answer) {

    static ProbeResult pass(String probe, Request request, Answer answer) {
      return new ProbeResult(probe, true, null, request, answer);
    }

    static ProbeResult fail(String probe, String reason, Request request, Answer answer) {
      return new ProbeResult(probe, false, reason, request, answer);
    }
  }

  /**
   * A request to the deployed stage; {@code path} is relative to it, query string included; {@code
   * body} is JSON text, or null.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Request(String method, String path, Map<String, String> headers, String body) {
    public Request {
      headers = Map.copyOf(headers);
    }

    Request(String method, String path, Map<String, String> headers) {
      this(method, path, headers, null);
    }

    Request withBody(String json) {
      return new Request(method, path, headers, json);
    }

    Request withHeader(String name, String value) {
      Map<String, String> more = new LinkedHashMap<>(headers);
      more.put(name, value);
      return new Request(method, path, more, body);
    }
  }

  /** The stage's answer; bodies are cut at {@link #MAX_BODY} characters. */
  public record Answer(int status, String body) {
    public static final int MAX_BODY = 2_000;

    public Answer {
      body = body.length() <= MAX_BODY ? body : body.substring(0, MAX_BODY) + "...";
    }
  }

  /** The first failing probe with its route, if any. */
  public Optional<Failure> firstFailure() {
    for (RouteResult route : routes) {
      for (ProbeResult probe : route.probes()) {
        if (!probe.passed()) {
          return Optional.of(new Failure(route.route(), probe));
        }
      }
    }
    return Optional.empty();
  }

  /** A failing probe of a route. */
  public record Failure(String route, ProbeResult probe) {
    /** One line for status and events: the probe, its request and the answer. */
    public String describe() {
      String request =
          probe.request() == null
              ? ""
              : "; request " + probe.request().method() + " " + probe.request().path();
      String answer =
          probe.answer() == null
              ? ""
              : "; answer "
                  + probe.answer().status()
                  + " "
                  + PlainShape.brief(probe.answer().body());
      return "route "
          + route
          + ", probe "
          + probe.probe()
          + ": "
          + probe.reason()
          + request
          + answer;
    }
  }

  /** One line for status: what failed, or that every probe passed. */
  public String summary() {
    if (refusal != null) {
      return "preflight: the definition was refused: " + refusal;
    }
    return firstFailure()
        .map(f -> "preflight failed: " + f.describe())
        .orElse("preflight passed: " + routes.size() + " routes");
  }
}
