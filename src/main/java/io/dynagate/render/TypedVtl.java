package io.dynagate.render;

/**
 * VTL that writes plain JSON values (as {@code $input.path} gives them) as DynamoDB typed JSON,
 * with one {@link Walk} over the members of a map.
 *
 * <p>Declared types are trusted to the extent the body model enforces them; every value still goes
 * through {@link Vtl#escaped} as a string ({@code "$ref"}), so a value of an unexpected type can at
 * worst make DynamoDB refuse the request, never change its shape. Undeclared content is typed by
 * what the value can do, since VTL cannot ask for a class: a map answers {@code containsKey}, a
 * list {@code subList}, a string {@code isEmpty}, a boolean {@code booleanValue}, a number {@code
 * doubleValue}; anything else (JSON {@code null}) is {@code NULL}. Undeclared lists and maps are
 * expanded {@link WriteVtl#GENERIC_DEPTH} levels below the first undeclared value; deeper ones,
 * which the body model refuses, are written as {@code {"NULL": false}}, which DynamoDB refuses:
 * nothing is ever stored short of what was sent. For the same reason a body too large for the walk
 * adds such a member ({@link #TOO_LARGE}).
 */
final class TypedVtl {

  /** The declared type of members that are not written (keys, versions, timestamps). */
  static final String SKIP = "['-']";

  /**
   * One step: the next child {@code $wn} of the frame, its value {@code $wv} and declared type
   * {@code $ws}; for undeclared content {@code $wt} becomes what the value is ({@code GM} and
   * {@code GL} for maps and lists). Frames add {@code u} (undeclared members written), {@code d}
   * (how many more undeclared levels may open) and {@code n} (members written).
   */
  private static final String STEP =
      """
      #set($wn=$wf.c.get($wf.i))#set($wf.i=$wf.i+1)#if($wf.containsKey('m'))\
      #set($wv=$wf.m.get($wn))#if($wf.s.containsKey($wn))#set($ws=$wf.s.get($wn))\
      #elseif($wf.u)#set($ws=[''])#{else}#set($ws=['-'])#end\
      #{else}#set($wv=$wn)#set($ws=$wf.s)#end#set($wt=$ws.get(0))#if($wt!='-')\
      #if($wf.n>0), #end#set($wf.n=$wf.n+1)#if($wf.containsKey('m'))"KEY":#end\
      #if($wt=='')#if("$!wv.containsKey('')"!='')#set($wt='GM')\
      #elseif("$!wv.subList(0,0)"!='')#set($wt='GL')#elseif("$!wv.isEmpty()"!='')#set($wt='S')\
      #elseif("$!wv.booleanValue()"!='')#set($wt='BOOL')\
      #elseif("$!wv.doubleValue()"!='')#set($wt='N')#{else}#set($wt='NULL')#end#end\
      #if($wt=='S'||$wt=='B'||$wt=='N'){"$wt":"VALUE"}\
      #elseif($wt=='BOOL'){"BOOL":#if("$wv"=='true')true#{else}false#end}\
      #elseif($wt=='NULL'){"NULL":true}\
      #elseif($wt.endsWith('S')){"$wt":[#foreach($we in $wv)#if($foreach.index>0),#end"ELEMENT"#end]}\
      #{else}#set($wd=DEPTH)#set($wu=true)#if($wt=='GM')#set($wd=$wf.d - 1)#set($wc={})\
      #elseif($wt=='GL')#set($wd=$wf.d - 1)#set($wc=[''])#{else}#set($wc=$ws.get(1))\
      #if($wt=='M')#set($wu=$ws.get(2))#end#end\
      #if($wd<0){"NULL":false}#elseif($wt.endsWith('M')){"M":{#set($wk=[])\
      #set($wo=$wk.addAll($wv.keySet()))#set($wf={'p':$wf,'c':$wk,'i':0,'n':0,'d':$wd, \
      'm':$wv,'s':$wc,'u':$wu,'e':'}}'})#{else}{"L":[#set($wf={'p':$wf,'c':$wv,'i':0, \
      'n':0,'d':$wd,'s':$wc,'e':']}'})#end#end#end\
      """
          .replace("KEY", Vtl.escaped("$wn"))
          .replace("VALUE", Vtl.escaped("\"$wv\""))
          .replace("ELEMENT", Vtl.escaped("\"$we\""))
          .replace("DEPTH", Integer.toString(WriteVtl.GENERIC_DEPTH));

  /** A member that makes DynamoDB refuse the request: written when the walk runs out of steps. */
  static final String TOO_LARGE = "#if($wx), \"\": {\"NULL\": false}#end";

  private TypedVtl() {}

  /**
   * The members of the plain map in {@code mapRef}, typed: those named in {@code types} (a VTL map
   * of name to declared type, {@link #SKIP} for members not written), then, if {@code
   * allowUndeclared}, the others typed by their values. {@code written} members precede them.
   */
  static String members(String mapRef, String types, boolean allowUndeclared, int written) {
    return members(mapRef, types, allowUndeclared, written, Walk.STEPS);
  }

  static String members(
      String mapRef, String types, boolean allowUndeclared, int written, int steps) {
    return "#set($wk=[])#set($wo=$wk.addAll("
        + mapRef
        + ".keySet()))#set($wf={'p':{'z':true},'c':$wk,'i':0,'n':"
        + written
        + ",'d':"
        + WriteVtl.GENERIC_DEPTH
        + ",'m':"
        + mapRef
        + ",'s':"
        + types
        + ",'u':"
        + allowUndeclared
        + ",'e':''})"
        + Walk.loop(STEP, steps)
        + TOO_LARGE;
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
}
