package io.dynagate.preflight;

import io.dynagate.preflight.PreflightReport.ProbeResult;
import io.dynagate.preflight.PreflightReport.Request;
import io.dynagate.preflight.StageClient.Reply;
import java.util.Map;

/**
 * A body that is not an object of the declared attributes: 400 with a JSON body, nothing stored.
 */
final class InvalidBodyProbe implements Probe {

  @Override
  public String name() {
    return "invalid body";
  }

  @Override
  public boolean appliesTo(RouteCase route) {
    return Writes.applies(route)
        && Writes.hasBody(route)
        && !Writes.bodyAttributes(route, false).isEmpty();
  }

  @Override
  public ProbeResult run(RouteCase route, Probing on) {
    var key = Writes.freshKey(route, on.nonce() + "i");
    var first = Writes.bodyAttributes(route, false).entrySet().iterator().next();
    String wrong = first.getValue().has("S") ? "42" : "\"not of the declared type\"";
    Request request =
        Writes.request(route, key, Map.of())
            .withBody("{" + StageClient.JSON.valueToTree(first.getKey()) + ":" + wrong + "}");
    Reply reply = on.stage().call(request);
    if (reply.status() != 400) {
      return ProbeResult.fail(
          name(), "expected 400, got " + reply.status(), request, reply.answer());
    }
    if (StageClient.json(reply).isEmpty()) {
      return ProbeResult.fail(name(), "the answer is not valid JSON", request, reply.answer());
    }
    if (on.get(route.fixture().table().tableName(), key).isPresent()) {
      return ProbeResult.fail(name(), "an item was stored anyway", request, reply.answer());
    }
    return ProbeResult.pass(name(), request, reply.answer());
  }
}
