package io.dynagate.emulator.core;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts calls per {@code service:Operation} since start or the last reset. */
@ApplicationScoped
public class CallCounter {

  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  public void record(String service, String operation) {
    counts.computeIfAbsent(service + ":" + operation, key -> new LongAdder()).increment();
  }

  /** The counts, sorted by key; operations never called are absent. */
  public Map<String, Long> snapshot() {
    Map<String, Long> copy = new TreeMap<>();
    counts.forEach((key, count) -> copy.put(key, count.sum()));
    copy.values().removeIf(count -> count == 0);
    return copy;
  }

  public void reset() {
    counts.clear();
  }
}
