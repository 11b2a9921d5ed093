package io.dynagate.auth;

import io.dynagate.api.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Turns a bearer value into a caller. Team tokens are looked up in the registry at every request
 * (no cache), so that a revoked token fails at once.
 */
@ApplicationScoped
public class Authenticator {

  /** Longer bearer values are refused unread. */
  static final int MAX_TOKEN_LENGTH = 256;

  /** The rate-limit key of the admin token (no team may be named {@code admin}). */
  static final String ADMIN_KEY = "admin";

  private final AdminToken admin;
  private final TeamStore store;

  public Authenticator(AdminToken admin, TeamStore store) {
    this.admin = admin;
    this.store = store;
  }

  /**
   * Who sent the request, and the key its calls are counted under: the team, whichever of its
   * tokens it sent, so that issuing more tokens buys no more rate.
   */
  public record Authenticated(Caller caller, String limitKey) {}

  public Optional<Authenticated> authenticate(String bearer) {
    if (bearer == null || bearer.isEmpty() || bearer.length() > MAX_TOKEN_LENGTH) {
      return Optional.empty();
    }
    if (admin.matches(bearer)) {
      return Optional.of(new Authenticated(Caller.administrator(), ADMIN_KEY));
    }
    return TeamToken.parse(bearer).flatMap(this::teamOf);
  }

  private Optional<Authenticated> teamOf(TeamToken token) {
    return store
        .token(token.id())
        .filter(
            stored ->
                Secrets.sameDigest(stored.hmac(), Secrets.hmac(stored.salt(), token.secret())))
        .map(stored -> new Authenticated(Caller.ofTeam(stored.team()), stored.team()));
  }
}
