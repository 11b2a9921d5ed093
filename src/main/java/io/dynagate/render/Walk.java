package io.dynagate.render;

import io.dynagate.declaration.ValueType;
import io.dynagate.declaration.ValueType.ListOf;
import io.dynagate.declaration.ValueType.MapOf;
import io.dynagate.declaration.ValueType.Scalar;
import java.util.Map;
import java.util.TreeMap;

/**
 * The loop that walks a nested value in VTL, which has no recursion (and macros are not to be
 * relied on in API Gateway): an explicit stack of frames instead of one unrolled copy of the
 * converter per nesting level, so that a template holds a single converter whatever the depth.
 *
 * <p>A frame is a VTL map: {@code p} its parent frame, {@code c} the children to visit (a list, or
 * a map's keys copied into a list), {@code i} the next child's index, {@code m} the map itself for
 * a map frame, {@code s} the declared type of the children, {@code e} the text that closes it. The
 * bottom frame is {@code {"z": true}}. Each step either writes the next child of the top frame (a
 * scalar at once, a list or map by pushing a frame for it) or, when the children are exhausted,
 * closes the frame and pops it. Steps run in two nested {@code #foreach} of {@link #STEPS} each
 * (API Gateway stops a loop at 1,000 iterations) and {@code #break} (a Velocity directive since
 * 1.6, so in API Gateway's 1.7; the emulator's Velocity has it too) once the stack is empty: a
 * million steps, one per value plus one per list or map, more than a DynamoDB item (400 KB) or a
 * Query page (1 MB) can hold. Should the steps ever run out, the open frames are closed, so the
 * text stays JSON, and {@code $q} is set to {@code true} for the template to answer an error.
 *
 * <p>Declared types reach the template as data, {@code [TYPE, ...]} lists in a VTL literal: {@code
 * ['S']} for a scalar, {@code ['L', ELEMENT]}, {@code ['M', {NAME: TYPE, ...}, ...]}, and {@code
 * ['']} for content typed by what it holds. Names are written with {@link Vtl#string}.
 */
final class Walk {

  /** Iterations of each of the two nested loops. */
  static final int STEPS = 1000;

  /** The type of content typed by what it holds. */
  static final String GENERIC = "['']";

  private Walk() {}

  /**
   * The loop over the frame in {@code $f}: {@code step} is the VTL of one step that has a child to
   * write ({@code $f.i} below {@code $f.c.size()}). After it, {@code $q} tells whether the steps
   * ran out.
   */
  static String loop(String step, int steps) {
    String outer = "#foreach($a in [1.." + steps + "])#if($f.z)#break#end";
    String inner = "#foreach($b in [1.." + steps + "])#if($f.z)#break#end";
    // frames still open once the steps are spent: the walk ran out
    return outer
        + inner
        + "#if($f.i==$f.c.size())$f.e#set($f=$f.p)#{else}"
        + step
        + "#end#end#end#set($q=!$f.z)"
        + outer
        + "$f.e#set($f=$f.p)#end";
  }

  /** A VTL literal of these fields' declared types, {@code {NAME: TYPE, ...}}. */
  static String fields(Map<String, ValueType> fields, Boolean allowUndeclared) {
    Map<String, String> types = new TreeMap<>();
    fields.forEach((name, type) -> types.put(name, type(type, allowUndeclared)));
    return map(types);
  }

  /** A VTL map literal of names to VTL literals, in name order. */
  static String map(Map<String, String> literals) {
    StringBuilder out = new StringBuilder("{");
    new TreeMap<>(literals)
        .forEach(
            (name, literal) ->
                out.append(out.length() > 1 ? "," : "")
                    .append(Vtl.string(name))
                    .append(':')
                    .append(literal));
    return out.append('}').toString();
  }

  /**
   * A VTL literal of one declared type. In a request ({@code allowUndeclared} not null), a map's
   * type says whether its undeclared members are written.
   */
  static String type(ValueType type, Boolean allowUndeclared) {
    if (type instanceof ListOf list) {
      return "['L'," + type(list.element(), allowUndeclared) + "]";
    }
    if (type instanceof MapOf map) {
      String fields = fields(map.fields(), allowUndeclared);
      return "['M'," + fields + (allowUndeclared == null ? "]" : "," + allowUndeclared + "]");
    }
    String name = ((Scalar) type).name();
    return name.equals("L") || name.equals("M") ? GENERIC : "['" + name + "']";
  }
}
