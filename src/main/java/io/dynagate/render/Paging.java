package io.dynagate.render;

import io.dynagate.declaration.RouteSpec;
import io.dynagate.declaration.TableSpec;
import io.dynagate.declaration.TableSpec.KeySchemaElement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A Query's {@code ?limit=}, {@code ?order=} and {@code ?cursor=}.
 *
 * <p>The cursor is the URL-safe base64 of {@code LastEvaluatedKey}'s JSON. Pasting decoded JSON
 * into the request would let a forged cursor add fields ({@code "TableName"}, {@code "Limit"}, a
 * {@code FilterExpression}...). So the template never writes the cursor's text: it checks the
 * cursor is base64 of exactly the shape DynamoDB returns ({@code {"name": {"S|N|B": "..."}}}, at
 * most four members), parses it, and writes an {@code ExclusiveStartKey} with the key attributes
 * and types known from the declaration, taking only the string values from the cursor, escaped like
 * any request value. Anything else yields empty key values, which DynamoDB rejects with a {@code
 * ValidationException}: a 400 for the client. A forged but well-formed cursor can at most start
 * elsewhere in the partition the key condition already confines the query to.
 */
final class Paging {

  /** URL-safe base64 ({@code \\w} is {@code [A-Za-z0-9_]} in Java's patterns). */
  private static final String BASE64URL = "(?:[\\w-]{4})*(?:[\\w-]{2}==|[\\w-]{3}=)?";

  private static final String JSON_STRING =
      "\"(?:[^\"\\\\\\x00-\\x1F]|\\\\(?:[\"\\\\/bfnrt]|u[0-9A-Fa-f]{4}))*\"";

  /**
   * A member {@code "name": {"S|N|B": "value"}}, with {@code J} for {@link #JSON_STRING}: the
   * template puts it in, so that the pattern holds the string pattern once, not four times.
   */
  private static final String MEMBER = "J\\s*:\\s*\\{\\s*\"[SNB]\"\\s*:\\s*J\\s*\\}";

  /** One to four members ({@code M}) in an object. */
  private static final String START_KEY = "\\s*\\{\\s*M(?:\\s*,\\s*M){0,3}\\s*\\}\\s*";

  private static final int MAX_CURSOR = 8192;

  /** The limit to send, digits. */
  static final String LIMIT = "$L";

  /** The {@code ?order=} asked, or empty. */
  static final String ORDER = "$O";

  private Paging() {}

  /**
   * Binds {@link #LIMIT} (digits: {@code ?limit=} clamped to maxLimit, or the default when absent),
   * {@link #ORDER} and {@code $C}, the cursor. VTL has no safe string to number conversion, so the
   * clamp compares digit strings: by length, then lexicographically.
   *
   * <p>A {@code limit} that is not a positive integer ({@code -1}, {@code 0}, {@code 2.5}, {@code
   * 1e9}) or an {@code order} other than {@code asc} or {@code desc} is the client's mistake, and a
   * request template cannot answer by itself: it sends {@code "Limit": 0}, which DynamoDB refuses
   * with a {@code ValidationException}, which the error mapping answers as a neutral 400.
   */
  static String variables(RouteSpec route) {
    int max = Math.min(route.maxLimitOrDefault(), RouteSpec.LIMIT_CAP);
    int fallback = Math.min(route.limitOrDefault(), max);
    int digits = Integer.toString(max).length();
    return """
        #set($L='%1$d')#set($A="$!p.querystring.get('limit')")\
        #if($A!='')#if($A.matches('[1-9][0-9]*'))#if($A.length()<%2$d||\
        ($A.length()==%2$d&&$A.compareTo('%3$d')<=0))#set($L=$A)\
        #{else}#set($L='%3$d')#end#{else}#set($L='0')#end#end\
        #set($O="$!p.querystring.get('order')")\
        #if($O!=''&&$O!='asc'&&$O!='desc')#set($L='0')#end\
        #set($C="$!p.querystring.get('cursor')")\
        """
        .formatted(fallback, digits, max);
  }

  /** The {@code ExclusiveStartKey} member, present only when a cursor is given. */
  static String exclusiveStartKey(TableSpec table, List<KeySchemaElement> indexKeys) {
    Set<String> attributes = new LinkedHashSet<>();
    indexKeys.forEach(k -> attributes.add(k.attributeName()));
    table.keySchema().forEach(k -> attributes.add(k.attributeName()));
    List<String> members = new ArrayList<>();
    for (String attribute : attributes) {
      String type = table.typeOf(attribute).orElseThrow().name();
      String value = "\"$!X.get(" + Vtl.string(attribute) + ")." + type + "\"";
      members.add(Vtl.json(attribute) + ":{\"" + type + "\":\"" + Vtl.escaped(value) + "\"}");
    }
    // $X is the parsed cursor; its JSON $Y is checked against the pattern put together in $Z:
    // a VTL string literal's methods cannot be called, hence $W
    return """
        #if($C!='')#set($X='')\
        #if($C.length()<=%d&&$C.matches('%s'))\
        #set($Y=$util.base64Decode($C.replace('-','+').replace('_','/')))\
        #set($Z='%s')#set($Z=$Z.replace('J','%s'))#set($W='%s')#set($Z=$W.replace('M',$Z))\
        #if($Y.matches($Z))#set($X=$util.parseJson($Y))#end#end\
        ,"ExclusiveStartKey":{%s}#end"""
        .formatted(
            MAX_CURSOR, BASE64URL, MEMBER, JSON_STRING, START_KEY, String.join(",", members));
  }
}
