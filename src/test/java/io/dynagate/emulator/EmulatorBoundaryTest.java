package io.dynagate.emulator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The emulator judges templates it did not write: it shares no code with the renderer. */
@AnalyzeClasses(packages = "io.dynagate", importOptions = ImportOption.DoNotIncludeTests.class)
class EmulatorBoundaryTest {

  @ArchTest
  static final ArchRule emulatorDoesNotUseTheRenderer =
      noClasses()
          .that()
          .resideInAPackage("io.dynagate.emulator..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.dynagate.render..", "io.dynagate.reconcile..");
}
