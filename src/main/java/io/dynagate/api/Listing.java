package io.dynagate.api;

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
}
