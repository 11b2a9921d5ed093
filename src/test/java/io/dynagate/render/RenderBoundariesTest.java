package io.dynagate.render;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** render is pure; the emulator's VTL engine judges templates without knowing who wrote them. */
class RenderBoundariesTest {

  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.dynagate");

  @Test
  void renderDoesNoIoAndKnowsNoFramework() {
    noClasses()
        .that()
        .resideInAPackage("io.dynagate.render..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.dynagate.emulator..",
            "io.dynagate.aws..",
            "io.dynagate.store..",
            "software.amazon..",
            "io.quarkus..",
            "jakarta..",
            "java.io..",
            "java.nio.file..",
            "java.net..",
            "org.apache.velocity..")
        .check(MAIN);
  }

  @Test
  void vtlEngineDoesNotKnowTheRenderer() {
    noClasses()
        .that()
        .resideInAPackage("io.dynagate.emulator.vtl..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.dynagate.render..", "io.dynagate.declaration..")
        .check(MAIN);
  }
}
