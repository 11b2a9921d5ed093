package io.dynagate.preflight;

import io.dynagate.preflight.PreflightReport.ProbeResult;
import io.dynagate.preflight.PreflightReport.Request;
import io.dynagate.preflight.StageClient.Reply;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The route's role without its permissions (a policy not yet propagated, or removed by hand): a
 * neutral 500 with a JSON body, none of DynamoDB's text (it names the role, the table and ARNs).
 */
final class NoPermissionProbe implements Probe {

  private static final List<String> LEAKS =
      List.of("dynamodb", "accessdenied", "arn:", "not authorized", "assumed-role", "table/");

  @Override
  public String name() {
    return "no permission";
  }

  @Override
  public boolean appliesTo(RouteCase route) {
    return route.reads() || Writes.applies(route);
  }

  @Override
  public Phase phase() {
    return Phase.WITHOUT_PERMISSION;
  }

  @Override
  public ProbeResult run(RouteCase route, Probing on) {
    StageClient stage = on.stage();
    Request request = Checks.anyRequest(route, on);
    Reply reply = stage.call(request);
    return reason(route, reply)
        .map(r -> ProbeResult.fail(name(), r, request, reply.answer()))
        .orElseGet(() -> ProbeResult.pass(name(), request, reply.answer()));
  }

  private static Optional<String> reason(RouteCase route, Reply reply) {
    if (reply.status() != 500) {
      return Optional.of("expected a neutral 500, got " + reply.status());
    }
    if (StageClient.json(reply).isEmpty()) {
      return Optional.of("the answer is not valid JSON");
    }
    String body = reply.body().toLowerCase(Locale.ROOT);
    for (String leak : LEAKS) {
      if (body.contains(leak)) {
        return Optional.of("the answer shows DynamoDB's error (" + leak + ")");
      }
    }
    String table = route.fixture().table().tableName().toLowerCase(Locale.ROOT);
    if (body.contains('"' + table + '"') || body.contains(" " + table + " ")) {
      return Optional.of("the answer names the table");
    }
    return Optional.empty();
  }
}
