package io.dynagate.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynagate.declaration.RouteSpec;
import io.dynagate.declaration.RouteSpec.Mode;
import io.dynagate.preflight.PreflightReport.ProbeResult;
import io.dynagate.preflight.PreflightReport.Request;
import io.dynagate.preflight.StageClient.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A write with hostile values, then the table read back: PutItem creates (201) or replaces (200)
 * the item exactly as sent, UpdateItem answers the new item and stores it, DeleteItem answers 204
 * and leaves nothing.
 */
final class WriteProbe implements Probe {

  @Override
  public String name() {
    return "write and read back";
  }

  @Override
  public boolean appliesTo(RouteCase route) {
    return Writes.applies(route);
  }

  @Override
  public ProbeResult run(RouteCase route, Probing on) {
    RouteSpec spec = route.spec();
    Map<String, JsonNode> key = Writes.freshKey(route, on.nonce());
    Map<String, JsonNode> body = Writes.bodyAttributes(route, true);
    boolean existing =
        switch (spec.actionOrDefault()) {
          case PutItem -> spec.modeOrDefault() == Mode.replace;
          default -> true;
        };
    JsonNode before = existing ? Writes.setUp(route, key, on) : null;
    Request request = Writes.request(route, key, body);
    Reply reply = on.stage().call(request);
    Optional<String> reason = check(route, key, body, before, reply, on);
    return reason
        .map(r -> ProbeResult.fail(name(), r, request, reply.answer()))
        .orElseGet(() -> ProbeResult.pass(name(), request, reply.answer()));
  }

  private static Optional<String> check(
      RouteCase route,
      Map<String, JsonNode> key,
      Map<String, JsonNode> body,
      JsonNode before,
      Reply reply,
      Probing on) {
    int expected = expectedStatus(route.spec(), before != null);
    boolean custom = route.customResponse();
    if (custom ? reply.status() / 100 != 2 : reply.status() != expected) {
      return Optional.of("expected " + expected + ", got " + reply.status());
    }
    if (expected != 204 && StageClient.json(reply).isEmpty()) {
      return Optional.of("the answer is not valid JSON");
    }
    Optional<JsonNode> stored = on.get(route.fixture().table().tableName(), key);
    if (expected == 204) {
      return stored.isPresent()
          ? Optional.of("the item is still stored after the delete")
          : Optional.empty();
    }
    ObjectNode wanted =
        before == null ? SyntheticValues.NODES.objectNode() : ((ObjectNode) before).deepCopy();
    if (route.spec().actionOrDefault() == RouteSpec.Action.PutItem) {
      wanted.removeAll();
    }
    boolean nullRemoves =
        route.spec().actionOrDefault() == RouteSpec.Action.UpdateItem
            && route.spec().allowRemoveOrDefault();
    body.forEach(
        (name, value) -> {
          if (nullRemoves && value.has("NULL")) {
            wanted.remove(name);
          } else {
            wanted.set(name, value);
          }
        });
    key.forEach(wanted::set);
    Optional<String> reason = Writes.stored(route, wanted, stored);
    if (reason.isEmpty()
        && route.spec().actionOrDefault() == RouteSpec.Action.UpdateItem
        && !custom) {
      JsonNode answered = StageClient.json(reply).get();
      reason = answerMismatch(route, wanted, answered);
    }
    return reason;
  }

  /** UpdateItem's generated answer is the new item, plain (server-set attributes aside). */
  private static Optional<String> answerMismatch(
      RouteCase route, ObjectNode wanted, JsonNode answered) {
    if (!answered.isObject()) {
      return Optional.of("the answer is not the item");
    }
    ObjectNode plain = ((ObjectNode) answered).deepCopy();
    Writes.removeServerSet(route, plain);
    ObjectNode expected = wanted.deepCopy();
    Writes.removeServerSet(route, expected);
    List<String> names = new ArrayList<>();
    expected.fieldNames().forEachRemaining(names::add);
    return PlainShape.mismatch(expected, names, plain).map(r -> "answer: " + r);
  }

  private static int expectedStatus(RouteSpec spec, boolean existed) {
    return switch (spec.actionOrDefault()) {
      case PutItem -> existed ? 200 : 201;
      case UpdateItem -> 200;
      case DeleteItem -> 204;
      default -> throw new IllegalStateException("not a write: " + spec.actionOrDefault());
    };
  }
}
