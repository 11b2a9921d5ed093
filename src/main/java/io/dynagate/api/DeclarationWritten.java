package io.dynagate.api;

import io.dynagate.store.Ref;
import io.dynagate.store.Stored;

/**
 * Fired synchronously after a declaration was created, changed or removed by a caller, for the
 * audit trail.
 *
 * @param before the declaration before the change; null when it was created
 * @param after the declaration after the change; null when it was removed for good (a deletion the
 *     reconciler still has to carry out is an {@code after} marked deleting)
 */
public record DeclarationWritten(Caller caller, Ref ref, Stored before, Stored after) {}
