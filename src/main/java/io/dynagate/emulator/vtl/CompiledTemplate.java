package io.dynagate.emulator.vtl;

import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.exception.VelocityException;

/** A parsed mapping template, safe to render concurrently. */
public final class CompiledTemplate {

  private final Template template;

  CompiledTemplate(Template template) {
    this.template = template;
  }

  /**
   * Renders with {@code $input} from {@code input}, {@code $context} from {@code context} and
   * {@code $util}; throws {@link VtlException} when the template fails.
   */
  public Rendered render(VtlInput input, RequestContext context) {
    OverrideMap override = new OverrideMap("responseOverride.");
    OverrideMap headers = new OverrideMap("responseOverride.header.");
    override.put("header", headers);
    VelocityContext velocityContext = new VelocityContext();
    velocityContext.put("input", new InputVariable(input));
    velocityContext.put("util", UtilVariable.INSTANCE);
    velocityContext.put("context", contextVariables(context, override));
    StringWriter out = new StringWriter();
    try {
      template.merge(velocityContext, out);
    } catch (VelocityException | VtlException e) {
      throw new VtlException("mapping template failed: " + rootMessage(e), e);
    }
    return new Rendered(out.toString(), status(override.get("status")), stringValues(headers));
  }

  private static Map<String, Object> contextVariables(RequestContext c, OverrideMap override) {
    Map<String, Object> identity = new LinkedHashMap<>();
    identity.put("sourceIp", c.sourceIp());
    identity.put("userAgent", c.userAgent());
    Map<String, Object> vars = new LinkedHashMap<>();
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
    vars.put("responseOverride", override);
    return vars;
  }

  private static Optional<Integer> status(Object value) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Integer.parseInt(String.valueOf(value).trim()));
    } catch (NumberFormatException e) {
      throw new VtlException("responseOverride.status is not a status code: " + value);
    }
  }

  private static Map<String, String> stringValues(Map<String, Object> map) {
    Map<String, String> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(k, String.valueOf(v)));
    return out;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
