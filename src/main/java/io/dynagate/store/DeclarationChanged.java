package io.dynagate.store;

/** Fired after a declaration was written or marked for deletion; the reconciler reacts at once. */
public record DeclarationChanged(Ref ref) {}
