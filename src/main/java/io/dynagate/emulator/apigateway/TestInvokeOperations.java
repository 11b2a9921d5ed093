package io.dynagate.emulator.apigateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynagate.emulator.core.EmulatorResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** {@code TestInvokeMethod}: the method of the draft, run by the data plane's executor. */
@ApplicationScoped
class TestInvokeOperations implements ApiGatewayOperations {

  private final ApiGatewayStore store;
  private final Instance<MethodTester> tester;

  TestInvokeOperations(ApiGatewayStore store, Instance<MethodTester> tester) {
    this.store = store;
    this.tester = tester;
  }

  @Override
  public void register(Map<String, Function<ApiGatewayCall, EmulatorResponse>> handlers) {
    if (tester.isResolvable()) {
      handlers.put("TestInvokeMethod", this::testInvoke);
    }
  }

  private EmulatorResponse testInvoke(ApiGatewayCall call) {
    String resourceId = call.parameter("resource_id");
    String httpMethod = call.parameter("http_method");
    var draft = store.require(call.restApiId()).draft();
    if (!Drafts.resource(draft, resourceId).resourceMethods().containsKey("ANY")) {
      Drafts.method(draft, resourceId, httpMethod);
    }
    ObjectNode body = call.body();
    String path = ApiGatewayJson.text(body, "pathWithQueryString");
    MethodTester.Result result =
        tester
            .get()
            .test(
                call.restApiId(),
                draft,
                resourceId,
                httpMethod,
                path == null ? Drafts.resource(draft, resourceId).path() : path,
                ApiGatewayJson.stringMap(body, "headers"),
                ApiGatewayJson.text(body, "body"));
    ObjectNode answer = ApiGatewayJson.MAPPER.createObjectNode();
    answer.put("status", result.status());
    answer.put("body", result.body());
    answer.set("headers", ApiGatewayJson.MAPPER.valueToTree(result.headers()));
    ObjectNode multi = answer.putObject("multiValueHeaders");
    result.headers().forEach((k, v) -> multi.set(k, ApiGatewayJson.MAPPER.valueToTree(List.of(v))));
    answer.put("log", result.log());
    answer.put("latency", result.latency());
    return EmulatorResponse.json(200, answer.toString());
  }
}
