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
        #set($I=$input.path('$.Item'))#if("$!I"=='')#set($context.responseOverride.status=404)\
        {"message":"Not found","requestId":"$context.requestId"}
        #{else}%s
        #end
        """
            .formatted(ItemVtl.object("$I", declared));
  }

  /**
   * Query: {@code {"items": [...], "nextCursor": ...}}. The cursor is {@code LastEvaluatedKey}'s
   * JSON in URL-safe base64 (padding kept), so that it can be passed back in {@code ?cursor=}.
   */
  static String query(Map<String, ValueType> declared) {
    return ItemVtl.PRELUDE
        + """
        {"items":[#foreach($I in $input.path('$.Items'))#if($foreach.index>0),#end%s#end],
        "nextCursor":#if("$!input.path('$.LastEvaluatedKey')"=='')null#{else}\
        "$util.base64Encode($input.json('$.LastEvaluatedKey')).replace('+','-').replace('/','_')"\
        #end}
        """
            .formatted(ItemVtl.object("$I", declared));
  }

  /**
   * DynamoDB 4xx, told apart by {@code __type}: the caller's fault (validation, also a forged
   * cursor) is 400, throughput is 429, anything else (access denied, missing table, bad
   * credentials) is a misconfiguration of ours: 500. DynamoDB's own message names tables and ARNs,
   * so it never reaches the client.
   */
  static String clientError() {
    return TYPE + byType() + ANSWER;
  }

  /** Binds {@code $t}, DynamoDB's {@code __type}. */
  static final String TYPE = "#set($t=\"$!input.path('$.__type')\")";

  /** The error chosen by {@code $s} (status) and {@code $m} (message). */
  static final String ANSWER =
      "#set($context.responseOverride.status=$s)"
          + "{\"message\":\"$m\",\"requestId\":\"$context.requestId\"}\n";

  /** The branches of {@link #clientError}, setting {@code $s} and {@code $m}. */
  static String byType() {
    return "#if(" + byTypeBranches() + "#end";
  }

  /**
   * The conditions and branches of {@link #byType} without its opening {@code #if(} and closing
   * {@code #end}, so that a write's error template continues its own chain with them.
   */
  static String byTypeBranches() {
    // the shortest words that tell DynamoDB's types apart: ProvisionedThroughputExceededException,
    // ThrottlingException and RequestLimitExceeded; ValidationException and SerializationException
    // (LimitExceededException, a control-plane type, is none of them, as before)
    return "$t.matches('.*(Throughput|Throttling|RequestLimit).*'))"
        + error(429, "Too many requests")
        + "#elseif($t.matches('.*(Validation|Serialization).*'))"
        + error(400, "Bad request")
        + "#{else}"
        + error(500, "Internal server error");
  }

  /** Sets {@code $s} and {@code $m} (plain text, no quotes) for {@link #ANSWER}. */
  static String error(int status, String message) {
    return "#set($s=" + status + ")#set($m='" + message + "')";
  }

  /** DynamoDB 5xx: the backend failed. */
  static String serverError() {
    return """
        {"message":"Bad gateway","requestId":"$context.requestId"}
        """;
  }
}
