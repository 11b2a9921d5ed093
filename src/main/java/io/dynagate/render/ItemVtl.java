package io.dynagate.render;

import io.dynagate.declaration.ValueType;
import java.util.Map;
import java.util.TreeMap;

/**
 * VTL that writes a DynamoDB item (typed JSON as {@code $input.path} gives it) as plain JSON, with
 * one {@link Walk} over the item: declared types ({@code AttributeSchema}) travel as data beside
 * the values, so the template does not grow with them.
 *
 * <p>Undeclared content ({@code L}, {@code M}, anything outside {@code AttributeSchema}) is typed
 * by its DynamoDB type, and its lists and maps are expanded while their nesting level, counted from
 * the item (its attributes are level 1), is below {@link #MAX_LEVEL}; a list or map deeper than
 * that is written as {@code null}. Declared lists and maps are expanded at any level. A declared
 * attribute whose stored type differs from its declaration is written as {@code null}: the output
 * stays JSON whatever DynamoDB holds.
 */
final class ItemVtl {

  /** Undeclared lists and maps are expanded at nesting levels 1 to 4 below the item. */
  static final int MAX_LEVEL = 5;

  /**
   * Binds {@code $N}, the JSON number grammar. DynamoDB answers numbers as strings in this form, so
   * they can be written raw; anything else is written as a string.
   */
  static final String PRELUDE = "#set($N='-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?')";

  /**
   * One step: the next child of the frame ({@code $n}, a key of a map frame or a list's element),
   * its value {@code $v} and declared type {@code $s} (undeclared: {@code ['']}, then {@code $t} is
   * the value's own DynamoDB type and {@code $g} is true). A set ({@code SS}, {@code NS}, {@code
   * BS}) is walked as a list frame marked {@code r}, whose children are the raw strings of its
   * element type: its elements are written by the branch that writes {@code S}, {@code N} and
   * {@code B} values, the one place a string is escaped besides a map's keys.
   */
  private static final String STEP =
      """
      #if($f.i>0),#end#set($n=$f.c.get($f.i))#set($f.i=$f.i+1)#set($l=$f.l+1)\
      #if($f.e=='}')"KEY":#set($v=$f.m.get($n))#set($s=[''])\
      #if($f.s.containsKey($n))#set($s=$f.s.get($n))#end\
      #{else}#set($v=$n)#set($s=$f.s)#end\
      #set($t=$s.get(0))#set($g=false)\
      #if($t=='')#set($g=true)#foreach($y in $v.keySet())#set($t=$y)#end#end\
      #if($f.r)#set($r=$v)#elseif($v.containsKey($t))#set($r=$v.get($t))#{else}#set($t='')#end\
      #if($t=='N'&&$r.matches($N))$r#elseif($t.matches('[SBN]'))"VALUE"\
      #elseif($t=='BOOL')#if($r)true#{else}false#end\
      #elseif($t.matches('.S'))[#set($f={'p':$f,'c':$r,'i':0,'l':$l,'s':[$t.substring(0,1)],\
      'r':true,'e':']'})#elseif($t.matches('[LM]')&&(!$g||$l<MAX))\
      #if(!$g)#set($c=$s.get(1))#elseif($t=='M')#set($c={})#{else}#set($c=[''])#end\
      #if($t=='M'){#set($k=[])#set($o=$k.addAll($r.keySet()))\
      #set($f={'p':$f,'c':$k,'i':0,'l':$l,'m':$r,'s':$c,'e':'}'})\
      #{else}[#set($f={'p':$f,'c':$r,'i':0,'l':$l,'s':$c,'e':']'})#end\
      #{else}null#end\
      """
          .replace("KEY", Vtl.escaped("$n"))
          .replace("VALUE", Vtl.escaped("$r"))
          .replace("MAX", Integer.toString(MAX_LEVEL));

  private ItemVtl() {}

  /**
   * An object from the item map in {@code mapRef}, with these declared attributes. Should the walk
   * run out of steps, the answer is a 502.
   */
  static String object(String mapRef, Map<String, ValueType> declared) {
    return object(mapRef, declared, Walk.STEPS);
  }

  static String object(String mapRef, Map<String, ValueType> declared, int steps) {
    Map<String, ValueType> typed = new TreeMap<>(declared);
    // An attribute declared only as L or M has no declared content: it is walked as undeclared.
    typed.values().removeIf(t -> Walk.type(t, null).equals(Walk.GENERIC));
    // Declared attributes first, in name order, then the others as DynamoDB gives them.
    String each = "#foreach($x in SET)#if(TEST)#set($o=$k.add($x))#end#end";
    return "#set($s="
        + Walk.fields(typed, null)
        + ")#set($k=[])"
        + each.replace("SET", "$s.keySet()").replace("TEST", mapRef + ".containsKey($x)")
        + each.replace("SET", mapRef + ".keySet()").replace("TEST", "!$s.containsKey($x)")
        + "#set($f={'p':{'z':true},'c':$k,'i':0,'l':0,'m':"
        + mapRef
        + ",'s':$s,'e':'}'}){"
        + Walk.loop(STEP, steps)
        + "#if($q)#set($context.responseOverride.status=502)#end";
  }
}
