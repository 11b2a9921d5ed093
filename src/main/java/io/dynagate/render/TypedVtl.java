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
   * One step: the next child {@code $n} of the frame, its value {@code $v} and declared type {@code
   * $s}; undeclared content is given the type {@code $t} of what the value is, and for a list or
   * map, {@code $c} the declared type of its content. Frames add {@code u} (undeclared members
   * written), {@code d} (how many more undeclared levels may open) and {@code n} (members written);
   * a list's frame is the one whose closing text {@code e} is <code>]}</code>.
   */
  private static final String STEP =
      """
      #set($n=$f.c.get($f.i))#set($f.i=$f.i+1)#if($f.e!=']}')\
      #set($v=$f.m.get($n))#if($f.s.containsKey($n))#set($s=$f.s.get($n))\
      #elseif($f.u)#set($s=[''])#{else}#set($s=['-'])#end\
      #{else}#set($v=$n)#set($s=$f.s)#end#set($t=$s.get(0))#if($t!='-')\
      #if($f.n>0),#end#set($f.n=$f.n+1)#if($f.e!=']}')"KEY":#end#set($d=DEPTH)#set($m=true)\
      #if($t=='')#set($d=$f.d - 1)#if("$!v.containsKey('')"!='')#set($t='M')#set($c={})\
      #elseif("$!v.subList(0,0)"!='')#set($t='L')#set($c=[''])\
      #elseif("$!v.isEmpty()"!='')#set($t='S')#elseif("$!v.booleanValue()"!='')#set($t='BOOL')\
      #elseif("$!v.doubleValue()"!='')#set($t='N')#{else}#set($t='NULL')#end\
      #elseif($t.matches('[LM]'))#set($c=$s.get(1))#if($t=='M')#set($m=$s.get(2))#end#end\
      #if($t.matches('[SBN]')){"$t":"VALUE"}\
      #elseif($t=='BOOL'){"BOOL":#if("$v"=='true')true#{else}false#end}\
      #elseif($t=='NULL'){"NULL":true}\
      #elseif($t.endsWith('S')){"$t":[#foreach($e in $v)#if($foreach.index>0),#end"ELEMENT"#end]}\
      #elseif($d<0){"NULL":false}#elseif($t=='M'){"M":{#set($k=[])\
      #set($o=$k.addAll($v.keySet()))#set($f={'p':$f,'c':$k,'i':0,'n':0,'d':$d,\
      'm':$v,'s':$c,'u':$m,'e':'}}'})#{else}{"L":[#set($f={'p':$f,'c':$v,'i':0,\
      'n':0,'d':$d,'s':$c,'e':']}'})#end#end\
      """
          .replace("KEY", Vtl.escaped("$n"))
          .replace("VALUE", Vtl.escaped("\"$v\""))
          .replace("ELEMENT", Vtl.escaped("\"$e\""))
          .replace("DEPTH", Integer.toString(WriteVtl.GENERIC_DEPTH));

  /** A member that makes DynamoDB refuse the request: written when the walk runs out of steps. */
  static final String TOO_LARGE = "#if($q),\"\":{\"NULL\":false}#end";

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
    return "#set($k=[])#set($o=$k.addAll("
        + mapRef
        + ".keySet()))#set($f={'p':{'z':true},'c':$k,'i':0,'n':"
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

  /** A JSON null as VTL sees it: renders as nothing, yet is no (empty) string. */
  static String isNull(String ref) {
    return "\"$!" + ref.substring(1) + "\"==''&&\"$!" + ref.substring(1) + ".isEmpty()\"==''";
  }
}
