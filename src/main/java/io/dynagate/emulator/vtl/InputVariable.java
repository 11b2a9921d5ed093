package io.dynagate.emulator.vtl;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** {@code $input}: one per render, parsing the payload at most once. */
public final class InputVariable {

  static final Configuration JSON_PATH =
      Configuration.builder()
          .jsonProvider(new JacksonJsonProvider())
          .mappingProvider(new JacksonMappingProvider())
          .options(Option.SUPPRESS_EXCEPTIONS)
          .build();

  /** Paths compiled once: templates name a handful each, and every request reads them again. */
  private static final Map<String, JsonPath> PATHS = new ConcurrentHashMap<>();

  /** Compiled paths kept before the cache starts over: bounded by the paths templates write. */
  private static final int PATHS_KEPT = 10_000;

  private final String body;
  private final VtlInput input;
  private Object document;
  private Map<String, Map<String, String>> params;

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
    Object found =
        PropertyPath.covers(jsonPath)
            ? PropertyPath.read(document(), jsonPath)
            : compiled(jsonPath).read(document(), JSON_PATH);
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

  /**
   * {@code $input.params()}: {@code path}, {@code querystring} and {@code header} maps, made once
   * per render; the header map finds a name in any case and keeps the client's spelling.
   */
  public Map<String, Map<String, String>> params() {
    if (params == null) {
      Map<String, String> header = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      header.putAll(input.header());
      params = new LinkedHashMap<>();
      params.put("path", new LinkedHashMap<>(input.path()));
      params.put("querystring", new LinkedHashMap<>(input.querystring()));
      params.put("header", header);
    }
    return params;
  }

  /**
   * {@code $input.params('x')}: path, then query string, then header (whose name matches in any
   * case, as HTTP's do); {@code ""} when absent.
   */
  public String params(String name) {
    String value = input.path().get(name);
    if (value == null) {
      value = input.querystring().get(name);
    }
    if (value == null) {
      value = input.header().get(name);
    }
    return value == null ? "" : value;
  }

  static JsonPath compiled(String jsonPath) {
    JsonPath compiled = PATHS.get(jsonPath);
    if (compiled == null) {
      compiled = JsonPath.compile(jsonPath);
      if (PATHS.size() >= PATHS_KEPT) {
        PATHS.clear();
      }
      PATHS.put(jsonPath, compiled);
    }
    return compiled;
  }

  private Object document() {
    if (document == null) {
      document = JsonValues.parse(body);
    }
    return document;
  }
}
