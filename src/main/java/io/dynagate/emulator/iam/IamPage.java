package io.dynagate.emulator.iam;

import io.dynagate.emulator.core.AwsError;
import io.dynagate.emulator.core.Xml;
import java.util.List;
import java.util.function.Function;

/**
 * One page of an IAM list: {@code Marker} is the first key of the next page, {@code MaxItems}
 * defaults to 100 (1 to 1000).
 */
record IamPage<T>(List<T> items, String nextMarker) {

  static <T> IamPage<T> of(
      List<T> sorted, Function<T, String> key, String marker, String maxItems) {
    int max = maxItems == null ? 100 : parse(maxItems);
    int start = 0;
    if (marker != null) {
      while (start < sorted.size() && key.apply(sorted.get(start)).compareTo(marker) < 0) {
        start++;
      }
    }
    int end = Math.min(sorted.size(), start + max);
    String next = end < sorted.size() ? key.apply(sorted.get(end)) : null;
    return new IamPage<>(sorted.subList(start, end), next);
  }

  /** {@code IsTruncated} and {@code Marker}, as every IAM list ends. */
  Xml appendTruncation(Xml xml) {
    return xml.text("IsTruncated", nextMarker != null).text("Marker", nextMarker);
  }

  private static int parse(String maxItems) {
    try {
      int max = Integer.parseInt(maxItems);
      if (max >= 1 && max <= 1000) {
        return max;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new AwsError(
        400,
        "ValidationError",
        "1 validation error detected: Value '"
            + maxItems
            + "' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 1000");
  }
}
