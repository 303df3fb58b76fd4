package dev.restock.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The module boundaries of DESIGN.md as ArchUnit rules, parameterised by the root package so the
 * same definitions check the real code ({@code dev.restock}) and the fixtures that break them
 * ({@code dev.restock.fixture}).
 */
final class RestockRules {
  static final String[] PERSISTENCE = {"jakarta.persistence..", "org.hibernate..", "java.sql..",
      "javax.sql..", "org.flywaydb..", "com.zaxxer.hikari.."};

  private RestockRules() {}

  static ArchRule apiDependsOnNothingButTheJdk(String root) {
    return classes().that().resideInAPackage(root + ".api..")
        .should().onlyDependOnClassesThat()
        .resideInAnyPackage(root + ".api..", "java..", "jakarta.inject..", "")
        .because("engine-api is the contract hosts and plugins compile against: JDK only");
  }

  static ArchRule apiAndCoreNeverTouchPersistence(String root) {
    return noClasses().that().resideInAnyPackage(root + ".api..", root + ".core..")
        .should().dependOnClassesThat().resideInAnyPackage(PERSISTENCE)
        .because("persistence lives behind the ports, in the store (engine-jpa)");
  }

  static ArchRule guiceAppearsInCoreOnlyInItsWiringPackage(String root) {
    return noClasses().that().resideInAPackage(root + ".core..")
        .and().resideOutsideOfPackage(root + ".core.wiring..")
        .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "jakarta.inject..")
        .because("use cases are plain classes; Guice assembles them in core.wiring only");
  }

  static ArchRule pluginsDependOnNoRestockModuleButTheApi(String root) {
    return noClasses().that().resideInAPackage(root + ".plugin..")
        .should().dependOnClassesThat().resideInAnyPackage(root + ".core..", root + ".jpa..",
            root + ".cli..")
        .because("plugins are written against engine-api only, as third parties would");
  }

  static ArchRule jpaStoreDoesNotReachIntoCore(String root) {
    return noClasses().that().resideInAPackage(root + ".jpa..")
        .should().dependOnClassesThat().resideInAnyPackage(root + ".core..", root + ".cli..")
        .because("the store implements ports of the API and knows nothing of the use cases");
  }

  static ArchRule coreDoesNotDependOnTheStore(String root) {
    return noClasses().that().resideInAPackage(root + ".core..")
        .should().dependOnClassesThat().resideInAnyPackage(root + ".jpa..", root + ".cli..",
            root + ".plugin..")
        .because("core reaches stores and plugins only through ports and the SPI");
  }

  static ArchRule apiDependsOnNoOtherModule(String root) {
    return noClasses().that().resideInAPackage(root + ".api..")
        .should().dependOnClassesThat().resideInAnyPackage(root + ".core..", root + ".jpa..",
            root + ".plugin..", root + ".cli..")
        .because("dependencies point inwards, towards the API");
  }

  static ArchRule modulesAreFreeOfCycles(String root) {
    return slices().matching(root + ".(*)..").should().beFreeOfCycles()
        .because("modules depend on each other in one direction only");
  }

  static ArchRule packagesInsideAModuleAreFreeOfCycles(String root, String module) {
    return slices().matching(root + "." + module + ".(*)..").should().beFreeOfCycles()
        .because("capabilities inside " + module + " depend on each other in one direction");
  }
}
