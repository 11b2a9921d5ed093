package io.dynagate.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/**
 * One change: who ({@code actor}, a team or {@code admin}) did what ({@code action} on {@code kind}
 * {@code name}) to whose resource ({@code team}) and when, with the versions and specs before and
 * after. Specs are JSON written by this service, so they are answered as JSON, not as strings.
 *
 * @param name the declaration's name ({@code api/route} for routes), the team, or the token id
 * @param versionBefore null when created; versionAfter null when removed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEvent(
    String id,
    Instant at,
    String actor,
    String team,
    String action,
    String kind,
    String name,
    Long versionBefore,
    Long versionAfter,
    @JsonRawValue String specBefore,
    @JsonRawValue String specAfter) {

  public static final String CREATE = "create";
  public static final String UPDATE = "update";
  public static final String DELETE = "delete";
  public static final String ADOPT = "adopt";

  /** An event about a team or a token: no versions, no specs. */
  public static AuditEvent of(
      Instant at, String actor, String team, String action, String kind, String name) {
    return new AuditEvent(null, at, actor, team, action, kind, name, null, null, null, null);
  }

  AuditEvent withId(String newId) {
    return new AuditEvent(
        newId,
        at,
        actor,
        team,
        action,
        kind,
        name,
        versionBefore,
        versionAfter,
        specBefore,
        specAfter);
  }
}
