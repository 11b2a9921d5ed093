package io.dynagate.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Parses request bodies. Taken as text whatever the Content-Type, because {@code curl -d} sends
 * form encoding unless told otherwise, and a JSON body is JSON either way.
 */
@ApplicationScoped
public class Bodies {

  private final ObjectMapper json;

  public Bodies(ObjectMapper json) {
    this.json = json;
  }

  public JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      throw ApiException.badRequest("the body is empty: send the spec as JSON");
    }
    try {
      return json.readTree(body);
    } catch (JsonProcessingException e) {
      throw ApiException.of(
          400, "Malformed JSON", "the body is not valid JSON: " + e.getOriginalMessage());
    }
  }
}
