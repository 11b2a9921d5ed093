package io.dynagate.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynagate.preflight.PreflightReport.ProbeResult;
import io.dynagate.preflight.PreflightReport.Request;
import io.dynagate.preflight.StageClient.Reply;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the read probes share: an item answered, a group paged through. */
final class Checks {

  private Checks() {}

  /** A well-formed request of the route: a stored item, a group, or a write of a new key. */
  static Request anyRequest(RouteCase route, Probing on) {
    if (Writes.applies(route)) {
      return Writes.request(
          route, Writes.freshKey(route, on.nonce() + "p"), Writes.bodyAttributes(route, false));
    }
    if (route.query()) {
      QueryGroup group = QueryGroup.of(route, TableFixture.Variant.PLAIN);
      return route.query(group.partition(), group.conditionValues(), Map.of());
    }
    return route.getItem(route.itemKey(route.fixture().items(TableFixture.Variant.PLAIN).get(0)));
  }

  /** Asks a GetItem route for {@code item} and checks it comes back. */
  static ProbeResult found(String probe, RouteCase route, JsonNode item, StageClient stage) {
    Request request = route.getItem(route.itemKey(item));
    Reply reply = stage.call(request);
    return item(route, item, reply)
        .map(reason -> ProbeResult.fail(probe, reason, request, reply.answer()))
        .orElseGet(() -> ProbeResult.pass(probe, request, reply.answer()));
  }

  /**
   * Why an answer is not the item, if it is not. The generated template must answer exactly the
   * item's plain JSON; a team's own template its own shape, valid JSON holding the item's key.
   */
  static Optional<String> item(RouteCase route, JsonNode item, Reply reply) {
    if (reply.status() != 200) {
      return Optional.of("expected 200 with the item, got " + reply.status());
    }
    Optional<JsonNode> json = StageClient.json(reply);
    if (json.isEmpty()) {
      return Optional.of("the answer is not valid JSON");
    }
    if (route.customResponse()) {
      return missingKey(route.itemKey(item), json.get());
    }
    return PlainShape.mismatch(item, route.visible(item), json.get());
  }

  private static Optional<String> missingKey(Map<String, JsonNode> key, JsonNode answer) {
    for (var part : key.entrySet()) {
      if (!PlainShape.holds(answer, part.getValue())) {
        return Optional.of(
            "the answer does not hold the key "
                + part.getKey()
                + " = "
                + PlainShape.plain(part.getValue()));
      }
    }
    return Optional.empty();
  }

  /**
   * Pages through a Query route's group one item at a time, following {@code nextCursor}, and
   * checks the items and their order. A team's own template is asked once, for valid JSON holding
   * the partition key.
   */
  static ProbeResult pages(String probe, RouteCase route, QueryGroup group, StageClient stage) {
    if (route.customResponse()) {
      Request request = route.query(group.partition(), group.conditionValues(), Map.of());
      Reply reply = stage.call(request);
      Optional<String> reason = queryAnswer(reply);
      if (reason.isEmpty() && !group.expected().isEmpty()) {
        reason =
            missingKey(
                Map.of(route.partitionKey(), group.partition()), StageClient.json(reply).get());
      }
      return reason
          .map(r -> ProbeResult.fail(probe, r, request, reply.answer()))
          .orElseGet(() -> ProbeResult.pass(probe, request, reply.answer()));
    }
    List<JsonNode> got = new ArrayList<>();
    String cursor = null;
    Request request = null;
    Reply reply = null;
    int pages = 0;
    do {
      Map<String, String> paging = new LinkedHashMap<>();
      paging.put("limit", "1");
      if (cursor != null) {
        paging.put("cursor", cursor);
      }
      request = route.query(group.partition(), group.conditionValues(), paging);
      reply = stage.call(request);
      pages++;
      Optional<String> reason = queryAnswer(reply);
      if (reason.isEmpty() && !StageClient.json(reply).get().path("items").isArray()) {
        reason = Optional.of("the answer has no items array");
      }
      if (reason.isPresent()) {
        return ProbeResult.fail(
            probe, "page " + pages + ": " + reason.get(), request, reply.answer());
      }
      JsonNode page = StageClient.json(reply).get();
      page.get("items").forEach(got::add);
      JsonNode next = page.path("nextCursor");
      cursor = next.isTextual() ? next.textValue() : null;
      if (!next.isMissingNode() && !next.isNull() && !next.isTextual()) {
        return ProbeResult.fail(probe, "nextCursor is not a string", request, reply.answer());
      }
    } while (cursor != null && pages <= group.expected().size() + 1);
    if (cursor != null) {
      return ProbeResult.fail(
          probe, "the cursor still had pages after every item was read", request, reply.answer());
    }
    Optional<String> wrong = sameItems(route, group, got);
    if (wrong.isEmpty() && group.expected().size() > 1 && pages < 2) {
      wrong = Optional.of("limit=1 answered every item on one page");
    }
    Request last = request;
    Reply lastReply = reply;
    return wrong
        .map(r -> ProbeResult.fail(probe, r, last, lastReply.answer()))
        .orElseGet(() -> ProbeResult.pass(probe, last, lastReply.answer()));
  }

  private static Optional<String> queryAnswer(Reply reply) {
    if (reply.status() != 200) {
      return Optional.of("expected 200, got " + reply.status());
    }
    return StageClient.json(reply).isEmpty()
        ? Optional.of("the answer is not valid JSON")
        : Optional.empty();
  }

  private static Optional<String> sameItems(RouteCase route, QueryGroup group, List<JsonNode> got) {
    List<JsonNode> expected = group.expected();
    if (got.size() != expected.size()) {
      return Optional.of(
          "the pages held " + got.size() + " items where " + expected.size() + " were expected");
    }
    List<JsonNode> left = new ArrayList<>(expected);
    for (int i = 0; i < got.size(); i++) {
      JsonNode answered = got.get(i);
      JsonNode match =
          group.ordered()
              ? expected.get(i)
              : left.stream()
                  .filter(e -> PlainShape.mismatch(e, route.visible(e), answered).isEmpty())
                  .findFirst()
                  .orElse(left.isEmpty() ? expected.get(i) : left.get(0));
      Optional<String> wrong = PlainShape.mismatch(match, route.visible(match), answered);
      if (wrong.isPresent()) {
        return Optional.of("item " + i + ": " + wrong.get());
      }
      left.remove(match);
    }
    return Optional.empty();
  }
}
