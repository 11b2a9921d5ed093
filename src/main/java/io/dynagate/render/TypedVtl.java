package io.dynagate.render;

import io.dynagate.declaration.ValueType;
import io.dynagate.declaration.ValueType.ListOf;
import io.dynagate.declaration.ValueType.MapOf;
import io.dynagate.declaration.ValueType.Scalar;
import java.util.Map;
import java.util.TreeMap;

/**
 * VTL that writes a plain JSON value (as {@code $input.path} gives it) as DynamoDB typed JSON.
 *
 * <p>Declared types are trusted to the extent the body model enforces them; every value still goes
 * through {@link Vtl#escaped} as a string ({@code "$ref"}), so a value of an unexpected type can at
 * worst make DynamoDB refuse the request, never change its shape. Undeclared content is typed by
 * what the value can do, since VTL cannot ask for a class: a map answers {@code containsKey}, a
 * list {@code subList}, a string {@code isEmpty}, a boolean {@code booleanValue}, a number {@code
 * doubleValue}; anything else (JSON {@code null}) is {@code NULL}. VTL has no recursion, so nesting
 * is unrolled per level with level-specific variables; lists and maps share one loop so that each
 * level holds one copy of the next.
 */
final class TypedVtl {

  private TypedVtl() {}

  /** The value in {@code ref}, declared with {@code type}, at this nesting level. */
  static String typed(ValueType type, String ref, int level, boolean allowUndeclared) {
    if (type instanceof ListOf list) {
      String element = "$le" + level;
      return "{\"L\": ["
          + loop(element, ref, typed(list.element(), element, level + 1, allowUndeclared))
          + "]}";
    }
    if (type instanceof MapOf map) {
      return "{\"M\": " + object(ref, map.fields(), level, allowUndeclared) + "}";
    }
    String name = ((Scalar) type).name();
    return switch (name) {
      case "S", "B" -> "{\"" + name + "\": " + string(ref) + "}";
      case "N" -> "{\"N\": " + string(ref) + "}";
      case "BOOL" -> "{\"BOOL\": " + bool(ref) + "}";
      case "NULL" -> "{\"NULL\": true}";
      case "SS", "NS", "BS" ->
          "{\"" + name + "\": [" + loop("$le" + level, ref, string("$le" + level)) + "]}";
      default -> generic(ref, level, WriteVtl.GENERIC_DEPTH);
    };
  }

  /**
   * A typed map from the plain map in {@code ref}: its declared fields that are present, then (when
   * allowed) the others, typed by their values.
   */
  static String object(
      String ref, Map<String, ValueType> fields, int level, boolean allowUndeclared) {
    String sep = "$ms" + level;
    String field = "$mf" + level;
    StringBuilder out = new StringBuilder("#set(" + sep + " = '')").append('{');
    new TreeMap<>(fields)
        .forEach(
            (name, type) -> {
              out.append("#if(").append(ref).append(".containsKey(").append(Vtl.string(name));
              out.append("))").append(sep).append(Vtl.json(name)).append(": #set(").append(field);
              out.append(" = ").append(ref).append(".get(").append(Vtl.string(name)).append("))");
              out.append(typed(type, field, level + 1, allowUndeclared));
              out.append("#set(").append(sep).append(" = ',')#end");
            });
    if (allowUndeclared) {
      out.append(undeclared(ref, fields.keySet(), level, sep));
    }
    return out.append('}').toString();
  }

  /** The members of the map in {@code ref} not named in {@code known}, typed by their values. */
  static String undeclared(String ref, Iterable<String> known, int level, String sep) {
    String key = "$mk" + level;
    String value = "$mg" + level;
    String declared = "$md" + level;
    return "#set("
        + declared
        + " = "
        + list(known)
        + ")"
        + "#foreach("
        + key
        + " in "
        + ref
        + ".keySet())#if(!"
        + declared
        + ".contains("
        + key
        + "))"
        + sep
        + string(key)
        + ": #set("
        + value
        + " = "
        + ref
        + ".get("
        + key
        + "))"
        + generic(value, level + 1, WriteVtl.GENERIC_DEPTH)
        + "#set("
        + sep
        + " = ',')#end#end";
  }

  /**
   * Any plain value, with lists and maps expanded {@code depth} levels deep. Deeper content, which
   * the body model refuses, is written as {@code {"NULL": false}}, which DynamoDB refuses: nothing
   * is ever stored short of what was sent.
   */
  static String generic(String ref, int level, int depth) {
    String container =
        depth == 0
            ? "{\"NULL\": false}"
            : """
                #if(IS_MAP_TEST)#set(IS_MAP = true)#set(ITEMS = REF.keySet()){"M": {\
                #{else}#set(IS_MAP = false)#set(ITEMS = REF){"L": [#end\
                #foreach(EACH in ITEMS)#if($foreach.index > 0),#end\
                #if(IS_MAP)KEY: #set(NEXT = REF.get(EACH))#{else}#set(NEXT = EACH)#end\
                NESTED#end#if(IS_MAP)}}#{else}]}#end"""
                .replace("IS_MAP_TEST", isMap(ref))
                .replace("IS_MAP", "$gm" + level)
                .replace("ITEMS", "$gc" + level)
                .replace("EACH", "$gx" + level)
                .replace("NEXT", "$gv" + (level + 1))
                .replace("KEY", string("$gx" + level))
                .replace("REF", ref)
                .replace("NESTED", generic("$gv" + (level + 1), level + 1, depth - 1));
    return "#if("
        + isMap(ref)
        + " || \"$!"
        + ref.substring(1)
        + ".subList(0, 0)\" != '')"
        + container
        + "#elseif(\"$!"
        + ref.substring(1)
        + ".isEmpty()\" != ''){\"S\": "
        + string(ref)
        + "}#elseif(\"$!"
        + ref.substring(1)
        + ".booleanValue()\" != ''){\"BOOL\": "
        + bool(ref)
        + "}#elseif(\"$!"
        + ref.substring(1)
        + ".doubleValue()\" != ''){\"N\": "
        + string(ref)
        + "}#{else}{\"NULL\": true}#end";
  }

  /** A VTL list literal of these names. */
  static String list(Iterable<String> names) {
    StringBuilder out = new StringBuilder("[");
    for (String name : names) {
      out.append(out.length() > 1 ? ", " : "").append(Vtl.string(name));
    }
    return out.append(']').toString();
  }

  /** A JSON null as VTL sees it: renders as nothing, yet is no (empty) string. */
  static String isNull(String ref) {
    return "\"$!" + ref.substring(1) + "\" == '' && \"$!" + ref.substring(1) + ".isEmpty()\" == ''";
  }

  private static String isMap(String ref) {
    return "\"$!" + ref.substring(1) + ".containsKey('')\" != ''";
  }

  private static String loop(String element, String collection, String body) {
    return "#foreach("
        + element
        + " in "
        + collection
        + ")#if($foreach.index > 0),#end"
        + body
        + "#end";
  }

  /** A JSON string with the value's text, whatever its type. */
  private static String string(String ref) {
    return "\"" + Vtl.escaped("\"" + ref + "\"") + "\"";
  }

  private static String bool(String ref) {
    return "#if(\"" + ref + "\" == 'true')true#{else}false#end";
  }
}
