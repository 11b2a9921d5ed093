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
        #set($item=$input.path('$.Item'))
        #if("$!item" == '')
        #set($context.responseOverride.status=404)
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
    return TYPE + "\n" + byType() + "\n" + ANSWER;
  }

  /** Binds {@code $type}, DynamoDB's {@code __type}. */
  static final String TYPE = "#set($type=\"$!input.path('$.__type')\")";

  /** The error chosen by {@code $status} and {@code $message}. */
  static final String ANSWER =
      "#set($context.responseOverride.status=$status)"
          + "{\"message\":\"$message\",\"requestId\":\"$context.requestId\"}\n";

  /** The branches of {@link #clientError}, setting {@code $status} and {@code $message}. */
  static String byType() {
    return "#if($type.matches('.*(ProvisionedThroughputExceeded|Throttling|RequestLimitExceeded).*'))"
        + error(429, "Too many requests")
        + "#elseif($type.matches('.*(Validation|Serialization)Exception.*'))"
        + error(400, "Bad request")
        + "#{else}"
        + error(500, "Internal server error")
        + "#end";
  }

  /** Sets {@code $status} and {@code $message} (plain text, no quotes) for {@link #ANSWER}. */
  static String error(int status, String message) {
    return "#set($status=" + status + ")#set($message='" + message + "')";
  }

  /** DynamoDB 5xx: the backend failed. */
  static String serverError() {
    return """
        {"message":"Bad gateway","requestId":"$context.requestId"}
        """;
  }
}
