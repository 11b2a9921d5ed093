package io.dynagate.store;

import java.time.Instant;

/**
 * One declaration as the registry holds it.
 *
 * @param spec the spec as canonical JSON text
 * @param deleting true once deletion was asked for and the reconciler has not finished it
 */
public record Stored(
    Ref ref,
    String owner,
    long version,
    String spec,
    Status status,
    boolean deleting,
    Instant createdAt,
    Instant updatedAt) {}
