package io.dynagate.declaration;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A team consuming an API: its usage plan's limits. The registry also keeps the digest of the key
 * value handed out once ({@code keyDigest}), never the value itself.
 *
 * @param team the consuming team (must exist)
 * @param rateLimit steady requests per second per key
 * @param burstLimit requests at once per key
 * @param quotaLimit requests per {@code quotaPeriod}
 * @param quotaPeriod {@code DAY}, {@code WEEK} or {@code MONTH}
 * @param keyDigest SHA-256 (hex) of the key value; set by Dynagate, ignored on input
 */
public record ConsumerSpec(
    String team,
    Double rateLimit,
    Integer burstLimit,
    Integer quotaLimit,
    String quotaPeriod,
    String keyDigest) {

  public static final Set<String> PERIODS = Set.of("DAY", "WEEK", "MONTH");

  /** API Gateway's own ceilings for a usage plan's throttle. */
  private static final double MAX_RATE = 10_000;

  private static final int MAX_BURST = 5_000;

  public ConsumerSpec withDigest(String digest) {
    return new ConsumerSpec(team, rateLimit, burstLimit, quotaLimit, quotaPeriod, digest);
  }

  /** The key's tag: a short fingerprint of the digest, by which the reconciler finds the key. */
  public String fingerprint() {
    return keyDigest == null ? null : keyDigest.substring(0, 16);
  }

  public List<Violation> validate() {
    List<Violation> out = new ArrayList<>();
    if (team == null || !Names.SLUG.matcher(team).matches()) {
      out.add(Violation.of("team", "required: a team name (lowercase letters, digits, '-')"));
    }
    if (rateLimit == null || !(rateLimit > 0) || rateLimit > MAX_RATE) {
      out.add(Violation.of("rateLimit", "required: requests per second, above 0, at most 10000"));
    }
    if (burstLimit == null || burstLimit < 1 || burstLimit > MAX_BURST) {
      out.add(Violation.of("burstLimit", "required: 1 to 5000 requests at once"));
    }
    if (quotaLimit == null || quotaLimit < 1) {
      out.add(Violation.of("quotaLimit", "required: requests per period, at least 1"));
    }
    if (quotaPeriod == null || !PERIODS.contains(quotaPeriod)) {
      out.add(Violation.of("quotaPeriod", "required: DAY, WEEK or MONTH"));
    }
    return out;
  }
}
