package io.dynagate.api;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Bounds the JSON this service reads. The deepest spec (a table's GSI key schema) nests 4 levels; a
 * body nesting far deeper is an attack on the parser, refused before it costs stack or memory. The
 * body size is bounded by {@code quarkus.http.limits.max-body-size}.
 */
@Singleton
public class JsonLimits implements ObjectMapperCustomizer {

  /** Nesting levels (objects and arrays) a request body may have. */
  public static final int MAX_DEPTH = 32;

  @Override
  public void customize(ObjectMapper mapper) {
    mapper
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build());
  }
}
