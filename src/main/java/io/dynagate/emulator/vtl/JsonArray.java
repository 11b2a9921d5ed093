package io.dynagate.emulator.vtl;

import java.util.ArrayList;
import java.util.Collection;

/** A JSON array as templates see it: a list that prints as JSON, as API Gateway's arrays do. */
public final class JsonArray extends ArrayList<Object> {

  JsonArray(Collection<?> values) {
    super(values);
  }

  @Override
  public String toString() {
    return JsonValues.write(this);
  }
}
