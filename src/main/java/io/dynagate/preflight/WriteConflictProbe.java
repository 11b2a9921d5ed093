package io.dynagate.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynagate.declaration.RouteSpec;
import io.dynagate.declaration.RouteSpec.Action;
import io.dynagate.declaration.RouteSpec.Mode;
import io.dynagate.preflight.PreflightReport.ProbeResult;
import io.dynagate.preflight.PreflightReport.Request;
import io.dynagate.preflight.StageClient.Reply;
import java.util.Map;

/**
 * A write whose condition fails: creating an item that exists answers 409; replacing, updating or
 * deleting one that does not answers 404; a versioned route given another version answers 412. Each
 * with a JSON body.
 */
final class WriteConflictProbe implements Probe {

  private static final String OTHER_VERSION = "7";

  @Override
  public String name() {
    return "write conflict";
  }

  @Override
  public boolean appliesTo(RouteCase route) {
    return Writes.applies(route)
        && !(route.spec().actionOrDefault() == Action.PutItem
            && route.spec().modeOrDefault() == Mode.upsert);
  }

  @Override
  public ProbeResult run(RouteCase route, Probing on) {
    RouteSpec spec = route.spec();
    Map<String, JsonNode> key = Writes.freshKey(route, on.nonce() + "c");
    boolean versioned = spec.versionAttribute() != null;
    boolean create =
        spec.actionOrDefault() == Action.PutItem && spec.modeOrDefault() == Mode.create;
    if (create || versioned) {
      Writes.setUp(route, key, on);
    }
    Request request = Writes.request(route, key, Writes.bodyAttributes(route, false));
    if (versioned) {
      request = request.withHeader("If-Match", OTHER_VERSION);
    }
    int expected = create ? 409 : versioned ? 412 : 404;
    Request sent = request;
    Reply reply = on.stage().call(sent);
    if (reply.status() != expected) {
      return ProbeResult.fail(
          name(), "expected " + expected + ", got " + reply.status(), sent, reply.answer());
    }
    if (StageClient.json(reply).filter(JsonNode::isObject).isEmpty()) {
      return ProbeResult.fail(name(), "expected a JSON object", sent, reply.answer());
    }
    return ProbeResult.pass(name(), sent, reply.answer());
  }
}
