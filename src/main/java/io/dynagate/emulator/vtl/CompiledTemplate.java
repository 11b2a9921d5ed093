package io.dynagate.emulator.vtl;

import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.exception.VelocityException;
import org.apache.velocity.util.introspection.IntrospectionCacheData;

/** A parsed mapping template, safe to render concurrently. */
public final class CompiledTemplate {

  private final Template template;

  /**
   * Velocity's introspection cache, which it keeps in the context and so would start empty on every
   * render: here it lives as long as the template. Its entries are keyed on this template's nodes
   * (and method signatures) and each records the class it was found for, which Velocity checks
   * before using it; the lookups behind them depend on nothing else ({@link CachingUberspector}).
   */
  private final Map<Object, IntrospectionCacheData> introspection = new ConcurrentHashMap<>();

  CompiledTemplate(Template template) {
    this.template = template;
  }

  /**
   * Renders with {@code $input} from {@code input}, {@code $context} from {@code context} and
   * {@code $util}; throws {@link VtlException} when the template fails.
   */
  public Rendered render(VtlInput input, RequestContext context) {
    return render(input, context, new Overrides());
  }

  /**
   * Renders with the call's overrides, so that what the request template writes to {@code
   * $context.requestOverride} and {@code $context.responseOverride} the response template reads.
   */
  public Rendered render(VtlInput input, RequestContext context, Overrides overrides) {
    VelocityContext velocityContext = new KeptIntrospectionContext(introspection);
    velocityContext.put("input", new InputVariable(input));
    velocityContext.put("util", UtilVariable.INSTANCE);
    velocityContext.put("context", contextVariables(context, overrides));
    TextWriter out = new TextWriter();
    try {
      template.merge(velocityContext, out);
    } catch (VelocityException | VtlException e) {
      throw new VtlException("mapping template failed: " + rootMessage(e), e);
    }
    return new Rendered(out.toString(), overrides.status(), overrides.headers());
  }

  /** A writer into one builder: a render writes from one thread, unlike {@code StringWriter}. */
  private static final class TextWriter extends Writer {
    private final StringBuilder text = new StringBuilder(256);

    @Override
    public void write(char[] chars, int offset, int length) {
      text.append(chars, offset, length);
    }

    @Override
    public void write(String str) {
      if (!str.isEmpty()) {
        text.append(str);
      }
    }

    @Override
    public void write(String str, int offset, int length) {
      text.append(str, offset, offset + length);
    }

    @Override
    public void write(int c) {
      text.append((char) c);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public String toString() {
      return text.toString();
    }
  }

  private static final class KeptIntrospectionContext extends VelocityContext {
    private final Map<Object, IntrospectionCacheData> introspection;

    KeptIntrospectionContext(Map<Object, IntrospectionCacheData> introspection) {
      this.introspection = introspection;
    }

    @Override
    public IntrospectionCacheData icacheGet(Object key) {
      return introspection.get(key);
    }

    @Override
    public void icachePut(Object key, IntrospectionCacheData data) {
      if (key != null && data != null) {
        introspection.put(key, data);
      }
    }
  }

  private static Map<String, Object> contextVariables(RequestContext c, Overrides overrides) {
    // sized for their entries (and a template's own), so that filling them never rehashes
    Map<String, Object> identity = new LinkedHashMap<>(8);
    identity.put("sourceIp", c.sourceIp());
    identity.put("userAgent", c.userAgent());
    Map<String, Object> vars = new LinkedHashMap<>(32);
    vars.put("requestId", c.requestId());
    vars.put("extendedRequestId", c.requestId());
    vars.put("accountId", c.accountId());
    vars.put("apiId", c.apiId());
    vars.put("stage", c.stage());
    vars.put("resourceId", c.resourceId());
    vars.put("resourcePath", c.resourcePath());
    vars.put("httpMethod", c.httpMethod());
    vars.put("path", c.path());
    vars.put("requestTime", c.requestTime());
    vars.put("requestTimeEpoch", c.requestTimeEpoch());
    vars.put("domainName", c.domainName());
    vars.put("protocol", "HTTP/1.1");
    vars.put("identity", identity);
    vars.put("responseOverride", overrides.responseOverride());
    vars.put("requestOverride", overrides.requestOverride());
    return vars;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
