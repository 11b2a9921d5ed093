package io.dynagate.reconcile;

/** The AWS account and region Dynagate manages resources in. */
public interface AccountPort {

  /** The account the credentials belong to (asked once). */
  String accountId();

  String region();
}
