package io.dynagate.emulator.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where an imported document's base path goes, by ImportRestApi's and PutRestApi's {@code basepath}
 * parameter: {@code ignore} (the default) drops it, {@code prepend} puts it before every path,
 * {@code split} drops its first segment and prepends the rest. Swagger 2.0 names it {@code
 * basePath}; OpenAPI 3 puts it in the first server's URL, or in that URL's {@code basePath}
 * variable.
 */
final class BasePath {

  private BasePath() {}

  /** What goes before every path of the document: empty, or a path without a trailing slash. */
  static String prefix(JsonNode root, String mode) {
    if (mode == null || mode.equalsIgnoreCase("ignore")) {
      return "";
    }
    String base = trimmed(declared(root));
    if (mode.equalsIgnoreCase("split")) {
      int second = base.indexOf('/', 1);
      base = second < 0 ? "" : base.substring(second);
    } else if (!mode.equalsIgnoreCase("prepend")) {
      throw ApiGatewayErrors.badRequest(
          "Invalid basepath mode specified: " + mode + ". Valid values are ignore, prepend, split");
    }
    return base;
  }

  private static String declared(JsonNode root) {
    if (root.has("basePath")) {
      return root.path("basePath").asText();
    }
    JsonNode server = root.path("servers").path(0);
    String url = server.path("url").asText("");
    JsonNode variables = server.path("variables");
    for (var names = variables.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      url = url.replace("{" + name + "}", variables.path(name).path("default").asText(""));
    }
    if (url.startsWith("/")) {
      return url;
    }
    try {
      String path = new URI(url).getPath();
      return path == null ? "" : path;
    } catch (URISyntaxException notAUrl) {
      return "";
    }
  }

  private static String trimmed(String path) {
    String out = path.startsWith("/") ? path : "/" + path;
    while (out.endsWith("/")) {
      out = out.substring(0, out.length() - 1);
    }
    return out;
  }
}
