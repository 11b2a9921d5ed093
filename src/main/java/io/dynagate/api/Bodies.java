package io.dynagate.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Parses request bodies. Taken as text whatever the Content-Type, because {@code curl -d} sends
 * form encoding unless told otherwise, and a JSON body is JSON either way.
 *
 * <p>Bounded: the size by {@code quarkus.http.limits.max-body-size}, the nesting here. The deepest
 * spec (a table's GSI key schema) nests 4 levels; a body nesting far deeper is an attack on the
 * parser. The bound is on this reader only, not on the shared mapper, which also reads DynamoDB
 * items that may nest deeper.
 */
@ApplicationScoped
public class Bodies {

  /** Nesting levels (objects and arrays) a request body may have. */
  public static final int MAX_DEPTH = 32;

  private final ObjectMapper json;

  public Bodies(ObjectMapper json) {
    this.json = json.copy();
    this.json
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build());
  }

  public JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      throw ApiException.badRequest("the body is empty: send the spec as JSON");
    }
    try {
      return json.readTree(body);
    } catch (StreamConstraintsException e) {
      throw ApiException.of(
          400, "Malformed JSON", "the body nests deeper than " + MAX_DEPTH + " levels");
    } catch (JsonProcessingException e) {
      throw ApiException.of(
          400, "Malformed JSON", "the body is not valid JSON: " + e.getOriginalMessage());
    }
  }
}
