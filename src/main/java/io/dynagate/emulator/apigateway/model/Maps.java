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
