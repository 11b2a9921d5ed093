package io.dynagate.audit;

import io.dynagate.api.DeclarationWritten;
import io.dynagate.api.TableAdopted;
import io.dynagate.store.Kind;
import io.dynagate.store.Stored;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;

/**
 * Records every declaration change in the audit trail, synchronously: the request that made the
 * change fails if its audit event cannot be written, so no change goes unrecorded silently (a crash
 * between the two writes can still lose one event).
 */
@ApplicationScoped
public class DeclarationAuditor {

  private final AuditTrail trail;
  private final Clock clock = Clock.systemUTC();

  public DeclarationAuditor(AuditTrail trail) {
    this.trail = trail;
  }

  void onWritten(@Observes DeclarationWritten change) {
    Stored before = change.before();
    Stored after = change.after();
    Stored any = after != null ? after : before;
    trail.record(
        new AuditEvent(
            null,
            clock.instant(),
            change.caller().team(),
            any.owner(),
            action(before, after),
            change.ref().kind().name().toLowerCase(),
            change.ref().kind() == Kind.ROUTE
                ? change.ref().parent() + "/" + change.ref().name()
                : change.ref().name(),
            before == null ? null : before.version(),
            after == null || after.deleting() ? null : after.version(),
            before == null ? null : before.spec(),
            after == null || after.deleting() ? null : after.spec()));
  }

  void onAdopted(@Observes TableAdopted adoption) {
    trail.record(
        AuditEvent.of(
            clock.instant(),
            adoption.caller().team(),
            adoption.owner(),
            AuditEvent.ADOPT,
            "table",
            adoption.table()));
  }

  private static String action(Stored before, Stored after) {
    if (before == null) {
      return AuditEvent.CREATE;
    }
    return after == null || after.deleting() ? AuditEvent.DELETE : AuditEvent.UPDATE;
  }
}
