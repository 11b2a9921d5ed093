package io.dynagate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.dynagate.api.CurrentCaller;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Path;

/**
 * The borders of STYLE.md as allow-lists: each package names what it may use, anything not named
 * fails. Packages never import each other in a circle, the emulator's services included.
 */
@AnalyzeClasses(packages = "io.dynagate", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String JAVA = "java..";
  private static final String JSON = "com.fasterxml.jackson..";
  private static final String CDI = "jakarta.enterprise..";
  private static final String INJECT = "jakarta.inject..";
  private static final String ANNOTATIONS = "jakarta.annotation..";
  private static final String LOGGING = "org.jboss.logging..";
  private static final String SDK = "software.amazon.awssdk..";
  private static final String METRICS = "io.micrometer..";

  @ArchTest
  static final ArchRule noCycleBetweenPackages =
      slices().matching("io.dynagate.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule noCycleInsideTheEmulator =
      slices().matching("io.dynagate.emulator.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule configIsOneMapping =
      only("config", JAVA, "io.smallrye.config..", "io.dynagate.config..");

  @ArchTest static final ArchRule limitsArePlainJava = only("limits", JAVA, "io.dynagate.limits..");

  @ArchTest
  static final ArchRule declarationsArePlainValues =
      only("declaration", JAVA, JSON, "io.dynagate.declaration..");

  /** Pure functions: no I/O, no framework, no network. */
  @ArchTest
  static final ArchRule renderIsPure =
      only(
          "render",
          "java.lang..",
          "java.util..",
          "java.math..",
          "java.time..",
          "java.nio.charset..",
          "java.security..",
          JSON,
          "io.dynagate.render..",
          "io.dynagate.declaration..");

  /** The reconciler talks to AWS through its ports only: no SDK type, no HTTP. */
  @ArchTest
  static final ArchRule reconcileUsesPorts =
      only(
          "reconcile",
          JAVA,
          JSON,
          CDI,
          INJECT,
          LOGGING,
          METRICS,
          "io.quarkus.runtime..",
          "io.quarkus.scheduler..",
          "io.dynagate.reconcile..",
          "io.dynagate.config..",
          "io.dynagate.declaration..",
          "io.dynagate.render..",
          "io.dynagate.store..");

  /** The adapters behind the reconciler's ports, and the clients' one retry and pacing layer. */
  @ArchTest
  static final ArchRule awsAdaptsThePorts =
      only(
          "aws",
          JAVA,
          CDI,
          INJECT,
          SDK,
          METRICS,
          "io.dynagate.aws..",
          "io.dynagate.config..",
          "io.dynagate.declaration..",
          "io.dynagate.limits..",
          "io.dynagate.reconcile..");

  /** The registry's persistence adapter. */
  @ArchTest
  static final ArchRule storeIsTheRegistry =
      only(
          "store",
          JAVA,
          JSON,
          CDI,
          INJECT,
          LOGGING,
          SDK,
          METRICS,
          "org.eclipse.microprofile..",
          // Sealed list cursors (AES-GCM).
          "javax.crypto..",
          // The read cache of management reads.
          "com.github.benmanes.caffeine..",
          "io.dynagate.store..",
          "io.dynagate.config..",
          "io.dynagate.start..");

  @ArchTest
  static final ArchRule embeddedRunsTheEngines =
      only(
          "embedded",
          JAVA,
          CDI,
          ANNOTATIONS,
          LOGGING,
          "org.eclipse.microprofile.config..",
          "io.dynagate.embedded..",
          "io.dynagate.config..");

  @ArchTest
  static final ArchRule startWiresTheModes =
      only(
          "start",
          JAVA,
          CDI,
          INJECT,
          LOGGING,
          "io.quarkus.runtime..",
          "io.dynagate.start..",
          "io.dynagate.config..",
          "io.dynagate.embedded..",
          "io.dynagate.emulator..");

  /**
   * Preflight runs a second emulator of its own and reaches it as the reconciler reaches AWS,
   * through the SDK; it serves the reconciler's port.
   */
  @ArchTest
  static final ArchRule preflightProvesOnAShadow =
      only(
          "preflight",
          JAVA,
          JSON,
          CDI,
          INJECT,
          ANNOTATIONS,
          LOGGING,
          SDK,
          "io.quarkus.arc..",
          "io.vertx..",
          "io.dynagate.preflight..",
          "io.dynagate.config..",
          "io.dynagate.declaration..",
          "io.dynagate.render..",
          "io.dynagate.reconcile..",
          "io.dynagate.embedded..",
          "io.dynagate.emulator..");

  /**
   * The emulator judges templates it did not write: it shares no code with render or reconcile, and
   * reads no application configuration (its settings and ports come from start).
   */
  @ArchTest
  static final ArchRule emulatorStandsAlone =
      only(
          "emulator",
          JAVA,
          JSON,
          CDI,
          INJECT,
          ANNOTATIONS,
          LOGGING,
          "com.jayway.jsonpath..",
          "io.vertx..",
          "io.netty..",
          "org.apache.velocity..",
          // SigV4 verification and API Gateway models (JSON Schema draft 4).
          "javax.crypto..",
          "com.networknt.schema..",
          // A weak interner: equal models of a method held once across imports and deployments.
          "com.github.benmanes.caffeine.cache..",
          "io.dynagate.emulator..",
          "io.dynagate.limits..");

  @ArchTest
  static final ArchRule vtlKnowsOnlyVelocity =
      only(
          "emulator.vtl",
          JAVA,
          JSON,
          CDI,
          INJECT,
          LOGGING,
          "com.jayway.jsonpath..",
          "org.apache.velocity..",
          "io.dynagate.emulator.vtl..");

  /**
   * Who is calling is decided in auth (the bearer mechanism and identity provider); the rest reads
   * the caller through {@link CurrentCaller} and states its rule with security annotations.
   */
  @ArchTest
  static final ArchRule authenticationLivesInAuth =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.dynagate.auth..")
          .and()
          .doNotBelongToAnyOf(CurrentCaller.class)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.quarkus.security.identity..",
              "io.quarkus.security.runtime..",
              "io.quarkus.vertx.http.runtime.security..")
          .because("STYLE.md: one place for each decision");

  /** Every resource says who may call it; the configuration refuses one that does not. */
  @ArchTest
  static final ArchRule everyResourceNamesItsCallers =
      classes()
          .that()
          .areAnnotatedWith(Path.class)
          .should()
          .beAnnotatedWith(Authenticated.class)
          .orShould()
          .beAnnotatedWith(PermitAll.class)
          .orShould()
          .beAnnotatedWith(RolesAllowed.class);

  @ArchTest
  static final ArchRule authKnowsTokensAndTeams =
      only(
          "auth",
          JAVA,
          JSON,
          CDI,
          INJECT,
          ANNOTATIONS,
          LOGGING,
          // TeamStore: the registry's team and token records.
          SDK,
          "javax.crypto..",
          "jakarta.ws.rs..",
          "org.eclipse.microprofile.openapi..",
          "org.jboss.resteasy.reactive..",
          "io.quarkus.security..",
          "io.quarkus.vertx.http.runtime.security..",
          "io.smallrye.mutiny..",
          "io.vertx..",
          "io.dynagate.auth..",
          "io.dynagate.api..",
          "io.dynagate.audit..",
          "io.dynagate.config..",
          "io.dynagate.declaration..",
          "io.dynagate.embedded..",
          "io.dynagate.limits..",
          "io.dynagate.start..",
          "io.dynagate.store..");

  private static ArchRule only(String pkg, String... allowed) {
    return classes()
        .that()
        .resideInAPackage("io.dynagate." + pkg + "..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(allowed)
        .because("STYLE.md names what " + pkg + " may use");
  }
}
