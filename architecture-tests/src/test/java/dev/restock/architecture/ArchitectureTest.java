package dev.restock.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The module boundaries of DESIGN.md on Restock's production classes, one named rule per
 * forbidden edge. The classes come from the module jars this module depends on; tests (including
 * this module's fixtures) are left out.
 */
@AnalyzeClasses(packages = {ArchitectureTest.ROOT, ArchitectureTest.SAMPLE},
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  static final String ROOT = "dev.restock";

  /** samples/custom-strategy, a third-party plugin outside Restock's packages. */
  static final String SAMPLE = "com.example.restock";

  /**
   * The sample's test classes: not on this module's classpath (a jar dependency brings main
   * classes only), so read from its build output, which Maven builds before this module.
   */
  static final Path SAMPLE_TEST_CLASSES = Path.of("..", "samples", "custom-strategy", "target",
      "test-classes");

  /**
   * Guards against a silent green: a rule whose classes were never imported passes trivially (the
   * empty-should check only notices when *no* class at all matches).
   */
  @ArchTest
  static void production_classes_of_every_module_are_imported(JavaClasses classes) {
    Set<String> packages = classes.stream().map(JavaClass::getPackageName).collect(Collectors.toSet());
    for (String module : new String[] {"api", "core", "core.wiring", "jpa", "cli", "plugin",
        "bench"}) {
      assertThat(packages).as("production packages of dev.restock." + module)
          .anyMatch(p -> p.equals(ROOT + "." + module) || p.startsWith(ROOT + "." + module + "."));
    }
    assertThat(packages).as("production packages of samples/custom-strategy")
        .anyMatch(p -> p.startsWith(SAMPLE + "."));
    assertThat(packages).as("no test classes imported")
        .noneMatch(p -> p.startsWith(ROOT + ".fixture") || p.startsWith(ROOT + ".architecture"));
  }

  // engine-api

  @ArchTest
  static final ArchRule api_depends_on_nothing_but_the_jdk =
      RestockRules.apiDependsOnNothingButTheJdk(ROOT);

  @ArchTest
  static final ArchRule api_should_not_depend_on_jpa_hibernate_jdbc_flyway_or_hikari =
      RestockRules.apiDoesNotDependOnPersistence(ROOT);

  @ArchTest
  static final ArchRule api_does_not_depend_on_core_jpa_plugins_or_cli =
      RestockRules.apiDoesNotDependOnOtherModules(ROOT);

  @ArchTest
  static final ArchRule every_public_api_type_has_one_stability_marker =
      RestockRules.everyPublicApiTypeHasOneStabilityMarker(ROOT);

  @ArchTest
  static final ArchRule api_default_methods_do_not_refuse_with_unsupported_operation =
      RestockRules.apiDefaultMethodsDoNotRefuse(ROOT);

  @ArchTest
  static final ArchRule stable_signatures_expose_no_experimental_or_internal_types =
      RestockRules.stableSignaturesExposeNoExperimentalTypes(ROOT);

  @ArchTest
  static final ArchRule every_api_package_is_null_marked =
      RestockRules.everyApiPackageIsNullMarked(ROOT);

  // engine-core

  @ArchTest
  static final ArchRule core_should_not_depend_on_jpa_hibernate_jdbc_flyway_or_hikari =
      RestockRules.coreDoesNotDependOnPersistence(ROOT);

  @ArchTest
  static final ArchRule guice_appears_in_core_only_in_the_wiring_package =
      RestockRules.guiceAppearsInCoreOnlyInTheWiringPackage(ROOT);

  @ArchTest
  static final ArchRule core_outside_wiring_does_not_use_injection_annotations =
      RestockRules.coreOutsideWiringDoesNotUseInjectionAnnotations(ROOT);

  @ArchTest
  static final ArchRule core_does_not_depend_on_the_jpa_store =
      RestockRules.coreDoesNotDependOnTheJpaStore(ROOT);

  @ArchTest
  static final ArchRule core_does_not_depend_on_plugins_or_the_cli =
      RestockRules.coreDoesNotDependOnPluginsOrTheCli(ROOT);

  // engine-jpa

  @ArchTest
  static final ArchRule jpa_store_does_not_reach_into_core =
      RestockRules.jpaStoreDoesNotReachIntoCore(ROOT);

  @ArchTest
  static final ArchRule jpa_store_does_not_depend_on_plugins_or_the_cli =
      RestockRules.jpaStoreDoesNotDependOnPluginsOrTheCli(ROOT);

  @ArchTest
  static final ArchRule jpa_store_branches_on_the_database_only_in_its_dialects =
      RestockRules.jpaBranchesOnTheDatabaseOnlyInItsDialects(ROOT);

  // plugins (the TCK and picklist-standard exist, so these rules check real classes and stay
  // strict about emptiness: a renamed plugin package fails them instead of passing silently)

  @ArchTest
  static final ArchRule plugins_depend_only_on_the_api =
      RestockRules.pluginsDependOnlyOnTheApi(ROOT);

  @ArchTest
  static final ArchRule plugins_do_not_depend_on_each_other =
      RestockRules.pluginsDoNotDependOnEachOther(ROOT);

  // hosts and samples

  @ArchTest
  static final ArchRule benchmarks_reach_core_only_through_its_wiring =
      RestockRules.benchmarksReachCoreOnlyThroughItsWiring(ROOT);

  /**
   * The web host's main classes: not a dependency of this module (its jar is Spring Boot's
   * executable one), so read from its build output, which Maven builds before this module.
   */
  static final Path WEB_CLASSES = Path.of("..", "samples", "web", "target", "classes");

  @ArchTest
  static void web_host_reaches_the_engine_only_through_its_api_and_the_starter(
      JavaClasses production) {
    assertThat(WEB_CLASSES).as("built classes of samples/web").isDirectory();
    JavaClasses web = new ClassFileImporter().importPath(WEB_CLASSES);
    assertThat(web.stream().map(JavaClass::getSimpleName)).as("imported web host classes")
        .contains("RestockWebApplication", "RequestSessions");
    RestockRules.webHostReachesTheEngineOnlyThroughItsApiAndTheStarter(ROOT).check(web);
  }

  @ArchTest
  static final ArchRule custom_strategy_sample_uses_only_engine_api_and_the_jdk =
      RestockRules.customStrategySampleUsesOnlyTheApiAndTheJdk(SAMPLE, ROOT);

  /** Imports its own classes: the sample's tests are not among the production classes. */
  @ArchTest
  static void custom_strategy_sample_tests_use_only_engine_api_the_tck_and_the_jdk(
      JavaClasses production) {
    assertThat(SAMPLE_TEST_CLASSES).as("built test classes of samples/custom-strategy")
        .isDirectory();
    JavaClasses tests = new ClassFileImporter().importPath(SAMPLE_TEST_CLASSES);
    assertThat(tests.stream().map(JavaClass::getSimpleName)).as("imported sample tests")
        .contains("WholeCasesTest");
    RestockRules.customStrategySampleTestsUseOnlyTheApiTheTckAndTheJdk(SAMPLE, ROOT)
        .check(tests);
  }

  // cycles

  @ArchTest
  static final ArchRule no_cycles_between_modules = RestockRules.noCyclesBetweenModules(ROOT);

  @ArchTest
  static final ArchRule no_package_cycles_in_api = RestockRules.noPackageCyclesIn(ROOT, "api");

  @ArchTest
  static final ArchRule no_package_cycles_in_core = RestockRules.noPackageCyclesIn(ROOT, "core");

  @ArchTest
  static final ArchRule no_package_cycles_in_jpa = RestockRules.noPackageCyclesIn(ROOT, "jpa");

  @ArchTest
  static final ArchRule no_package_cycles_in_plugins =
      RestockRules.noPackageCyclesIn(ROOT, "plugin");

  @ArchTest
  static final ArchRule no_package_cycles_in_cli = RestockRules.noPackageCyclesIn(ROOT, "cli");

  @ArchTest
  static final ArchRule no_package_cycles_in_benchmarks =
      RestockRules.noPackageCyclesIn(ROOT, "bench");

  @ArchTest
  static final ArchRule no_package_cycles_in_the_custom_strategy_sample =
      RestockRules.noPackageCyclesIn("com.example", "restock");
}
