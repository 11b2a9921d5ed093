package io.dynagate.emulator.core;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AWS's Query protocol (IAM, STS): form-encoded parameters in, XML out, errors as {@code
 * <ErrorResponse>}.
 */
public final class QueryProtocol {

  private QueryProtocol() {}

  /** The request's parameters: the form body, or the query string when the body is empty. */
  public static Map<String, String> parameters(EmulatorRequest request) {
    Map<String, String> parameters = new LinkedHashMap<>();
    request.query().forEach((name, values) -> parameters.put(name, values.get(0)));
    String body = request.bodyText();
    if (!body.isBlank()) {
      for (String pair : body.split("&")) {
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        parameters.put(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
      }
    }
    return parameters;
  }

  /** A list parameter: {@code prefix.member.1}, {@code prefix.member.2}, ... */
  public static List<String> members(Map<String, String> parameters, String prefix) {
    List<String> values = new ArrayList<>();
    for (int i = 1; parameters.containsKey(prefix + ".member." + i); i++) {
      values.add(parameters.get(prefix + ".member." + i));
    }
    return values;
  }

  /** The answer {@code <OpResponse><OpResult>result</OpResult><ResponseMetadata>...}. */
  public static EmulatorResponse answer(String operation, String namespace, String result) {
    Xml xml = new Xml().open(operation + "Response", namespace);
    if (result != null) {
      xml.open(operation + "Result").raw(result).close(operation + "Result");
    }
    xml.open("ResponseMetadata").text("RequestId", Ids.requestId()).close("ResponseMetadata");
    xml.close(operation + "Response");
    return EmulatorResponse.of(200, "text/xml", xml.toString());
  }

  /** An error as AWS's Query services send it. */
  public static EmulatorResponse error(AwsError error, String namespace) {
    String type = error.status() >= 500 ? "Receiver" : "Sender";
    Xml xml =
        new Xml()
            .open("ErrorResponse", namespace)
            .open("Error")
            .text("Type", type)
            .text("Code", error.code())
            .text("Message", error.getMessage())
            .close("Error")
            .text("RequestId", Ids.requestId())
            .close("ErrorResponse");
    return EmulatorResponse.of(error.status(), "text/xml", xml.toString());
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
