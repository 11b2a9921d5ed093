package io.dynagate.api;

import io.dynagate.store.InvalidCursorException;
import java.util.List;

/**
 * Every list the management API answers: a page of items and the opaque cursor of the next page,
 * absent on the last one.
 */
public record Listing<T>(List<T> items, String nextCursor) {

  /** A list that always fits one page. */
  public static <T> Listing<T> whole(List<T> items) {
    return new Listing<>(items, null);
  }

  /**
   * A list that always fits one page gives out no cursor, so any cursor sent to it is one this
   * service did not give out: refused as on the paged lists, not ignored.
   */
  public static void refuseCursor(String cursor) {
    if (cursor != null) {
      throw new InvalidCursorException();
    }
  }
}
