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
   * Binds {@code $number}, the JSON number grammar. DynamoDB answers numbers as strings in this
   * form, so they can be written raw; anything else is written as a string.
   */
  static final String PRELUDE =
      "#set($number = '-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?')\n";

  /**
   * One step: the next child of the frame ({@code $wn}, a key of a map frame or a list's element),
   * its value {@code $wv} and declared type {@code $ws} (undeclared: {@code ['']}, then {@code $wt}
   * is the value's own DynamoDB type and {@code $wg} is true).
   */
  private static final String STEP =
      """
      #if($wf.i>0),#end#set($wn=$wf.c.get($wf.i))#set($wf.i=$wf.i+1)#set($wl=$wf.l+1)\
      #if($wf.e=='}')"KEY":#set($wv=$wf.m.get($wn))#set($ws=[''])\
      #if($wf.s.containsKey($wn))#set($ws=$wf.s.get($wn))#end\
      #{else}#set($wv=$wn)#set($ws=$wf.s)#end\
      #set($wt=$ws.get(0))#set($wg=false)\
      #if($wt=='')#set($wg=true)#foreach($wy in $wv.keySet())#set($wt=$wy)#end#end\
      #if(!$wv.containsKey($wt))null#{else}#set($ww=$wv.get($wt))\
      #if($wt=='N'&&$ww.matches($number))$ww#elseif($wt=='S'||$wt=='B'||$wt=='N')"VALUE"\
      #elseif($wt=='BOOL')#if($ww)true#{else}false#end\
      #elseif($wt.length()==2&&$wt.endsWith('S'))[#foreach($we in $ww)#if($foreach.index>0),#end\
      #if($wt=='NS'&&$we.matches($number))$we#{else}"ELEMENT"#end#end]\
      #elseif(($wt=='L'||$wt=='M')&&(!$wg||$wl<MAX))\
      #if(!$wg)#set($wc=$ws.get(1))#elseif($wt=='M')#set($wc={})#{else}#set($wc=[''])#end\
      #if($wt=='M'){#set($wk=[])#set($wo=$wk.addAll($ww.keySet()))\
      #set($wf={'p':$wf,'c':$wk,'i':0,'l':$wl,'m':$ww,'s':$wc,'e':'}'})\
      #{else}[#set($wf={'p':$wf,'c':$ww,'i':0,'l':$wl,'s':$wc,'e':']'})#end\
      #{else}null#end#end\
      """
          .replace("KEY", Vtl.escaped("$wn"))
          .replace("VALUE", Vtl.escaped("$ww"))
          .replace("ELEMENT", Vtl.escaped("$we"))
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
    return "#set($wk=[])#if(\"$!"
        + mapRef.substring(1)
        + "\"!='')#set($wo=$wk.addAll("
        + mapRef
        + ".keySet()))#end#set($wf={'p':{'z':true},'c':$wk,'i':0,'l':0,'m':"
        + mapRef
        + ",'s':"
        + Walk.fields(typed, null)
        + ",'e':'}'}){"
        + Walk.loop(STEP, steps)
        + "#if($wx)#set($context.responseOverride.status=502)#end";
  }
}
