package io.dynagate.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dynagate.declaration.Violation;
import io.dynagate.store.Page;
import io.dynagate.store.Status;
import io.dynagate.store.Stored;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.OptionalLong;

/** Turns stored declarations into answers: the envelope, its ETag, pages; and reads If-Match. */
@ApplicationScoped
public class Envelopes {

  private final ObjectMapper json;

  public Envelopes(ObjectMapper json) {
    this.json = json;
  }

  public Envelope of(Stored stored) {
    try {
      Status status = stored.deleting() ? stored.status().deleting() : stored.status();
      return new Envelope(
          stored.ref().name(),
          stored.owner(),
          stored.version(),
          json.readTree(stored.spec()),
          status);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public Response ok(Stored stored) {
    return Response.ok(of(stored)).tag(etag(stored)).build();
  }

  /** 201 for a declaration this write created (its first version), 200 for an update. */
  public Response written(Stored stored) {
    return Response.status(stored.version() == 1 ? 201 : 200)
        .entity(of(stored))
        .tag(etag(stored))
        .build();
  }

  public ListPage page(Page<Stored> page) {
    return new ListPage(page.items().stream().map(this::of).toList(), page.nextCursor());
  }

  /** A page of a list: {@code nextCursor} is absent on the last page. */
  public record ListPage(List<Envelope> items, String nextCursor) {}

  private static EntityTag etag(Stored stored) {
    return new EntityTag(Long.toString(stored.version()));
  }

  /** The version an {@code If-Match} header names; empty when absent or {@code *}. */
  public static OptionalLong ifMatch(String header) {
    if (header == null || header.isBlank() || header.trim().equals("*")) {
      return OptionalLong.empty();
    }
    String value = header.trim();
    if (value.startsWith("W/")) {
      value = value.substring(2);
    }
    value = value.replace("\"", "");
    try {
      return OptionalLong.of(Long.parseLong(value));
    } catch (NumberFormatException e) {
      throw ApiException.preconditionFailed("If-Match must carry an ETag this service gave out");
    }
  }

  /**
   * The {@code limit} query parameter, taken as text: JAX-RS answers 404 to a parameter that does
   * not convert, where a bad parameter is the caller's mistake, answered 400 naming the field.
   */
  public static int limit(String text) {
    if (text == null || text.isBlank()) {
      return 50;
    }
    int limit;
    try {
      limit = Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      limit = 0;
    }
    if (limit < 1 || limit > 500) {
      throw ApiException.invalid(List.of(Violation.of("limit", "must be between 1 and 500")));
    }
    return limit;
  }
}
