package io.dynagate.api;

/** Who makes a request: an admin, or a member of one team. */
public record Caller(String team, boolean admin) {

  public static final String ADMIN_OWNER = "admin";

  /** The role of the admin token's identity ({@code @RolesAllowed(Caller.ADMIN_ROLE)}). */
  public static final String ADMIN_ROLE = "admin";

  /** The role of a team token's identity; its principal is the team. */
  public static final String TEAM_ROLE = "team";

  public static Caller administrator() {
    return new Caller(ADMIN_OWNER, true);
  }

  public static Caller ofTeam(String team) {
    return new Caller(team, false);
  }

  /** May this caller change a declaration owned by {@code owner}? */
  public boolean mayChange(String owner) {
    return admin || team.equals(owner);
  }
}
