package io.dynagate.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Declarations as last read, for management reads. Two promises: after a write by this instance
 * returns, no read serves what was there before it (every write invalidates its entry, and an
 * invalidation waits for a load of the same entry in flight, then drops it); a write by another
 * instance is seen after at most the time to live, as entries expire that long after they were
 * read.
 */
final class ReadCache {

  private final Cache<Ref, Optional<Stored>> entries;

  ReadCache(Duration ttl, long size) {
    this.entries =
        ttl.isZero() ? null : Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(size).build();
  }

  Optional<Stored> get(Ref ref, Function<Ref, Optional<Stored>> load) {
    return entries == null ? load.apply(ref) : entries.get(ref, load);
  }

  void invalidate(Ref ref) {
    if (entries != null) {
      entries.invalidate(ref);
    }
  }
}
