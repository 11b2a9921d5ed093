package io.dynagate.auth;

import java.util.Optional;

/**
 * A team token as the caller sends it: {@code dg_<id>_<secret>}. The id names the stored record
 * (and may appear in logs and audits); the secret is shown once and only its HMAC is stored.
 */
record TeamToken(String id, String secret) {

  private static final String PREFIX = "dg_";

  static TeamToken generate() {
    return new TeamToken(Secrets.id(), Secrets.secret());
  }

  /** The token in a bearer value, or empty when it does not have the shape of one. */
  static Optional<TeamToken> parse(String bearer) {
    if (!bearer.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String rest = bearer.substring(PREFIX.length());
    int separator = rest.indexOf('_');
    if (separator <= 0 || separator == rest.length() - 1) {
      return Optional.empty();
    }
    return Optional.of(new TeamToken(rest.substring(0, separator), rest.substring(separator + 1)));
  }

  String value() {
    return PREFIX + id + "_" + secret;
  }

  @Override
  public String toString() {
    return "TeamToken[" + id + "]";
  }
}
