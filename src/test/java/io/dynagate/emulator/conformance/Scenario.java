package io.dynagate.emulator.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one recorded test's steps in order: SDK calls ({@code call}), data-plane requests ({@code
 * http}), values kept for later steps ({@code save}, used as {@code ${name}}), and the comparison
 * of every step that names a {@code record} with AWS's recorded answer.
 */
final class Scenario {

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(:upper)?}");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** The verdict on one recorded answer. */
  record Outcome(String record, boolean passed, List<String> differences) {
    String line(String testId) {
      return (passed ? "- PASS " : "- FAIL ")
          + testId
          + " ["
          + record
          + "]"
          + (passed ? "" : ": " + String.join("; ", differences));
    }
  }

  private final Replay replay;
  private final URI endpoint;

  Scenario(Replay replay, URI endpoint) {
    this.replay = replay;
    this.endpoint = endpoint;
  }

  List<Outcome> run(JsonNode test) {
    Map<String, String> vars = new HashMap<>();
    vars.put("uid", UUID.randomUUID().toString().substring(0, 8));
    JsonNode recorded = test.path("recorded");
    Set<String> pending = new LinkedHashSet<>();
    recorded.fieldNames().forEachRemaining(pending::add);
    List<Outcome> outcomes = new ArrayList<>();
    String abort = null;
    for (JsonNode step : test.path("steps")) {
      String record = step.path("record").asText(null);
      if (abort != null) {
        continue;
      }
      if (step.has("importedResources")) {
        String api = substitute(step.path("importedResources"), vars).asText();
        String prefix = step.path("prefix").asText("");
        for (Map.Entry<String, Replay.Answer> read : Imported.read(replay, api).entrySet()) {
          String name = prefix + read.getKey();
          pending.remove(name);
          outcomes.add(compare(recorded, name, read.getValue(), test.path("skip")));
        }
        continue;
      }
      Replay.Answer answer;
      try {
        answer = perform(step, vars);
      } catch (RuntimeException e) {
        abort = "step " + step + " threw " + e;
        continue;
      }
      if (step.path("logLines").asBoolean(false)) {
        answer = withLogLines(answer);
      }
      if (step.has("ownItems")) {
        answer = ownItems(answer, substitute(step.path("ownItems"), vars));
      }
      if (record != null) {
        pending.remove(record);
        outcomes.add(compare(recorded, record, answer, test.path("skip")));
      } else if (step.has("expect")) {
        outcomes.add(asserted(step, answer));
      } else if (answer.failed() != step.path("fails").asBoolean(false)) {
        abort = "setup step " + step.path("call").asText("http") + " answered " + answer;
      }
      save(step.path("save"), answer.body(), vars);
    }
    String reason = abort == null ? "not reached" : abort;
    pending.forEach(r -> outcomes.add(new Outcome(r, false, List.of(reason))));
    return outcomes;
  }

  /**
   * TestInvokeMethod's log as the recording's formatter left it: one member per line ({@code
   * line00}...), time stamps replaced by the formatter's fixed text.
   */
  private static Replay.Answer withLogLines(Replay.Answer answer) {
    JsonNode log = answer.body().get("log");
    if (log == null || !log.isTextual()) {
      return answer;
    }
    ObjectNode body = answer.body().deepCopy();
    ObjectNode lines = body.putObject("log");
    String[] split = log.asText().split("\n", -1);
    for (int i = 0; i < split.length; i++) {
      lines.put(
          String.format("line%02d", i),
          split[i].replaceAll(
              "[a-zA-Z]{3}\\s[a-zA-Z]{3}\\s\\d{2}\\s\\d{2}:\\d{2}:\\d{2}\\sUTC\\s\\d{4} :",
              "DDD MMM dd hh:mm:ss UTC yyyy :"));
    }
    return new Replay.Answer(answer.status(), body);
  }

  /**
   * A list's {@code items} narrowed to those whose id the case saved. A source test that empties
   * the account first (e.g. deletes every usage plan) records a list of its own items only; the
   * suite's emulator is shared with other tests whose items are not the case's to delete.
   */
  private static Replay.Answer ownItems(Replay.Answer answer, JsonNode ids) {
    Set<String> own = new HashSet<>();
    ids.forEach(id -> own.add(id.asText()));
    ObjectNode body = answer.body().deepCopy();
    ArrayNode kept = body.putArray("items");
    answer
        .body()
        .path("items")
        .forEach(
            item -> {
              if (own.contains(item.path("id").asText())) {
                kept.add(item);
              }
            });
    return new Replay.Answer(answer.status(), body);
  }

  /**
   * Compares one answer; {@code skip} holds the paths the source test leaves unverified ({@code
   * skip_snapshot_verify}), as {@code record:/path/with/*}.
   */
  private static Outcome compare(
      JsonNode recorded, String record, Replay.Answer answer, JsonNode skip) {
    if (!recorded.has(record)) {
      return new Outcome(record, false, List.of("AWS recorded no such answer"));
    }
    List<String> diff =
        new ArrayList<>(
            Recorded.differences(recorded.path(record), answer.body(), answer.status()));
    for (JsonNode entry : skip) {
      String[] parts = entry.asText().split(":", 2);
      if (parts[0].equals(record)) {
        Pattern unverified =
            Pattern.compile(
                Pattern.quote(parts[1]).replace("*", "\\E[^/]+\\Q") + "(/.*)?:.*", Pattern.DOTALL);
        diff.removeIf(d -> unverified.matcher(d).matches());
      }
    }
    return new Outcome(record, diff.isEmpty(), diff);
  }

  /**
   * A fact the source test asserts rather than records (on AWS as well): the status, and the raw
   * body when given.
   */
  private static Outcome asserted(JsonNode step, Replay.Answer answer) {
    JsonNode expect = step.path("expect");
    List<String> diff = new ArrayList<>();
    if (expect.has("status") && expect.path("status").asInt() != answer.status()) {
      diff.add("status: asserted " + expect.path("status").asInt() + ", got " + answer.status());
    }
    String raw = answer.body().path("raw").asText();
    if (expect.has("body") && !expect.path("body").asText().equals(raw)) {
      diff.add("body: asserted " + expect.path("body") + ", got " + raw);
    }
    expect
        .path("headers")
        .fields()
        .forEachRemaining(
            h -> {
              String got = answer.body().path("headers").path(h.getKey()).asText(null);
              if (!h.getValue().asText().equals(got)) {
                diff.add("header " + h.getKey() + ": asserted " + h.getValue() + ", got " + got);
              }
            });
    return new Outcome("asserted: " + step.path("name").asText(), diff.isEmpty(), diff);
  }

  private Replay.Answer perform(JsonNode step, Map<String, String> vars) {
    if (step.has("http")) {
      return http(substitute(step.path("http"), vars));
    }
    JsonNode params = substitute(step.path("params"), vars);
    String body = params.path("body").asText("");
    if (body.startsWith("@file:")) {
      ((ObjectNode) params).put("body", file(body.substring("@file:".length())));
    }
    return replay.call(
        step.path("service").asText("apigateway"), step.path("call").asText(), params);
  }

  private Replay.Answer http(JsonNode request) {
    URI uri = endpoint.resolve(request.path("path").asText());
    String body = request.has("body") ? text(request.path("body")) : null;
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .method(
                request.path("method").asText("GET"),
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    request
        .path("headers")
        .fields()
        .forEachRemaining(h -> builder.header(h.getKey(), text(h.getValue())));
    HttpResponse<String> response;
    try {
      response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    ObjectNode answer = JsonNodeFactory.instance.objectNode();
    JsonNode content = parse(response.body());
    if (request.path("bytesBody").asBoolean(false)) {
      // the recording kept a body that was not JSON as Python shows bytes
      content = TextNode.valueOf("b'" + response.body() + "'");
    }
    if (request.has("as")) {
      // the recording's own shape: members named by the test, each the body or a header
      ObjectNode shaped = JsonNodeFactory.instance.objectNode();
      JsonNode parsed = content;
      request
          .path("as")
          .fields()
          .forEachRemaining(
              member -> {
                String from = member.getValue().asText();
                if (from.equals("body")) {
                  shaped.set(member.getKey(), parsed);
                } else if (from.startsWith("header:")) {
                  shaped.put(
                      member.getKey(),
                      response.headers().firstValue(from.substring(7)).orElse(null));
                }
              });
      return new Replay.Answer(response.statusCode(), shaped);
    }
    if (request.path("bodyOnly").asBoolean(false)) {
      return new Replay.Answer(response.statusCode(), (ObjectNode) content);
    }
    answer.set("body", content);
    answer.put("status_code", response.statusCode());
    ObjectNode headers = answer.putObject("headers");
    for (JsonNode name : request.path("keepHeaders")) {
      response.headers().firstValue(name.asText()).ifPresent(v -> headers.put(name.asText(), v));
    }
    if (headers.isEmpty()) {
      answer.remove("headers");
    }
    if (request.path("rawOnly").asBoolean(false)) {
      answer.removeAll();
    }
    answer.put("raw", response.body());
    return new Replay.Answer(response.statusCode(), answer);
  }

  /** An input definition under {@code conformance/files}. */
  private static String file(String name) {
    try (var in = Scenario.class.getResourceAsStream("/conformance/files/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no input file " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(JsonNode node) {
    return node.isTextual() ? node.asText() : node.toString();
  }

  private static JsonNode parse(String body) {
    try {
      return Replay.mapper().readTree(body);
    } catch (IOException notJson) {
      return TextNode.valueOf(body);
    }
  }

  private static JsonNode substitute(JsonNode node, Map<String, String> vars) {
    if (node.isTextual()) {
      Matcher m = VARIABLE.matcher(node.asText());
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        String value = vars.get(m.group(1));
        if (value == null) {
          throw new IllegalStateException("no value for ${" + m.group(1) + "}");
        }
        if (m.group(2) != null) {
          value = value.toUpperCase(java.util.Locale.ROOT);
        }
        m.appendReplacement(out, Matcher.quoteReplacement(value));
      }
      m.appendTail(out);
      return TextNode.valueOf(out.toString());
    }
    if (node.isContainerNode()) {
      JsonNode copy = node.deepCopy();
      if (copy.isObject()) {
        ObjectNode object = (ObjectNode) copy;
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
          String name = names.next();
          object.set(name, substitute(node.get(name), vars));
        }
      } else {
        for (int i = 0; i < copy.size(); i++) {
          ((com.fasterxml.jackson.databind.node.ArrayNode) copy)
              .set(i, substitute(node.get(i), vars));
        }
      }
      return copy;
    }
    return node;
  }

  /**
   * Keeps values of an answer: {@code "api": "id"}, {@code "root": "items[path=/].id"}, {@code
   * "first": "items[0].id"}.
   */
  private static void save(JsonNode save, JsonNode body, Map<String, String> vars) {
    save.fields()
        .forEachRemaining(
            e -> {
              JsonNode value = select(body, e.getValue().asText());
              if (value != null && !value.isMissingNode() && !value.isNull()) {
                vars.put(e.getKey(), value.asText());
              }
            });
  }

  private static JsonNode select(JsonNode node, String path) {
    JsonNode current = node;
    for (String part : path.split("\\.(?![^\\[]*])")) {
      int bracket = part.indexOf('[');
      String name = bracket < 0 ? part : part.substring(0, bracket);
      current = current.path(name);
      if (bracket >= 0) {
        String filter = part.substring(bracket + 1, part.length() - 1);
        current = pick(current, filter);
      }
    }
    return current;
  }

  private static JsonNode pick(JsonNode array, String filter) {
    int eq = filter.indexOf('=');
    if (eq < 0) {
      return array.path(Integer.parseInt(filter));
    }
    String key = filter.substring(0, eq);
    String value = filter.substring(eq + 1);
    for (JsonNode item : array) {
      if (value.equals(item.path(key).asText())) {
        return item;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }
}
