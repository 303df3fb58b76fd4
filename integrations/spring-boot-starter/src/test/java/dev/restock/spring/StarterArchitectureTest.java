package dev.restock.spring;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Guice stays inside the engine: the starter neither uses nor exposes it. */
class StarterArchitectureTest {
  private final JavaClasses starter = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.restock.spring");

  @Test
  void the_starter_should_not_depend_on_guice() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("com.google.inject..")
        .check(starter);
  }
}
