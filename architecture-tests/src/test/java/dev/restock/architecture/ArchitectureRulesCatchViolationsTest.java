package dev.restock.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each rule, applied to fixtures that break it, reports the offending class: the rules can fail. */
class ArchitectureRulesCatchViolationsTest {
  private static final String ROOT = "dev.restock.fixture";
  private static JavaClasses fixtures;

  @BeforeAll
  static void importFixtures() {
    fixtures = new ClassFileImporter().importPackages(ROOT);
  }

  private static String violations(ArchRule rule) {
    EvaluationResult result = rule.evaluate(fixtures);
    assertThat(result.hasViolation()).as("rule should fail on the fixtures: " + rule).isTrue();
    return String.join("\n", result.getFailureReport().getDetails());
  }

  @Test
  void theJdkOnlyRuleCatchesAnApiTypeExposingGuava() {
    assertThat(violations(RestockRules.apiDependsOnNothingButTheJdk(ROOT)))
        .contains("LeaksGuava").contains("com.google.common.collect.ImmutableList");
  }

  @Test
  void thePersistenceRuleCatchesCoreUsingHibernate() {
    assertThat(violations(RestockRules.apiAndCoreNeverTouchPersistence(ROOT)))
        .contains("UsesHibernate").contains("org.hibernate.Session");
  }

  @Test
  void theGuiceRuleCatchesInjectionOutsideWiringButNotInsideIt() {
    assertThat(violations(RestockRules.guiceAppearsInCoreOnlyInItsWiringPackage(ROOT)))
        .contains("GuiceOutsideWiring").doesNotContain("AllowedWiring");
  }

  @Test
  void thePluginRuleCatchesAPluginReachingIntoCore() {
    assertThat(violations(RestockRules.pluginsDependOnNoRestockModuleButTheApi(ROOT)))
        .contains("ReachesIntoCore");
  }

  @Test
  void theStoreRuleCatchesTheStoreReachingIntoCore() {
    assertThat(violations(RestockRules.jpaStoreDoesNotReachIntoCore(ROOT)))
        .contains("ReachesCore");
  }

  @Test
  void theCoreRuleCatchesCoreUsingTheStore() {
    assertThat(violations(RestockRules.coreDoesNotDependOnTheStore(ROOT)))
        .contains("UsesJpaStore");
  }

  @Test
  void theApiRuleCatchesTheApiKnowingCore() {
    assertThat(violations(RestockRules.apiDependsOnNoOtherModule(ROOT))).contains("KnowsCore");
  }

  @Test
  void theModuleCycleRuleCatchesCoreAndStoreUsingEachOther() {
    assertThat(violations(RestockRules.modulesAreFreeOfCycles(ROOT)))
        .containsIgnoringCase("cycle");
  }

  @Test
  void thePackageCycleRuleCatchesTwoPackagesUsingEachOther() {
    assertThat(violations(RestockRules.packagesInsideAModuleAreFreeOfCycles(ROOT, "core")))
        .contains("fixture.core.a").contains("fixture.core.b");
  }
}
