package io.dynagate.api;

import io.dynagate.config.DynagateConfig;
import io.dynagate.declaration.Names;
import io.dynagate.declaration.Violation;
import io.dynagate.reconcile.TablePort;
import io.dynagate.store.Ref;
import io.dynagate.store.Registry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which tables of the account a caller may declare: never the registry's own, a team's only under
 * the operator's name pattern ({@code dynagate.tables.name-pattern}, admins exempt), and an
 * existing table only when Dynagate made it, or an admin adopted it, for that owner (its tags say
 * so). Checked through the DynamoDB port when a declaration is created.
 */
@ApplicationScoped
public class AccountTables {

  private final TablePort tables;
  private final Registry registry;
  private final TeamDirectory teams;
  private final Event<TableAdopted> adopted;
  private final String registryTable;
  private final Optional<String> namePattern;

  public AccountTables(
      TablePort tables,
      Registry registry,
      TeamDirectory teams,
      Event<TableAdopted> adopted,
      DynagateConfig config) {
    this.tables = tables;
    this.registry = registry;
    this.teams = teams;
    this.adopted = adopted;
    this.registryTable = config.registry().table();
    this.namePattern = config.tables().namePattern().filter(p -> !p.isBlank());
  }

  /** 400 naming why when the caller may never declare a table of this name. */
  void requireDeclarableName(Caller caller, String name) {
    if (Names.isReservedTable(name, registryTable)) {
      throw ApiException.invalid(
          List.of(
              Violation.of(
                  "TableName",
                  "table "
                      + name
                      + " is reserved: it is (or is named under) Dynagate's own registry table")));
    }
    if (!caller.admin()
        && namePattern.isPresent()
        && !Names.matchesPattern(name, namePattern.get(), caller.team())) {
      throw ApiException.invalid(
          List.of(
              Violation.of(
                  "TableName",
                  "team tables must match the name pattern "
                      + namePattern.get()
                      + " ({team} is "
                      + caller.team()
                      + ")")));
    }
  }

  /** 409 naming why when the table exists in the account but is not Dynagate's for the owner. */
  void requireNotForeign(String name, String owner) {
    Optional<TablePort.LiveTable> live = tables.describe(name);
    if (live.isEmpty()) {
      return;
    }
    Map<String, String> tags = tables.tags(live.get());
    if (!TablePort.ownedBy(tags, owner)) {
      throw ApiException.conflict(
          "table "
              + name
              + " already exists in the account and was not made by Dynagate for "
              + owner
              + (tags.containsKey(TablePort.OWNER_TAG) ? " (it is tagged for another owner)" : "")
              + "; an admin may adopt it: POST /api/v1/tables/"
              + name
              + "/adopt");
    }
  }

  /**
   * Tags an existing table as Dynagate's for {@code owner}; audited. Only admins reach this
   * ({@code @RolesAllowed} on the resource).
   */
  Map<String, String> adopt(Caller caller, String name, String owner) {
    requireDeclarableName(caller, name);
    if (owner == null || !(owner.equals(Caller.ADMIN_OWNER) || teams.exists(owner))) {
      throw ApiException.invalid(
          List.of(Violation.of("owner", "must name an existing team (or admin)")));
    }
    registry
        .get(Ref.table(name))
        .filter(declared -> !declared.owner().equals(owner))
        .ifPresent(
            declared -> {
              throw ApiException.conflict(
                  "table " + name + " is declared by " + declared.owner() + "; it is not adopted");
            });
    TablePort.LiveTable live =
        tables
            .describe(name)
            .orElseThrow(
                () -> ApiException.notFound("table " + name + " does not exist in the account"));
    tables.tag(live, TablePort.ownerTags(owner));
    adopted.fire(new TableAdopted(caller, name, owner, live.arn()));
    return Map.of("name", name, "owner", owner, "arn", live.arn());
  }
}
