package io.dynagate.emulator.apigateway.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Immutable, order-keeping copies for the model's maps (null becomes empty). */
final class Maps {

  private Maps() {}

  static <K, V> Map<K, V> copy(Map<K, V> map) {
    return map == null || map.isEmpty()
        ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /**
   * A copy of a map of mapping templates whose texts are shared with every equal text already held.
   * Each deployment keeps a snapshot of every method, and the routes on one table carry the same
   * templates: unshared, the definition of a 300-route API was held once per import and deployment
   * (40 MB of text after one API's routes were declared one by one, 92 MB of heap in all).
   */
  static Map<String, String> texts(Map<String, String> map) {
    if (map == null || map.isEmpty()) {
      return Map.of();
    }
    Map<String, String> copy = new LinkedHashMap<>();
    map.forEach((key, text) -> copy.put(key, text == null ? null : text.intern()));
    return Collections.unmodifiableMap(copy);
  }

  static <K, V> Map<K, V> with(Map<K, V> map, K key, V value) {
    Map<K, V> copy = new LinkedHashMap<>(map);
    copy.put(key, value);
    return Collections.unmodifiableMap(copy);
  }

  static <K, V> Map<K, V> without(Map<K, V> map, K key) {
    Map<K, V> copy = new LinkedHashMap<>(map);
    copy.remove(key);
    return Collections.unmodifiableMap(copy);
  }

  static <T> List<T> list(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
