package io.dynagate.emulator.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;

/**
 * The emulator's own endpoints, for tests and benchmarks: {@code GET|DELETE /_emulator/calls}
 * (counts per {@code service:Operation}) and {@code GET|PUT /_emulator/config} (quotas and faults
 * at run time: {@code {"quotas":"aws","timeScale":0.05,"errorRate":0,"latencyMillis":0}}, each key
 * optional).
 */
@ApplicationScoped
public class AdminEndpoint {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final CallCounter calls;
  private final EmulatorSettings settings;
  private final Quotas quotas;

  public AdminEndpoint(CallCounter calls, EmulatorSettings settings, Quotas quotas) {
    this.calls = calls;
    this.settings = settings;
    this.quotas = quotas;
  }

  EmulatorResponse handle(EmulatorRequest request) throws IOException {
    String target = request.method() + " " + request.rawPath();
    return switch (target) {
      case "GET /_emulator/calls" ->
          EmulatorResponse.json(200, JSON.writeValueAsString(calls.snapshot()));
      case "DELETE /_emulator/calls" -> {
        calls.reset();
        yield EmulatorResponse.empty(204);
      }
      case "GET /_emulator/config" -> EmulatorResponse.json(200, render(settings.values()));
      case "PUT /_emulator/config" -> updateConfig(request);
      default -> EmulatorResponse.json(404, "{\"message\":\"No such emulator endpoint\"}");
    };
  }

  private EmulatorResponse updateConfig(EmulatorRequest request) throws IOException {
    EmulatorSettings.Values now = settings.values();
    try {
      JsonNode body = JSON.readTree(request.body());
      EmulatorSettings.Values next =
          new EmulatorSettings.Values(
              body.has("quotas")
                  ? "aws".equalsIgnoreCase(body.get("quotas").asText())
                  : now.quotas(),
              body.path("timeScale").asDouble(now.timeScale()),
              body.path("errorRate").asDouble(now.errorRate()),
              body.has("latencyMillis")
                  ? Duration.ofMillis(body.get("latencyMillis").asLong())
                  : now.latency());
      settings.update(next);
      quotas.reset();
      return EmulatorResponse.json(200, render(next));
    } catch (IllegalArgumentException | IOException e) {
      ObjectNode error = JSON.createObjectNode().put("message", e.getMessage());
      return EmulatorResponse.json(400, error.toString());
    }
  }

  private static String render(EmulatorSettings.Values values) {
    return JSON.createObjectNode()
        .put("quotas", values.quotas() ? "aws" : "off")
        .put("timeScale", values.timeScale())
        .put("errorRate", values.errorRate())
        .put("latencyMillis", values.latency().toMillis())
        .toString();
  }
}
