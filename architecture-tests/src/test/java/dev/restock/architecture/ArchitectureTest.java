package dev.restock.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rules on Restock's production classes: one test per forbidden edge. */
class ArchitectureTest {
  private static final String ROOT = "dev.restock";
  private static JavaClasses classes;

  @BeforeAll
  static void importProductionClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(ROOT);
  }

  private static void check(ArchRule rule) {
    rule.check(classes);
  }

  @Test
  void everyModuleIsImported() {
    assertThat(classes.stream().map(c -> c.getPackageName()))
        .anyMatch(p -> p.startsWith("dev.restock.api"))
        .anyMatch(p -> p.startsWith("dev.restock.core"))
        .anyMatch(p -> p.startsWith("dev.restock.jpa"))
        .anyMatch(p -> p.startsWith("dev.restock.cli"))
        .anyMatch(p -> p.startsWith("dev.restock.plugin.tck"))
        .anyMatch(p -> p.startsWith("dev.restock.plugin.picklist"))
        .noneMatch(p -> p.startsWith("dev.restock.fixture"));
  }

  @Test
  void api_depends_on_nothing_but_the_jdk() {
    check(RestockRules.apiDependsOnNothingButTheJdk(ROOT));
  }

  @Test
  void api_and_core_never_touch_jpa_hibernate_jdbc_flyway_or_hikari() {
    check(RestockRules.apiAndCoreNeverTouchPersistence(ROOT));
  }

  @Test
  void guice_appears_in_core_only_in_its_wiring_package() {
    check(RestockRules.guiceAppearsInCoreOnlyInItsWiringPackage(ROOT));
  }

  @Test
  void plugins_depend_on_no_restock_module_but_the_api() {
    check(RestockRules.pluginsDependOnNoRestockModuleButTheApi(ROOT));
  }

  @Test
  void jpa_store_does_not_reach_into_core() {
    check(RestockRules.jpaStoreDoesNotReachIntoCore(ROOT));
  }

  @Test
  void core_does_not_depend_on_the_store_plugins_or_samples() {
    check(RestockRules.coreDoesNotDependOnTheStore(ROOT));
  }

  @Test
  void api_depends_on_no_other_module() {
    check(RestockRules.apiDependsOnNoOtherModule(ROOT));
  }

  @Test
  void modules_are_free_of_cycles() {
    check(RestockRules.modulesAreFreeOfCycles(ROOT));
  }

  @Test
  void api_packages_are_free_of_cycles() {
    check(RestockRules.packagesInsideAModuleAreFreeOfCycles(ROOT, "api"));
  }

  @Test
  void core_packages_are_free_of_cycles() {
    check(RestockRules.packagesInsideAModuleAreFreeOfCycles(ROOT, "core"));
  }

  @Test
  void jpa_packages_are_free_of_cycles() {
    check(RestockRules.packagesInsideAModuleAreFreeOfCycles(ROOT, "jpa"));
  }
}
