package io.dynagate.api;

import io.dynagate.store.Ref;

/** Fired after a declaration was written or marked for deletion; the reconciler reacts at once. */
public record DeclarationChanged(Ref ref) {}
