package io.dynagate.preflight;

import io.dynagate.declaration.AccessSpec;
import io.dynagate.declaration.RequestSource;
import io.dynagate.declaration.RouteRules;
import io.dynagate.declaration.TableSpec;
import io.dynagate.preflight.PreflightReport.ProbeResult;
import io.dynagate.preflight.PreflightReport.RouteResult;
import io.dynagate.render.ApiDeclaration;
import io.dynagate.render.ApiDeclaration.NamedRoute;
import io.dynagate.render.ApiRenderer;
import io.dynagate.render.Definition;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Proves a definition on the shadow before it may go to AWS: fills shadow tables with synthetic
 * items, puts the exact definition and role there, deploys, and runs every {@link Probe} on every
 * route. Runs one at a time (one shadow); a definition already proved is not proved again.
 */
@ApplicationScoped
public class PreflightRunner {

  private static final Logger LOG = Logger.getLogger(PreflightRunner.class);

  /** Changes when the probes or the synthetic items change, so that old proofs no longer count. */
  static final String PROBES_VERSION = "2";

  private static final int KEPT = 256;

  /** Routes probed at once. */
  private static final int PARALLEL_ROUTES = 4;

  private final Shadow shadow;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final Clock clock = Clock.systemUTC();
  // numbers the runs, so that the keys write probes make are new on the shadow's kept tables
  private final AtomicLong runs = new AtomicLong(System.currentTimeMillis());
  private final ExecutorService workers =
      Executors.newFixedThreadPool(
          PARALLEL_ROUTES,
          runnable -> {
            Thread thread = new Thread(runnable, "preflight-probe");
            thread.setDaemon(true);
            return thread;
          });
  private final Map<String, PreflightReport> byHash =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PreflightReport> eldest) {
              return size() > KEPT;
            }
          });
  private final Map<String, PreflightReport> lastByApi = new ConcurrentHashMap<>();

  public PreflightRunner(Shadow shadow) {
    this.shadow = shadow;
  }

  /**
   * The report of this subject: the kept one when it was proved already, else a new run. Callers
   * asking at once for one subject wait for one run and share its report.
   */
  public PreflightReport prove(Subject subject) {
    String hash = subjectHash(subject);
    PreflightReport kept = byHash.get(hash);
    if (kept == null) {
      synchronized (this) {
        kept = byHash.get(hash);
        if (kept == null) {
          return run(subject);
        }
      }
    }
    lastByApi.put(subject.api(), kept);
    return kept;
  }

  /** Runs every probe now, whatever was proved before. */
  public synchronized PreflightReport run(Subject subject) {
    long started = System.nanoTime();
    String hash = subjectHash(subject);
    ApiDeclaration declaration = subject.declaration();
    Definition definition = subject.definition();
    ShadowAws aws = shadow.aws(declaration.accountId(), declaration.region());
    Map<String, TableFixture> fixtures = fixtures(declaration);
    fixtures.values().forEach(f -> aws.table(f.table(), tableHash(f), f.all()));
    PreflightReport report;
    String restApiId = aws.createApi("preflight-" + subject.api());
    try {
      aws.role(
          definition.roleName(),
          declaration.rolePath(),
          shadowTrust(subject, restApiId),
          subject.policyName(),
          definition.permissionPolicy());
      aws.define(restApiId, definition.openApi(), subject.stage());
      List<RouteCase> cases = cases(declaration, fixtures);
      String nonce = Long.toString(runs.incrementAndGet(), 36);
      Map<String, List<ProbeResult>> results = new LinkedHashMap<>();
      // the credentials exist on the shadow for this run only
      try (ShadowCallers callers =
          ShadowCallers.make(aws, cases, declaration, restApiId, subject.stage(), nonce)) {
        Probing on =
            new Probing(
                new StageClient(http, aws.stageUrl(restApiId, subject.stage())),
                aws,
                nonce,
                callers);
        probe(cases, Probe.Phase.SIDE_BY_SIDE, on, results);
        probe(cases, Probe.Phase.ALONE, on, results);
        aws.revoke(definition.roleName(), subject.policyName());
        probe(cases, Probe.Phase.WITHOUT_PERMISSION, on, results);
      }
      report = report(subject, hash, null, routes(cases, results), started);
    } catch (ShadowAws.Refused e) {
      report = report(subject, hash, e.getMessage(), List.of(), started);
    } finally {
      aws.deleteApi(restApiId);
    }
    byHash.put(hash, report);
    lastByApi.put(subject.api(), report);
    LOG.debugf("api %s: %s (%d ms)", subject.api(), report.summary(), report.millis());
    return report;
  }

  @PreDestroy
  void stop() {
    workers.shutdownNow();
  }

  /** The last report of an API on this instance. */
  public Optional<PreflightReport> last(String api) {
    return Optional.ofNullable(lastByApi.get(api));
  }

  /**
   * The probes of one phase. Routes are probed side by side (calls wait on the shadow), each
   * route's probes in order; in the {@code ALONE} phase one route after the other.
   */
  private void probe(
      List<RouteCase> cases,
      Probe.Phase phase,
      Probing on,
      Map<String, List<ProbeResult>> results) {
    List<CompletableFuture<List<ProbeResult>>> pending = new ArrayList<>();
    for (RouteCase route : cases) {
      Supplier<List<ProbeResult>> probes =
          () ->
              Probes.all().stream()
                  .filter(p -> p.phase() == phase)
                  .filter(p -> p.appliesTo(route) && (route.open() || !p.callsAsClient()))
                  .map(p -> p.run(route, on))
                  .toList();
      pending.add(
          phase == Probe.Phase.ALONE
              ? CompletableFuture.completedFuture(probes.get())
              : CompletableFuture.supplyAsync(probes, workers));
    }
    for (int i = 0; i < cases.size(); i++) {
      results
          .computeIfAbsent(cases.get(i).name(), n -> new ArrayList<>())
          .addAll(pending.get(i).join());
    }
  }

  private static List<RouteResult> routes(
      List<RouteCase> cases, Map<String, List<ProbeResult>> results) {
    List<String> order = Probes.all().stream().map(Probe::name).toList();
    List<RouteResult> routes = new ArrayList<>();
    for (RouteCase route : cases) {
      List<ProbeResult> probes = new ArrayList<>(results.getOrDefault(route.name(), List.of()));
      probes.sort(Comparator.comparingInt(p -> order.indexOf(p.probe())));
      routes.add(
          new RouteResult(
              route.name(),
              route.spec().method(),
              route.spec().path(),
              probes.stream().allMatch(ProbeResult::passed),
              probes));
    }
    return routes;
  }

  private PreflightReport report(
      Subject subject, String hash, String refusal, List<RouteResult> routes, long started) {
    boolean passed = refusal == null && routes.stream().allMatch(RouteResult::passed);
    return new PreflightReport(
        subject.api(),
        subject.definition().hash(),
        hash,
        passed,
        refusal,
        routes,
        clock.instant(),
        (System.nanoTime() - started) / 1_000_000);
  }

  private static List<RouteCase> cases(
      ApiDeclaration declaration, Map<String, TableFixture> fixtures) {
    AccessSpec access = declaration.api().access();
    return declaration.routes().stream()
        .sorted(Comparator.comparing(NamedRoute::name))
        .map(
            r ->
                new RouteCase(
                    r,
                    fixtures.get(r.spec().table()),
                    access == null
                        ? AccessSpec.Authorization.NONE
                        : access.authorizationOf(r.name()),
                    AccessSpec.isPublic(access, r.name()),
                    access != null && access.resourcePolicy() != null))
        .toList();
  }

  /** One fixture per table; header-safe keys where a route reads a key from a header. */
  private static Map<String, TableFixture> fixtures(ApiDeclaration declaration) {
    Map<String, TableFixture> fixtures = new TreeMap<>();
    for (TableSpec table : new TreeMap<>(declaration.tables()).values()) {
      boolean headerKeys =
          declaration.routes().stream()
              .filter(r -> r.spec().table().equals(table.tableName()))
              .anyMatch(r -> readsHeader(r, table));
      fixtures.put(table.tableName(), TableFixture.of(table, headerKeys));
    }
    return fixtures;
  }

  private static boolean readsHeader(NamedRoute route, TableSpec table) {
    var keys = table.keySchemaOf(route.spec().index()).orElseThrow();
    boolean key =
        RouteRules.keySources(route.spec(), keys).values().stream()
            .anyMatch(s -> s.location() == RequestSource.Location.header);
    boolean sort =
        route.spec().sortKey() != null
            && route.spec().sortKey().sources().stream().anyMatch(s -> s.startsWith("header."));
    return key || sort;
  }

  /**
   * The role's trust on the shadow. Once the target's REST API exists, the trust names it
   * (aws:SourceArn): on the shadow it names the shadow's REST API instead, else no probe could
   * assume the role. Before, it is the definition's own.
   */
  private static String shadowTrust(Subject subject, String shadowRestApiId) {
    ApiDeclaration target = subject.declaration();
    if (target.restApiId() == null) {
      return subject.definition().trustPolicy();
    }
    ApiDeclaration shadow =
        new ApiDeclaration(
            target.apiName(),
            target.api(),
            target.routes(),
            target.tables(),
            target.region(),
            target.accountId(),
            target.roleName(),
            target.rolePath(),
            shadowRestApiId);
    return ApiRenderer.render(shadow).trustPolicy();
  }

  static String subjectHash(Subject subject) {
    return Hashes.of(
        PROBES_VERSION,
        subject.definition().hash(),
        subject.stage(),
        subject.policyName(),
        new TreeMap<>(subject.declaration().tables()));
  }

  private static String tableHash(TableFixture fixture) {
    return Hashes.of(PROBES_VERSION, fixture.table(), fixture.all().toString());
  }
}
