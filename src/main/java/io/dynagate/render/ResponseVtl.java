package io.dynagate.render;

import io.dynagate.declaration.ValueType;
import java.util.Map;

/** Integration response templates: plain JSON on success, neutral JSON errors otherwise. */
final class ResponseVtl {

  private ResponseVtl() {}

  /** GetItem: the item as plain JSON, or 404 when DynamoDB answers no {@code Item}. */
  static String getItem(Map<String, ValueType> declared) {
    return ItemVtl.PRELUDE
        + """
        #set($item = $input.path('$.Item'))
        #if("$!item" == '')
        #set($context.responseOverride.status = 404)
        {"message":"Not found","requestId":"$context.requestId"}
        #else
        %s
        #end
        """
            .formatted(ItemVtl.object("$item", declared));
  }

  /**
   * Query: {@code {"items": [...], "nextCursor": ...}}. The cursor is {@code LastEvaluatedKey}'s
   * JSON in URL-safe base64 (padding kept), so that it can be passed back in {@code ?cursor=}.
   */
  static String query(Map<String, ValueType> declared) {
    return ItemVtl.PRELUDE
        + """
        {"items":[#foreach($item in $input.path('$.Items'))#if($foreach.index > 0),#end%s#end],
        "nextCursor":#if("$!input.path('$.LastEvaluatedKey')" == '')null#{else}\
        "$util.base64Encode($input.json('$.LastEvaluatedKey')).replace('+', '-').replace('/', '_')"\
        #end}
        """
            .formatted(ItemVtl.object("$item", declared));
  }

  /**
   * DynamoDB 4xx, told apart by {@code __type}: the caller's fault (validation, also a forged
   * cursor) is 400, throughput is 429, anything else (access denied, missing table, bad
   * credentials) is a misconfiguration of ours: 500. DynamoDB's own message names tables and ARNs,
   * so it never reaches the client.
   */
  static String clientError() {
    return """
        #set($type = "$!input.path('$.__type')")
        #if($type.contains('ProvisionedThroughputExceeded') || $type.contains('Throttling') \
        || $type.contains('RequestLimitExceeded'))
        #set($context.responseOverride.status = 429)
        {"message":"Too many requests","requestId":"$context.requestId"}
        #elseif($type.contains('ValidationException') || $type.contains('SerializationException'))
        {"message":"Bad request","requestId":"$context.requestId"}
        #else
        #set($context.responseOverride.status = 500)
        {"message":"Internal server error","requestId":"$context.requestId"}
        #end
        """;
  }

  /** DynamoDB 5xx: the backend failed. */
  static String serverError() {
    return """
        {"message":"Bad gateway","requestId":"$context.requestId"}
        """;
  }
}
