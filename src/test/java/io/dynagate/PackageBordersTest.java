package io.dynagate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The borders of STYLE.md: pure declarations, a reconciler that talks to AWS only through ports.
 */
@AnalyzeClasses(packages = "io.dynagate", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageBordersTest {

  @ArchTest
  static final ArchRule declarationsArePlainValues =
      noClasses()
          .that()
          .resideInAPackage("io.dynagate.declaration..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.quarkus..", "jakarta.ws.rs..", "software.amazon.awssdk..", "io.dynagate.store..");

  @ArchTest
  static final ArchRule theReconcilerUsesNoSdkType =
      noClasses()
          .that()
          .resideInAPackage("io.dynagate.reconcile..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("software.amazon.awssdk..", "io.dynagate.aws..", "io.dynagate.api..");

  @ArchTest
  static final ArchRule onlyTheEdgesKnowHttp =
      noClasses()
          .that()
          .resideInAnyPackage(
              "io.dynagate.reconcile..", "io.dynagate.store..", "io.dynagate.render..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("jakarta.ws.rs..");
}
