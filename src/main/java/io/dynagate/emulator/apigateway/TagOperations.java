package io.dynagate.emulator.apigateway;

import io.dynagate.emulator.apigateway.model.RestApi;
import io.dynagate.emulator.apigateway.model.Stage;
import io.dynagate.emulator.core.EmulatorResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tags on REST APIs ({@code arn:aws:apigateway:REGION::/restapis/ID}) and stages ({@code
 * .../restapis/ID/stages/NAME}).
 */
@ApplicationScoped
class TagOperations implements ApiGatewayOperations {

  private static final Pattern ARN =
      Pattern.compile("arn:aws:apigateway:[^:]*::/restapis/([^/]+)(?:/stages/([^/]+))?");

  private final ApiGatewayStore store;

  TagOperations(ApiGatewayStore store) {
    this.store = store;
  }

  @Override
  public void register(Map<String, Function<ApiGatewayCall, EmulatorResponse>> handlers) {
    handlers.put("GetTags", this::get);
    handlers.put("TagResource", this::tag);
    handlers.put("UntagResource", this::untag);
  }

  private EmulatorResponse get(ApiGatewayCall call) {
    Target target = target(call);
    RestApi api = store.require(target.restApiId());
    Map<String, String> tags = target.stage() == null ? api.tags() : stage(api, target).tags();
    var answer = ApiGatewayJson.MAPPER.createObjectNode();
    answer.set("tags", ApiGatewayJson.MAPPER.valueToTree(tags));
    return ApiGatewayJson.answer(200, answer);
  }

  private EmulatorResponse tag(ApiGatewayCall call) {
    Map<String, String> added = ApiGatewayJson.stringMap(call.body(), "tags");
    change(
        target(call),
        tags -> {
          Map<String, String> next = new LinkedHashMap<>(tags);
          next.putAll(added);
          return next;
        });
    return EmulatorResponse.empty(204);
  }

  private EmulatorResponse untag(ApiGatewayCall call) {
    List<String> keys = call.request().queryParams("tagKeys");
    change(
        target(call),
        tags -> {
          Map<String, String> next = new LinkedHashMap<>(tags);
          keys.forEach(next::remove);
          return next;
        });
    return EmulatorResponse.empty(204);
  }

  private void change(Target target, UnaryOperator<Map<String, String>> change) {
    store.update(
        target.restApiId(),
        api -> {
          if (target.stage() == null) {
            return api.withTags(change.apply(api.tags()));
          }
          Stage stage = stage(api, target);
          return api.withStage(stage.withTags(change.apply(stage.tags())));
        });
  }

  private static Stage stage(RestApi api, Target target) {
    Stage stage = api.stages().get(target.stage());
    if (stage == null) {
      throw ApiGatewayErrors.noSuchStage();
    }
    return stage;
  }

  private static Target target(ApiGatewayCall call) {
    String arn = call.parameter("resource_arn");
    Matcher matcher = ARN.matcher(arn);
    if (!matcher.matches()) {
      throw ApiGatewayErrors.badRequest("Invalid ARN specified in the request: " + arn);
    }
    return new Target(matcher.group(1), matcher.group(2));
  }

  private record Target(String restApiId, String stage) {}
}
