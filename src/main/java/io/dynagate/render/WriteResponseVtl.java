package io.dynagate.render;

import io.dynagate.declaration.RouteSpec;
import io.dynagate.declaration.RouteSpec.Mode;
import io.dynagate.declaration.ValueType;
import java.util.Map;

/**
 * Integration response templates of write routes. DynamoDB's conditional-check failure means what
 * the route's condition was about: the key exists (create: 409), it does not (replace, update:
 * 404), or the version differs (412 when the caller sent {@code If-Match}, else 409).
 */
final class WriteResponseVtl {

  private WriteResponseVtl() {}

  /** PutItem: 201 for a new item, 200 for a replaced one; the body is a short confirmation. */
  static String putItem(RouteSpec route) {
    Mode mode = route.modeOrDefault();
    String created = message(201, "Created");
    String replaced = message(200, "Replaced");
    return switch (mode) {
      case create -> created;
      case replace -> replaced;
      case upsert ->
          "#if(\"$!input.path('$.Attributes')\"=='')" + created + "#{else}" + replaced + "#end";
    };
  }

  /** UpdateItem: the new item, plain JSON. */
  static String updateItem(Map<String, ValueType> declared) {
    return ItemVtl.PRELUDE
        + "#set($I=$input.path('$.Attributes'))"
        + ItemVtl.object("$I", declared)
        + "\n";
  }

  /** DeleteItem: 204 without a body, or 404 when there was no item. */
  static String deleteItem() {
    return "#if(\"$!input.path('$.Attributes')\"=='')"
        + message(404, "Not found")
        + "#{else}#set($context.responseOverride.status=204)#end";
  }

  /** DynamoDB 4xx of a write: its condition, item size, then as for reads. */
  static String clientError(RouteSpec route) {
    return ResponseVtl.TYPE
        + "#set($d=\"$!input.path('$.message')$!input.path('$.Message')\")"
        + "#if($t.contains('ConditionalCheckFailed'))"
        + conditionFailed(route)
        + "#elseif($t.contains('ValidationException')&&$d.contains('size has exceeded'))"
        + ResponseVtl.error(413, "Item too large")
        + "#elseif("
        + ResponseVtl.byTypeBranches()
        + "#end"
        + ResponseVtl.ANSWER;
  }

  private static String conditionFailed(RouteSpec route) {
    if (route.versionAttribute() != null) {
      return "#set($h=$input.params().header)"
          + "#if(\"$!h.get('If-Match')$!h.get('if-match')\"!='')"
          + ResponseVtl.error(412, "Precondition failed")
          + "#{else}"
          + ResponseVtl.error(409, "Version conflict")
          + "#end";
    }
    return switch (route.actionOrDefault()) {
      case PutItem ->
          route.modeOrDefault() == Mode.create
              ? ResponseVtl.error(409, "Already exists")
              : ResponseVtl.error(404, "Not found");
      case UpdateItem, DeleteItem -> ResponseVtl.error(404, "Not found");
      default -> ResponseVtl.error(409, "Conflict");
    };
  }

  private static String message(int status, String text) {
    String override = status == 200 ? "" : "#set($context.responseOverride.status=" + status + ")";
    return override + "{\"message\":\"" + text + "\",\"requestId\":\"$context.requestId\"}\n";
  }
}
