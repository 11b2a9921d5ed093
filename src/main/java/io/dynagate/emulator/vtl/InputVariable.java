package io.dynagate.emulator.vtl;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code $input}: one per render, parsing the payload at most once. */
public final class InputVariable {

  private static final Configuration JSON_PATH =
      Configuration.builder()
          .jsonProvider(new JacksonJsonProvider())
          .mappingProvider(new JacksonMappingProvider())
          .options(Option.SUPPRESS_EXCEPTIONS)
          .build();

  private final String body;
  private final VtlInput input;
  private Object document;

  InputVariable(VtlInput input) {
    this.input = input;
    // API Gateway hands templates "{}" when the request has no payload.
    this.body = input.body() == null || input.body().isEmpty() ? "{}" : input.body();
  }

  /** {@code $input.body}: the raw payload. */
  public String getBody() {
    return body;
  }

  /** {@code $input.path(p)}: the value at a JSONPath, to navigate. */
  public Object path(String jsonPath) {
    Object found = JsonPath.using(JSON_PATH).parse(document()).read(jsonPath);
    if (found == null) {
      return Absent.VALUE;
    }
    if (found instanceof List<?> list && !(found instanceof JsonArray)) {
      return new JsonArray(list);
    }
    return found;
  }

  /** {@code $input.json(p)}: the value at a JSONPath as JSON text; nothing when it is missing. */
  public String json(String jsonPath) {
    Object found = path(jsonPath);
    return found == Absent.VALUE ? "" : JsonValues.write(found);
  }

  /** {@code $input.params()}: {@code path}, {@code querystring} and {@code header} maps. */
  public Map<String, Map<String, String>> params() {
    Map<String, Map<String, String>> all = new LinkedHashMap<>();
    all.put("path", new LinkedHashMap<>(input.path()));
    all.put("querystring", new LinkedHashMap<>(input.querystring()));
    all.put("header", new LinkedHashMap<>(input.header()));
    return all;
  }

  /** {@code $input.params('x')}: path, then query string, then header; {@code ""} when absent. */
  public String params(String name) {
    for (Map<String, String> source : List.of(input.path(), input.querystring(), input.header())) {
      String value = source.get(name);
      if (value != null) {
        return value;
      }
    }
    return "";
  }

  private Object document() {
    if (document == null) {
      document = JsonValues.parse(body);
    }
    return document;
  }
}
