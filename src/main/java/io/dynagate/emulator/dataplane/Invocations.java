package io.dynagate.emulator.dataplane;

import io.dynagate.emulator.core.EmulatorSettings;
import io.dynagate.emulator.core.Ids;
import io.dynagate.emulator.vtl.RequestContext;
import io.dynagate.emulator.vtl.VtlInput;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds what templates see, {@code $input} and {@code $context}, from a client's request. */
@ApplicationScoped
class Invocations {

  private static final SecondFormat REQUEST_TIME =
      new SecondFormat(DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH));

  /**
   * A client's request to a stage.
   *
   * @param path {@code $context.path}: {@code /STAGE/...} as requested
   * @param query query parameters, decoded, every value
   * @param headers headers, first value each
   */
  record Client(
      String restApiId,
      String stage,
      String httpMethod,
      String path,
      Map<String, List<String>> query,
      Map<String, String> headers,
      String body) {}

  private final String accountId;
  private final String region;

  Invocations(EmulatorSettings settings) {
    this.accountId = settings.accountId();
    this.region = settings.region();
  }

  Invocation of(CompiledApi api, RouteTree.Match match, Client client, Trace trace) {
    Map<String, String> querystring = new LinkedHashMap<>();
    // A repeated parameter: API Gateway's single-value maps keep the last value.
    client.query().forEach((k, v) -> querystring.put(k, v.isEmpty() ? "" : v.get(v.size() - 1)));
    VtlInput input =
        new VtlInput(client.body(), match.pathParameters(), querystring, client.headers());
    Instant now = Instant.now();
    RequestContext context =
        new RequestContext(
            Ids.requestId(),
            accountId,
            client.restApiId(),
            client.stage(),
            match.resource().id(),
            match.resource().path(),
            client.httpMethod(),
            client.path(),
            sourceIp(header(client.headers(), "x-forwarded-for")),
            header(client.headers(), "user-agent"),
            REQUEST_TIME.format(now),
            now.toEpochMilli(),
            domainName(client));
    return new Invocation(
        api,
        match,
        input,
        context,
        mediaType(header(client.headers(), "content-type")),
        header(client.headers(), "accept"),
        trace);
  }

  /** The request's media type without parameters; {@code application/json} when none is given. */
  private static String mediaType(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return "application/json";
    }
    int semicolon = contentType.indexOf(';');
    String bare = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return bare.trim().toLowerCase(Locale.ROOT);
  }

  private static String sourceIp(String forwardedFor) {
    if (forwardedFor == null || forwardedFor.isBlank()) {
      return "127.0.0.1";
    }
    int comma = forwardedFor.indexOf(',');
    return (comma < 0 ? forwardedFor : forwardedFor.substring(0, comma)).trim();
  }

  private String domainName(Client client) {
    String host = header(client.headers(), "host");
    if (host == null || host.isBlank()) {
      return client.restApiId() + ".execute-api." + region + ".amazonaws.com";
    }
    int colon = host.lastIndexOf(':');
    return colon < 0 || host.endsWith("]") ? host : host.substring(0, colon);
  }

  private static String header(Map<String, String> headers, String lowerName) {
    String value = headers.get(lowerName);
    if (value != null) {
      return value;
    }
    for (var header : headers.entrySet()) {
      if (header.getKey().equalsIgnoreCase(lowerName)) {
        return header.getValue();
      }
    }
    return null;
  }
}
