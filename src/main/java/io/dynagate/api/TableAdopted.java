package io.dynagate.api;

/**
 * Fired synchronously after an admin adopted a table that exists in the account, for the audit
 * trail.
 *
 * @param owner the team the table is now tagged for
 */
public record TableAdopted(Caller caller, String table, String owner, String arn) {}
