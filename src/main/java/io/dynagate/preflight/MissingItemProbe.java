package io.dynagate.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynagate.preflight.PreflightReport.ProbeResult;
import io.dynagate.preflight.PreflightReport.Request;
import io.dynagate.preflight.StageClient.Reply;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A key no item holds: GetItem answers 404 with a JSON body; Query answers 200 with no items (the
 * generated template) or valid JSON (a team's own).
 */
final class MissingItemProbe implements Probe {

  @Override
  public String name() {
    return "missing item";
  }

  @Override
  public boolean appliesTo(RouteCase route) {
    return route.reads();
  }

  @Override
  public ProbeResult run(RouteCase route, Probing on) {
    StageClient stage = on.stage();
    TableFixture fixture = route.fixture();
    Request request;
    if (route.query()) {
      QueryGroup group = QueryGroup.of(route, TableFixture.Variant.PLAIN);
      request =
          route.query(fixture.missing(route.partitionKey()), group.conditionValues(), Map.of());
    } else {
      Map<String, JsonNode> key = new LinkedHashMap<>();
      fixture
          .table()
          .keySchema()
          .forEach(k -> key.put(k.attributeName(), fixture.missing(k.attributeName())));
      request = route.getItem(key);
    }
    Reply reply = stage.call(request);
    return reason(route, reply)
        .map(r -> ProbeResult.fail(name(), r, request, reply.answer()))
        .orElseGet(() -> ProbeResult.pass(name(), request, reply.answer()));
  }

  private static Optional<String> reason(RouteCase route, Reply reply) {
    Optional<JsonNode> json = StageClient.json(reply);
    int expected = route.query() ? 200 : 404;
    if (reply.status() != expected) {
      return Optional.of("expected " + expected + " for a missing key, got " + reply.status());
    }
    if (json.isEmpty()) {
      return Optional.of("the answer is not valid JSON");
    }
    if (route.query() && !route.customResponse()) {
      JsonNode items = json.get().path("items");
      if (!items.isArray() || items.size() != 0) {
        return Optional.of("expected no items, got " + PlainShape.brief(items));
      }
    }
    if (!route.query() && !json.get().isObject()) {
      return Optional.of("expected a JSON object");
    }
    return Optional.empty();
  }
}
