package io.dynagate.emulator.vtl;

import java.io.StringReader;
import java.util.Properties;
import org.apache.velocity.Template;
import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.context.Context;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.RuntimeInstance;
import org.apache.velocity.runtime.directive.Directive;
import org.apache.velocity.runtime.parser.ParseException;
import org.apache.velocity.runtime.parser.node.SimpleNode;

/**
 * Velocity set up the way API Gateway runs mapping templates. One instance owns one configured
 * Velocity runtime (no global Velocity state); compile a template once, render it many times from
 * any thread.
 */
public final class VtlEngine {

  /** API Gateway stops a {@code #foreach} after this many iterations. */
  public static final int MAX_LOOPS = 1000;

  private final RuntimeInstance velocity = new RuntimeInstance();

  public VtlEngine() {
    velocity.init(settings());
  }

  private static Properties settings() {
    Properties p = new Properties();
    // API Gateway runs Velocity 1.7 semantics: #if is false only for null and false,
    // whitespace around directives is kept as 1.7 kept it, hyphens are allowed in identifiers.
    p.setProperty("directive.if.empty_check", "false");
    p.setProperty(RuntimeConstants.SPACE_GOBBLING, "bc");
    p.setProperty(RuntimeConstants.PARSER_HYPHEN_ALLOWED, "true");
    p.setProperty("directive.foreach.max_loops", Integer.toString(MAX_LOOPS));
    // Macros are not something to rely on in API Gateway; a template that defines one renders
    // its call as text here, which makes the reliance visible.
    p.setProperty(RuntimeConstants.VM_PERM_ALLOW_INLINE, "false");
    p.setProperty(RuntimeConstants.RESOURCE_LOADERS, "none");
    p.setProperty("resource.loader.none.class", NoResources.class.getName());
    // Templates come from API clients: no reflection tricks through getClass(). The secure
    // introspection's answers are kept across renders (Velocity keeps them for one render only).
    p.setProperty(RuntimeConstants.UBERSPECT_CLASSNAME, CachingUberspector.class.getName());
    p.setProperty(RuntimeConstants.EVENTHANDLER_REFERENCEINSERTION, NullAsEmpty.class.getName());
    // #break as Velocity's, without a stack trace per break
    p.setProperty(RuntimeConstants.CUSTOM_DIRECTIVES, StacklessBreak.class.getName());
    p.setProperty(RuntimeConstants.RUNTIME_LOG_REFERENCE_LOG_INVALID, "false");
    p.setProperty(RuntimeConstants.RUNTIME_LOG_METHOD_CALL_LOG_INVALID, "false");
    return p;
  }

  /** The directive this engine runs for {@code #name}. */
  Directive directive(String name) {
    return velocity.getDirective(name);
  }

  /** Parses a template; throws {@link VtlException} when it is not valid VTL. */
  public CompiledTemplate compile(String source) {
    Template template = new Template();
    template.setName("mapping-template");
    template.setRuntimeServices(velocity);
    try {
      SimpleNode document = velocity.parse(new StringReader(source), template);
      Comparisons.replaceIn(document);
      template.setData(document);
      template.initDocument();
    } catch (ParseException | RuntimeException e) {
      throw new VtlException("invalid mapping template: " + e.getMessage(), e);
    }
    return new CompiledTemplate(template);
  }

  /** A reference that is null (undefined, missing, a method not found) renders as nothing. */
  public static final class NullAsEmpty implements ReferenceInsertionEventHandler {
    @Override
    public Object referenceInsert(Context context, String reference, Object value) {
      return value == null ? "" : value;
    }
  }
}
