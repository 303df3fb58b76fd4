package dev.restock.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every rule of {@link ArchitectureTest}, built by the same {@link RestockRules} method but rooted
 * at {@code dev.restock.fixture}, fails on a fixture class that breaks it and names that class:
 * a green {@link ArchitectureTest} means "no violation", not "a rule that cannot fail".
 */
class ArchitectureRulesCatchViolationsTest {
  private static final String ROOT = "dev.restock.fixture";
  private static JavaClasses fixtures;

  @BeforeAll
  static void importFixtures() {
    fixtures = new ClassFileImporter().importPackages(ROOT);
  }

  /** The failure report of a rule that must fail on the fixtures. */
  private static String violations(ArchRule rule) {
    EvaluationResult result = rule.evaluate(fixtures);
    assertThat(result.hasViolation()).as("should fail on the fixtures: %s", rule.getDescription())
        .isTrue();
    return result.getFailureReport().toString();
  }

  @Test
  void api_depends_on_nothing_but_the_jdk_catches_an_api_type_exposing_guava() {
    assertThat(violations(RestockRules.apiDependsOnNothingButTheJdk(ROOT)))
        .contains(ROOT + ".api.LeaksGuava").contains("com.google.common.collect.ImmutableList")
        .doesNotContain("ReadsJdbc"); // java.sql is JDK: the next rule is needed for it
  }

  @Test
  void api_should_not_depend_on_jpa_hibernate_jdbc_flyway_or_hikari_catches_an_api_type_using_jdbc() {
    assertThat(violations(RestockRules.apiDoesNotDependOnPersistence(ROOT)))
        .contains(ROOT + ".api.ReadsJdbc").contains("java.sql.Connection");
  }

  @Test
  void every_public_api_type_has_one_stability_marker_catches_unmarked_and_doubly_marked_types() {
    assertThat(violations(RestockRules.everyPublicApiTypeHasOneStabilityMarker(ROOT)))
        .contains(ROOT + ".api.Unmarked has no stability marker")
        .contains(ROOT + ".api.MarkedTwice has 2 stability markers")
        .doesNotContain(ROOT + ".api.MarkedOnce ");
  }

  @Test
  void api_default_methods_do_not_refuse_catches_a_default_that_throws_unsupported_operation() {
    assertThat(violations(RestockRules.apiDefaultMethodsDoNotRefuse(ROOT)))
        .contains(ROOT + ".api.RefusingPort.search(java.lang.String) throws "
            + "java.lang.UnsupportedOperationException")
        .doesNotContain("onStart");
  }

  @Test
  void stable_signatures_expose_no_experimental_types_catches_every_place_of_a_signature() {
    String leaks = ROOT + ".api.StableLeaksExperimental";
    String preview = " exposes @Experimental " + ROOT + ".api.Preview";
    assertThat(violations(RestockRules.stableSignaturesExposeNoExperimentalTypes(ROOT)))
        .contains(leaks + ".preview()" + preview)
        .contains(leaks + ".accept(java.util.List)" + preview)
        .contains(leaks + ".all()" + preview) // an array's component type
        .contains(leaks + ".<init>(" + ROOT + ".api.Preview)" + preview)
        .contains(leaks + ".previewField" + preview)
        .contains(leaks + ".check() exposes @Experimental " + ROOT + ".api.PreviewFailure")
        .contains(leaks + ".plumbing() exposes @Internal " + ROOT + ".api.Plumbing")
        .contains(leaks + "$Nested.preview()" + preview) // nested: the enclosing type's level
        .contains(ROOT + ".api.StableExtendsExperimental (its supertypes)" + preview)
        .doesNotContain("tryIt") // the member is marked @Experimental itself
        .doesNotContain("hidden") // private
        .doesNotContain("fine()")
        .doesNotContain("ExperimentalUsesExperimental"); // the rule is about @Stable types only
  }

  @Test
  void every_api_package_is_null_marked_catches_a_missing_package_info_and_a_missing_marker() {
    assertThat(violations(RestockRules.everyApiPackageIsNullMarked(ROOT)))
        .contains("package " + ROOT + ".api.fleet (of " + ROOT + ".api.fleet.Machine) has no "
            + "package-info.java")
        .contains("package " + ROOT + ".api.unmarked (of " + ROOT + ".api.unmarked.Loose) is not "
            + "@NullMarked")
        .doesNotContain("package " + ROOT + ".api.stability ");
  }

  @Test
  void api_does_not_depend_on_core_jpa_plugins_or_cli_catches_the_api_knowing_core() {
    assertThat(violations(RestockRules.apiDoesNotDependOnOtherModules(ROOT)))
        .contains(ROOT + ".api.KnowsCore").contains(ROOT + ".core.UsesHibernate");
  }

  @Test
  void core_should_not_depend_on_jpa_hibernate_jdbc_flyway_or_hikari_catches_core_using_hibernate() {
    assertThat(violations(RestockRules.coreDoesNotDependOnPersistence(ROOT)))
        .contains(ROOT + ".core.UsesHibernate").contains("org.hibernate.Session");
  }

  @Test
  void guice_appears_in_core_only_in_the_wiring_package_catches_guice_outside_wiring_only() {
    assertThat(violations(RestockRules.guiceAppearsInCoreOnlyInTheWiringPackage(ROOT)))
        .contains(ROOT + ".core.service.GuiceOutsideWiring").contains("com.google.inject.Inject")
        .doesNotContain("AllowedWiring")
        .doesNotContain("AnnotatedWithJakartaInject");
  }

  @Test
  void core_outside_wiring_does_not_use_injection_annotations_catches_jakarta_inject_annotations() {
    assertThat(violations(RestockRules.coreOutsideWiringDoesNotUseInjectionAnnotations(ROOT)))
        .contains(ROOT + ".core.service.AnnotatedWithJakartaInject")
        .contains("jakarta.inject.Singleton").contains("jakarta.inject.Inject")
        .contains(ROOT + ".core.service.GuiceOutsideWiring")
        .doesNotContain("AllowedWiring");
  }

  @Test
  void core_does_not_depend_on_the_jpa_store_catches_core_using_the_store() {
    assertThat(violations(RestockRules.coreDoesNotDependOnTheJpaStore(ROOT)))
        .contains(ROOT + ".core.UsesJpaStore").contains(ROOT + ".jpa.ReachesCore");
  }

  @Test
  void web_host_reaches_the_engine_only_through_its_api_catches_a_host_class_using_core() {
    assertThat(violations(RestockRules.webHostReachesTheEngineOnlyThroughItsApiAndTheStarter(
        ROOT))).contains(ROOT + ".web.UsesCoreAndTheStore").contains(ROOT + ".core.UsesJpaStore")
        .contains(ROOT + ".jpa.ReachesCore");
  }

  @Test
  void core_does_not_depend_on_plugins_or_the_cli_catches_core_knowing_the_cli() {
    assertThat(violations(RestockRules.coreDoesNotDependOnPluginsOrTheCli(ROOT)))
        .contains(ROOT + ".core.KnowsTheCli").contains(ROOT + ".cli.Main");
  }

  @Test
  void jpa_store_does_not_reach_into_core_catches_the_store_using_core() {
    assertThat(violations(RestockRules.jpaStoreDoesNotReachIntoCore(ROOT)))
        .contains(ROOT + ".jpa.ReachesCore").contains(ROOT + ".core.UsesJpaStore");
  }

  @Test
  void jpa_store_does_not_depend_on_plugins_or_the_cli_catches_the_store_using_a_plugin() {
    assertThat(violations(RestockRules.jpaStoreDoesNotDependOnPluginsOrTheCli(ROOT)))
        .contains(ROOT + ".jpa.UsesAPlugin").contains(ROOT + ".plugin.one.PluginOne");
  }

  @Test
  void jpa_store_branches_on_the_database_only_in_its_dialects_catches_comparisons_and_a_switch() {
    assertThat(violations(RestockRules.jpaBranchesOnTheDatabaseOnlyInItsDialects(ROOT)))
        .contains(ROOT + ".jpa.ComparesDatabase.locksRows(")
        .contains(ROOT + ".jpa.config.Database.SQLITE")
        // a switch reads the constants in the synthetic class that holds its switch map
        .contains(ROOT + ".jpa.backup.SwitchesOnDatabase$1")
        .contains(ROOT + ".jpa.ComparesDatabase.isSqlite(")
        .contains(ROOT + ".jpa.dialect.StoreDialect.sqlite()")
        .doesNotContain("ComparesDatabase.embedded(")
        .doesNotContain("AllowedDialectChoice");
  }

  @Test
  void plugins_depend_only_on_the_api_catches_a_plugin_reaching_into_core() {
    assertThat(violations(RestockRules.pluginsDependOnlyOnTheApi(ROOT)))
        .contains(ROOT + ".plugin.sneaky.ReachesIntoCore").contains(ROOT + ".core.UsesHibernate")
        .doesNotContain("PluginOne"); // uses the API and another plugin, which is the next rule's
  }

  @Test
  void plugins_do_not_depend_on_each_other_catches_one_plugin_using_another() {
    assertThat(violations(RestockRules.pluginsDoNotDependOnEachOther(ROOT)))
        .contains(ROOT + ".plugin.one.PluginOne").contains(ROOT + ".plugin.two.PluginTwo");
  }

  @Test
  void no_cycles_between_modules_catches_core_and_the_store_using_each_other() {
    assertThat(violations(RestockRules.noCyclesBetweenModules(ROOT)))
        .contains("Cycle detected").contains("module core").contains("module jpa")
        .contains(ROOT + ".core.UsesJpaStore").contains(ROOT + ".jpa.ReachesCore");
  }

  @Test
  void benchmarks_reach_core_only_through_its_wiring_catches_a_benchmark_using_a_core_class() {
    assertThat(violations(RestockRules.benchmarksReachCoreOnlyThroughItsWiring(ROOT)))
        .contains(ROOT + ".bench.PokesAUseCase").contains(ROOT + ".core.UsesHibernate")
        .doesNotContain("UsesTheBuilder");
  }

  @Test
  void custom_strategy_sample_uses_only_the_api_catches_the_sample_using_core_or_the_tck() {
    assertThat(violations(RestockRules.customStrategySampleUsesOnlyTheApiAndTheJdk(
        ROOT + ".sample", ROOT)))
        .contains(ROOT + ".sample.ReachesIntoCore").contains(ROOT + ".core.UsesHibernate")
        .contains(ROOT + ".sample.UsesTheTck").contains(ROOT + ".plugin.tck.StrategyContract")
        .doesNotContain(ROOT + ".sample.Clean");
  }

  @Test
  void custom_strategy_sample_tests_use_only_the_api_and_the_tck_catch_a_test_using_core() {
    assertThat(violations(RestockRules.customStrategySampleTestsUseOnlyTheApiTheTckAndTheJdk(
        ROOT + ".sample", ROOT)))
        .contains(ROOT + ".sample.ReachesIntoCore").contains(ROOT + ".core.UsesHibernate")
        .doesNotContain("UsesTheTck") // the TCK is what tests may add
        .doesNotContain(ROOT + ".sample.Clean");
  }

  /** One fixture cycle per module, chosen so each shows a different reach of the slicing. */
  @ParameterizedTest(name = "no_package_cycles_in_{0} catches {1} <-> {2}")
  @CsvSource({
      // two sibling packages
      "core,   core.a.A,                 core.b.B",
      // a capability's package and its own subpackage
      "api,    api.fleet.Machine,        api.fleet.port.Machines",
      // the module's root package and a subpackage
      "jpa,    jpa.JpaStoreRoot,         jpa.fleet.DeviceEntity",
      "cli,    cli.Main,                 cli.command.ShowCommand",
      "plugin, plugin.two.PluginTwo,     plugin.two.sub.Helper",
  })
  void no_package_cycles_in_each_module_catches_two_packages_using_each_other(
      String module, String oneClass, String otherClass) {
    assertThat(violations(RestockRules.noPackageCyclesIn(ROOT, module)))
        .contains("Cycle detected")
        .contains(ROOT + "." + oneClass).contains(ROOT + "." + otherClass);
  }
}
