package io.dynagate.auth;

import io.dynagate.api.TeamDirectory;
import jakarta.enterprise.context.ApplicationScoped;

/** {@link TeamDirectory} over the teams in the registry. */
@ApplicationScoped
public class StoredTeamDirectory implements TeamDirectory {

  private final TeamStore teams;

  public StoredTeamDirectory(TeamStore teams) {
    this.teams = teams;
  }

  @Override
  public boolean exists(String team) {
    return teams.teamExists(team);
  }
}
