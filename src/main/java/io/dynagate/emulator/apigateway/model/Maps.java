package io.dynagate.emulator.apigateway.model;

import com.github.benmanes.caffeine.cache.Interner;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Immutable, order-keeping copies for the model's maps (null becomes empty). */
final class Maps {

  private static final Interner<Method> METHODS = Interner.newWeakInterner();

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
    return copy(map, String::intern);
  }

  /**
   * A copy of a resource's methods in which each method equal to one already held is that one: an
   * import rebuilds every method and a deployment keeps the API as it was, so without sharing each
   * unchanged method was held once more per import and deployment.
   */
  static Map<String, Method> methods(Map<String, Method> map) {
    return copy(map, METHODS::intern);
  }

  private static <K, V> Map<K, V> copy(Map<K, V> map, UnaryOperator<V> canonical) {
    if (map == null || map.isEmpty()) {
      return Map.of();
    }
    Map<K, V> copy = new LinkedHashMap<>();
    map.forEach((key, value) -> copy.put(key, value == null ? null : canonical.apply(value)));
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
