package io.dynagate.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynagate.preflight.PreflightReport.ProbeResult;
import io.dynagate.preflight.PreflightReport.Request;
import io.dynagate.preflight.StageClient.Reply;
import java.util.Map;
import java.util.Optional;

/**
 * A body that violates the route's model: API Gateway's request validator answers 400 {@code
 * {"message":"Invalid request body"}} before the integration runs, so DynamoDB receives no call
 * (counted on the shadow) and nothing is stored. A 400 that the templates' error mapping made after
 * DynamoDB refused the item is not that: the body reached DynamoDB.
 */
final class InvalidBodyProbe implements Probe {

  private static final JsonNode REFUSAL =
      StageClient.JSON.createObjectNode().put("message", "Invalid request body");

  @Override
  public String name() {
    return "invalid body";
  }

  @Override
  public boolean appliesTo(RouteCase route) {
    return Writes.applies(route) && Writes.hasBody(route);
  }

  @Override
  public Phase phase() {
    return Phase.ALONE;
  }

  @Override
  public ProbeResult run(RouteCase route, Probing on) {
    var key = Writes.freshKey(route, on.nonce() + "i");
    Request request = Writes.request(route, key, Map.of()).withBody(invalidBody(route));
    long before = on.dynamoCalls();
    Reply reply = on.stage().call(request);
    long reached = on.dynamoCalls() - before;
    return reason(reply, reached)
        .or(
            () ->
                on.get(route.fixture().table().tableName(), key).isPresent()
                    ? Optional.of("an item was stored anyway")
                    : Optional.empty())
        .map(r -> ProbeResult.fail(name(), r, request, reply.answer()))
        .orElseGet(() -> ProbeResult.pass(name(), request, reply.answer()));
  }

  /**
   * A declared attribute of another type than declared when the body has one, else a JSON array
   * where the model wants an object.
   */
  private static String invalidBody(RouteCase route) {
    var declared = Writes.bodyAttributes(route, false).entrySet().stream().findFirst();
    if (declared.isEmpty()) {
      return "[\"not an object\"]";
    }
    JsonNode typed = declared.get().getValue();
    String wrong = typed.has("S") || typed.has("B") ? "42" : "\"not of the declared type\"";
    return "{" + StageClient.JSON.valueToTree(declared.get().getKey()) + ":" + wrong + "}";
  }

  private static Optional<String> reason(Reply reply, long dynamoCalls) {
    if (dynamoCalls > 0) {
      return Optional.of(
          "the body reached DynamoDB ("
              + dynamoCalls
              + (dynamoCalls == 1 ? " call" : " calls")
              + ", answered "
              + reply.status()
              + "): no request validator checks it against the route's model before the"
              + " template runs");
    }
    if (reply.status() != 400) {
      return Optional.of("expected 400 from the request validator, got " + reply.status());
    }
    if (StageClient.json(reply).filter(REFUSAL::equals).isEmpty()) {
      return Optional.of("expected API Gateway's answer " + REFUSAL + ", got another body");
    }
    return Optional.empty();
  }
}
