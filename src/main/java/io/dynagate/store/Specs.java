package io.dynagate.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

/** Spec records to and from the JSON text the registry stores. */
@ApplicationScoped
public class Specs {

  private final ObjectMapper json;

  public Specs(ObjectMapper json) {
    this.json = json;
  }

  public <T> T read(Stored stored, Class<T> type) {
    try {
      return json.readValue(stored.spec(), type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable spec of " + stored.ref(), e);
    }
  }

  public String write(Object spec) {
    try {
      return json.writeValueAsString(spec);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
