package io.dynagate.preflight;

import io.dynagate.declaration.AccessSpec.Authorization;
import io.dynagate.preflight.PreflightReport.ProbeResult;
import io.dynagate.preflight.PreflightReport.Request;
import io.dynagate.preflight.StageClient.Reply;

/**
 * A route that requires an API key or a SigV4 signature, called with neither: 403 with a JSON body,
 * as API Gateway refuses it, before any DynamoDB call.
 */
final class RefusedWithoutCredentialsProbe implements Probe {

  @Override
  public String name() {
    return "refused without credentials";
  }

  @Override
  public boolean appliesTo(RouteCase route) {
    return route.authorization() != Authorization.NONE && (route.reads() || Writes.applies(route));
  }

  @Override
  public boolean callsAsClient() {
    return false;
  }

  @Override
  public ProbeResult run(RouteCase route, Probing on) {
    Request request = Checks.anyRequest(route, on);
    Reply reply = on.stage().call(request);
    if (reply.status() != 403) {
      return ProbeResult.fail(
          name(),
          "expected 403 without "
              + (route.authorization() == Authorization.API_KEY ? "an API key" : "a signature")
              + ", got "
              + reply.status(),
          request,
          reply.answer());
    }
    if (StageClient.json(reply).isEmpty()) {
      return ProbeResult.fail(name(), "the answer is not valid JSON", request, reply.answer());
    }
    return ProbeResult.pass(name(), request, reply.answer());
  }
}
