package io.dynagate.render;

import io.dynagate.declaration.ValueType;
import io.dynagate.declaration.ValueType.ListOf;
import io.dynagate.declaration.ValueType.MapOf;
import io.dynagate.declaration.ValueType.Scalar;
import java.util.Map;
import java.util.TreeMap;

/**
 * VTL that writes a DynamoDB item (typed JSON as {@code $input.path} gives it) as plain JSON.
 *
 * <p>VTL has no recursion without macros, so nesting is unrolled: declared types to their declared
 * depth; undeclared content ({@code L}, {@code M}, anything outside {@code AttributeSchema}) while
 * its nesting level, counted from the item, is below {@link #MAX_LEVEL}; a list or map deeper than
 * that is written as {@code null}. Each level uses its own variable names, so nested loops never
 * share state, and lists and maps share one loop so that each level holds a single copy of the next
 * (the template grows linearly with depth). A declared attribute whose stored type differs from its
 * declaration is written as {@code null}: the output stays JSON whatever DynamoDB holds.
 */
final class ItemVtl {

  /** Undeclared lists and maps are expanded at nesting levels 1 to 4 below the item. */
  static final int MAX_LEVEL = 5;

  /**
   * Binds {@code $number}, the JSON number grammar. DynamoDB answers numbers as strings in this
   * form, so they can be written raw; anything else is written as a string.
   */
  static final String PRELUDE =
      "#set($number = '-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?')\n";

  private ItemVtl() {}

  /** An object from the item map in {@code mapRef}, with these declared attributes. */
  static String object(String mapRef, Map<String, ValueType> declared, int level) {
    String sep = "$sep" + level;
    StringBuilder out = new StringBuilder("#set(" + sep + " = '')").append('{');
    Map<String, ValueType> sorted = new TreeMap<>(declared);
    // An attribute declared only as L or M has no declared content: the generic loop writes it.
    sorted
        .values()
        .removeIf(t -> t instanceof Scalar s && (s.name().equals("L") || s.name().equals("M")));
    sorted.forEach(
        (name, type) -> {
          String value = "$a" + level;
          out.append("#if(").append(mapRef).append(".containsKey(").append(Vtl.string(name));
          out.append("))#set(").append(value).append(" = ").append(mapRef).append(".get(");
          out.append(Vtl.string(name)).append("))${sep").append(level).append('}');
          out.append(Vtl.json(name)).append(':').append(typed(type, value, level + 1));
          out.append("#set(").append(sep).append(" = ',')#end");
        });
    out.append(undeclared(mapRef, sorted, level)).append('}');
    return out.toString();
  }

  private static String undeclared(String mapRef, Map<String, ValueType> declared, int level) {
    String key = "$k" + level;
    String value = "$g" + level;
    StringBuilder out = new StringBuilder();
    String guard = "";
    if (!declared.isEmpty()) {
      String names = String.join(", ", declared.keySet().stream().map(Vtl::string).toList());
      out.append("#set($declared").append(level).append(" = [").append(names).append("])");
      guard = "#if(!$declared" + level + ".contains(" + key + "))";
    }
    out.append("#foreach(").append(key).append(" in ").append(mapRef).append(".keySet())");
    out.append(guard).append("${sep").append(level).append("}\"");
    out.append(Vtl.escaped(key)).append("\":#set(").append(value).append(" = ");
    out.append(mapRef).append(".get(").append(key).append("))");
    out.append(generic(value, level + 1));
    out.append("#set($sep").append(level).append(" = ',')").append(guard.isEmpty() ? "" : "#end");
    return out.append("#end").toString();
  }

  /** A value in {@code ref} declared with {@code type}. */
  static String typed(ValueType type, String ref, int level) {
    if (type instanceof ListOf list) {
      String element = "$e" + level;
      return ifType(
          ref,
          "L",
          "[" + loop(element, ref + ".L", typed(list.element(), element, level + 1)) + "]");
    }
    if (type instanceof MapOf map) {
      String fields = "$m" + level;
      return ifType(
          ref, "M", "#set(" + fields + " = " + ref + ".M)" + object(fields, map.fields(), level));
    }
    return scalar(((Scalar) type).name(), ref, level);
  }

  private static String scalar(String name, String ref, int level) {
    String element = "$e" + level;
    return switch (name) {
      case "S", "B" -> ifType(ref, name, string(ref + "." + name));
      case "N" -> ifType(ref, name, number(ref + ".N"));
      case "BOOL" -> ifType(ref, name, bool(ref + ".BOOL"));
      case "NULL" -> "null";
      case "SS", "BS" ->
          ifType(ref, name, "[" + loop(element, ref + "." + name, string(element)) + "]");
      case "NS" -> ifType(ref, name, "[" + loop(element, ref + ".NS", number(element)) + "]");
      default -> generic(ref, level);
    };
  }

  /**
   * Any DynamoDB value, whatever its type, at this nesting level. A DynamoDB value is a map with
   * one member, its type: a loop over that one member names the type once, so that strings, numbers
   * and the three sets share their branches.
   */
  static String generic(String ref, int level) {
    String type = "$t" + level;
    String value = "$v" + level;
    String element = "$e" + level;
    StringBuilder out = new StringBuilder();
    out.append("#foreach(").append(type).append(" in ").append(ref).append(".keySet())");
    out.append("#set(").append(value).append(" = ").append(ref).append(".get(").append(type);
    out.append("))#if(").append(type).append(" == 'S' || ").append(type).append(" == 'B')");
    out.append(string(value)).append("#elseif(").append(type).append(" == 'N')");
    out.append(number(value)).append("#elseif(").append(type).append(" == 'BOOL')");
    out.append(bool(value)).append("#elseif(").append(type).append(".length() == 2 && ");
    out.append(type).append(".endsWith('S'))[#foreach(").append(element).append(" in ");
    out.append(value).append(")#if($foreach.index > 0),#end#if(").append(type);
    out.append(" == 'NS' && ").append(element).append(".matches($number))").append(element);
    out.append("#{else}").append(string(element)).append("#end#end]");
    if (level < MAX_LEVEL) {
      out.append("#elseif(").append(type).append(" == 'L' || ").append(type).append(" == 'M')");
      out.append(container(type, value, level));
    }
    return out.append("#{else}null#end#end").toString();
  }

  /** Lists and maps share one loop so that each level holds one copy of the next. */
  private static String container(String type, String value, int level) {
    return """
        #if(TYPE == 'M')#set(ITEMS = VALUE.keySet()){#{else}#set(ITEMS = VALUE)[#end\
        #foreach(EACH in ITEMS)#if($foreach.index > 0),#end\
        #if(TYPE == 'M')"KEY":#set(NEXT = VALUE.get(EACH))#{else}#set(NEXT = EACH)#end\
        NESTED#end#if(TYPE == 'M')}#{else}]#end"""
        .replace("TYPE", type)
        .replace("ITEMS", "$c" + level)
        .replace("EACH", "$x" + level)
        .replace("NEXT", "$g" + (level + 1))
        .replace("KEY", Vtl.escaped("$x" + level))
        .replace("VALUE", value)
        .replace("NESTED", generic("$g" + (level + 1), level + 1));
  }

  private static String branch(String directive, String ref, String type, String body) {
    return directive + "(" + ref + ".containsKey('" + type + "'))" + body;
  }

  private static String ifType(String ref, String type, String body) {
    return branch("#if", ref, type, body) + "#{else}null#end";
  }

  private static String loop(String element, String collection, String body) {
    String each = "#foreach(" + element + " in " + collection + ")";
    return each + "#if($foreach.index > 0),#end" + body + "#end";
  }

  private static String string(String ref) {
    return "\"" + Vtl.escaped(ref) + "\"";
  }

  private static String number(String ref) {
    return "#if(" + ref + ".matches($number))" + ref + "#{else}" + string(ref) + "#end";
  }

  private static String bool(String ref) {
    return "#if(" + ref + ")true#{else}false#end";
  }
}
