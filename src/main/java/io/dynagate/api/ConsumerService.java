package io.dynagate.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynagate.declaration.ConsumerSpec;
import io.dynagate.declaration.SpecReader;
import io.dynagate.declaration.Violation;
import io.dynagate.reconcile.ConsumerPort;
import io.dynagate.reconcile.Consumers;
import io.dynagate.store.DeclarationChanged;
import io.dynagate.store.Kind;
import io.dynagate.store.NameTakenException;
import io.dynagate.store.Page;
import io.dynagate.store.Ref;
import io.dynagate.store.Registry;
import io.dynagate.store.Specs;
import io.dynagate.store.Stored;
import io.dynagate.store.VersionConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;

/**
 * Consumers of an API: a team, its usage plan's limits and one API key. The key's value is made
 * here, written to API Gateway and answered once; the registry keeps only its SHA-256 digest. The
 * registry record is written first (conditional: of two registrations one wins), then the key: a
 * crash between the two leaves a consumer whose key the reconciler reports missing, never a key
 * nobody registered (the reconciler deletes any key no consumer's digest names).
 */
@ApplicationScoped
public class ConsumerService {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Registry registry;
  private final Specs specs;
  private final TeamDirectory teams;
  private final ConsumerPort port;
  private final Consumers consumers;
  private final Event<DeclarationChanged> changed;

  public ConsumerService(
      Registry registry,
      Specs specs,
      TeamDirectory teams,
      ConsumerPort port,
      Consumers consumers,
      Event<DeclarationChanged> changed) {
    this.registry = registry;
    this.specs = specs;
    this.teams = teams;
    this.port = port;
    this.consumers = consumers;
    this.changed = changed;
  }

  /** A consumer as answered; {@code apiKey} only in the answer to its registration. */
  public record View(
      String api,
      String team,
      Double rateLimit,
      Integer burstLimit,
      Integer quotaLimit,
      String quotaPeriod,
      String registeredBy,
      String registeredAt,
      String apiKey) {}

  public View register(Caller caller, String api, JsonNode body) {
    Stored owner = changeableApi(caller, api);
    SpecReader.Result<ConsumerSpec> read = SpecReader.read(body, ConsumerSpec.class);
    List<Violation> violations = new ArrayList<>(read.violations());
    if (read.ok()) {
      violations.addAll(read.spec().validate());
      if (violations.isEmpty() && !teams.exists(read.spec().team())) {
        violations.add(Violation.of("team", "no team " + read.spec().team() + " exists"));
      }
    }
    if (!violations.isEmpty()) {
      throw ApiException.invalid(violations);
    }
    String value = newKeyValue();
    ConsumerSpec spec = read.spec().withDigest(digest(value));
    Ref ref = Ref.consumer(owner.ref().name(), spec.team());
    Stored stored;
    try {
      stored = registry.create(ref, caller.team(), specs.write(spec));
    } catch (NameTakenException e) {
      throw ApiException.conflict(
          "team " + spec.team() + " already consumes " + api + ": revoke it first");
    }
    port.createKey(
        consumers.keyName(api, spec.team()), value, consumers.keyTags(api, spec, owner.owner()));
    changed.fire(new DeclarationChanged(ref));
    return view(stored, value);
  }

  public Listing<View> list(Caller caller, String api, int limit, String cursor) {
    readableApi(caller, api);
    Page<Stored> page = registry.list(Kind.CONSUMER, api, limit, cursor);
    return new Listing<>(page.items().stream().map(s -> view(s, null)).toList(), page.nextCursor());
  }

  public View get(Caller caller, String api, String team) {
    readableApi(caller, api);
    return registry
        .get(Ref.consumer(api, team))
        .map(s -> view(s, null))
        .orElseThrow(() -> ApiException.notFound("team " + team + " does not consume " + api));
  }

  /** Revokes: the record goes now, the key and plan at the API's next pass. */
  public void revoke(Caller caller, String api, String team) {
    changeableApi(caller, api);
    Ref ref = Ref.consumer(api, team);
    if (registry.get(ref).isEmpty()) {
      throw ApiException.notFound("team " + team + " does not consume " + api);
    }
    try {
      registry.delete(ref, OptionalLong.empty());
    } catch (VersionConflictException e) {
      throw ApiException.notFound("team " + team + " does not consume " + api);
    }
    changed.fire(new DeclarationChanged(ref));
  }

  private Stored readableApi(Caller caller, String api) {
    Stored stored =
        registry
            .get(Ref.api(api))
            .filter(s -> !s.deleting())
            .orElseThrow(() -> ApiException.notFound("api " + api + " is not declared"));
    if (!caller.mayChange(stored.owner())) {
      throw ApiException.forbidden("only the API's owner or an admin manages its consumers");
    }
    return stored;
  }

  private Stored changeableApi(Caller caller, String api) {
    return readableApi(caller, api);
  }

  private View view(Stored stored, String value) {
    ConsumerSpec spec = specs.read(stored, ConsumerSpec.class);
    return new View(
        stored.ref().parent(),
        stored.ref().name(),
        spec.rateLimit(),
        spec.burstLimit(),
        spec.quotaLimit(),
        spec.quotaPeriod(),
        stored.owner(),
        stored.createdAt() == null ? null : stored.createdAt().toString(),
        value);
  }

  // 240 random bits, URL-safe: API Gateway takes 20 to 128 characters.
  private static String newKeyValue() {
    byte[] bytes = new byte[30];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String digest(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
