package io.dynagate.reconcile;

/** Deleting what is already gone is done. */
final class NotFound {

  private NotFound() {}

  static void ignore(Runnable delete) {
    try {
      delete.run();
    } catch (AwsFailure failure) {
      if (failure.kind() != AwsFailure.Kind.NOT_FOUND) {
        throw failure;
      }
    }
  }
}
