package io.dynagate.auth;

import io.dynagate.api.ApiException;
import io.dynagate.api.Caller;
import io.dynagate.audit.AuditEvent;
import io.dynagate.audit.AuditTrail;
import io.dynagate.config.DynagateConfig;
import io.dynagate.declaration.Names;
import io.dynagate.declaration.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Teams and their tokens. Admins create teams; an admin or the team itself issues, lists and
 * revokes the team's tokens. A token is answered once, at issue; only its HMAC is stored.
 */
@ApplicationScoped
public class TeamService {

  // Logs name token ids, never tokens: an id alone authenticates nothing.
  private static final Logger LOG = Logger.getLogger(TeamService.class);

  private final TeamStore store;
  private final AuditTrail audit;
  private final int maxTokens;
  private final boolean readOtherTeams;
  private final Clock clock = Clock.systemUTC();

  public TeamService(TeamStore store, AuditTrail audit, DynagateConfig config) {
    this.store = store;
    this.audit = audit;
    this.maxTokens = config.auth().maxTokensPerTeam();
    this.readOtherTeams = config.auth().readOtherTeams();
  }

  /** A token at issue: the only time {@code token} is ever answered. */
  public record IssuedToken(String id, String team, String token, Instant createdAt) {}

  /** A token as listed: no secret. */
  public record TokenInfo(String id, String team, Instant createdAt, String createdBy) {}

  /** Creates a team; only admins reach this ({@code @RolesAllowed} on the resource). */
  public TeamStore.Team createTeam(Caller caller, String name) {
    if (!Names.isSlug(name) || name.equals(Caller.ADMIN_OWNER)) {
      throw ApiException.invalid(
          List.of(Violation.of("name", "must be 1 to 64 of a-z, 0-9 and '-', and not 'admin'")));
    }
    TeamStore.Team team = new TeamStore.Team(name, clock.instant(), caller.team());
    if (!store.createTeam(team)) {
      throw ApiException.conflict("team " + name + " exists");
    }
    audit.record(
        AuditEvent.of(team.createdAt(), caller.team(), name, AuditEvent.CREATE, "team", name));
    return team;
  }

  /** Every team for admins (and for teams when they may read each other's work), else one's own. */
  public List<TeamStore.Team> teams(Caller caller) {
    List<TeamStore.Team> all = store.teams();
    if (caller.admin() || readOtherTeams) {
      return all;
    }
    return all.stream().filter(t -> t.name().equals(caller.team())).toList();
  }

  public IssuedToken issue(Caller caller, String team) {
    requireManages(caller, team);
    switch (store.takeTokenSlot(team, maxTokens)) {
      case FULL ->
          throw ApiException.conflict(
              "team "
                  + team
                  + " has "
                  + maxTokens
                  + " live tokens, the most allowed (dynagate.auth.max-tokens-per-team):"
                  + " revoke one first");
      case NO_TEAM -> throw ApiException.notFound("team " + team + " does not exist");
      case TAKEN -> {}
    }
    TeamToken token = TeamToken.generate();
    byte[] salt = Secrets.salt();
    Instant now = clock.instant();
    try {
      store.putToken(
          new TeamStore.TokenRecord(
              token.id(), team, salt, Secrets.hmac(salt, token.secret()), now, caller.team()));
    } catch (RuntimeException e) {
      store.releaseTokenSlot(team);
      throw e;
    }
    audit.record(AuditEvent.of(now, caller.team(), team, AuditEvent.CREATE, "token", token.id()));
    LOG.infof("%s issued token %s for team %s", caller.team(), token.id(), team);
    return new IssuedToken(token.id(), team, token.value(), now);
  }

  public List<TokenInfo> tokens(Caller caller, String team) {
    requireManages(caller, team);
    return store.tokensOf(team).stream()
        .map(t -> new TokenInfo(t.id(), t.team(), t.createdAt(), t.createdBy()))
        .toList();
  }

  /** Revokes at once: tokens are checked against the registry at every request. */
  public void revoke(Caller caller, String team, String tokenId) {
    requireManages(caller, team);
    if (!store.deleteToken(team, tokenId)) {
      throw ApiException.notFound("team " + team + " has no token " + tokenId);
    }
    store.releaseTokenSlot(team);
    LOG.infof("%s revoked token %s of team %s", caller.team(), tokenId, team);
    audit.record(
        AuditEvent.of(clock.instant(), caller.team(), team, AuditEvent.DELETE, "token", tokenId));
  }

  // Answered the same whether or not the other team exists, so that nothing is revealed.
  private void requireManages(Caller caller, String team) {
    if (!caller.mayChange(team)) {
      throw ApiException.forbidden("a team manages its own tokens only");
    }
    if (!store.teamExists(team)) {
      throw ApiException.notFound("team " + team + " does not exist");
    }
  }
}
