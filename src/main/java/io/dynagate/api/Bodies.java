package io.dynagate.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Parses request bodies: exactly one JSON value, each object's names once. A body is read as JSON
 * when its Content-Type says JSON, or form encoding, which {@code curl -d} sends unless told
 * otherwise; any other type, or none, is 415 before the body is read.
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
    this.json =
        json.copy()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
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

  /** 415 for a body whose Content-Type is not JSON (or form encoding, see above). */
  @ServerRequestFilter(preMatching = true)
  public Optional<Response> requireJson(ContainerRequestContext request) {
    if (!hasBody(request) || isJson(request.getMediaType())) {
      return Optional.empty();
    }
    return Optional.of(
        ProblemMappers.answer(
            Problem.of(
                415,
                "Unsupported media type",
                "send the body as JSON, with Content-Type: application/json")));
  }

  private static boolean hasBody(ContainerRequestContext request) {
    String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    if (length != null) {
      return !length.trim().equals("0");
    }
    return request.getHeaderString("Transfer-Encoding") != null;
  }

  private static boolean isJson(MediaType type) {
    if (type == null) {
      return false;
    }
    String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
    return type.getType().equalsIgnoreCase("application")
        && (subtype.equals("json")
            || subtype.endsWith("+json")
            || subtype.equals("x-www-form-urlencoded"));
  }
}
