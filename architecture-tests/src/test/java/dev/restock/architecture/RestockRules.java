package dev.restock.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The module boundaries of DESIGN.md as ArchUnit rules, one per forbidden edge, parameterised by
 * the root package: {@code dev.restock} for the real code ({@link ArchitectureTest}) and
 * {@code dev.restock.fixture} for the fixtures that break each rule
 * ({@link ArchitectureRulesCatchViolationsTest}). Same definitions, so a rule proven to fail on a
 * fixture is the rule guarding production.
 */
final class RestockRules {
  /** JPA, Hibernate, JDBC (both {@code java.sql} and {@code javax.sql}), Flyway and Hikari. */
  static final String[] PERSISTENCE = {"jakarta.persistence..", "javax.persistence..",
      "org.hibernate..", "java.sql..", "javax.sql..", "org.flywaydb..", "com.zaxxer.hikari.."};

  static final String[] INJECTION = {"com.google.inject..", "jakarta.inject.."};

  private RestockRules() {}

  private static String api(String root) {
    return root + ".api..";
  }

  private static String core(String root) {
    return root + ".core..";
  }

  private static String wiring(String root) {
    return root + ".core.wiring..";
  }

  private static String jpa(String root) {
    return root + ".jpa..";
  }

  private static String plugins(String root) {
    return root + ".plugin..";
  }

  private static String cli(String root) {
    return root + ".cli..";
  }

  // --- engine-api ---------------------------------------------------------------------------

  /** The stability markers, rooted at {@code root}. */
  static java.util.List<String> stabilityMarkers(String root) {
    return java.util.List.of(root + ".api.stability.Stable", root + ".api.stability.Experimental",
        root + ".api.stability.Internal");
  }

  static ArchRule everyPublicApiTypeHasOneStabilityMarker(String root) {
    java.util.List<String> markers = stabilityMarkers(root);
    return classes().that().resideInAPackage(api(root)).and().arePublic()
        .and().areTopLevelClasses()
        .and().doNotHaveSimpleName("package-info")
        .should(new com.tngtech.archunit.lang.ArchCondition<com.tngtech.archunit.core.domain
            .JavaClass>("carry exactly one of @Stable, @Experimental, @Internal") {
          @Override
          public void check(com.tngtech.archunit.core.domain.JavaClass type,
              com.tngtech.archunit.lang.ConditionEvents events) {
            long found = markers.stream().filter(type::isAnnotatedWith).count();
            if (found != 1) {
              events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(type,
                  type.getName() + (found == 0 ? " has no stability marker"
                      : " has " + found + " stability markers")));
            }
          }
        })
        .because("hosts and plugin authors must see which API they may rely on "
            + "(docs/plugin-authors.md, versioning)");
  }

  static ArchRule apiDependsOnNothingButTheJdk(String root) {
    return classes().that().resideInAPackage(api(root))
        .should().onlyDependOnClassesThat()
        .resideInAnyPackage(api(root), "java..", "jakarta.inject..")
        .because("engine-api is what hosts and plugin authors compile against: the JDK only "
            + "(jakarta.inject at most), so it forces no framework on them");
  }

  static ArchRule apiDoesNotDependOnPersistence(String root) {
    return noClasses().that().resideInAPackage(api(root))
        .should().dependOnClassesThat().resideInAnyPackage(PERSISTENCE)
        .because("java.sql is part of the JDK but persistence lives behind the ports, in a store; "
            + "transactions go through the TransactionBoundary port (STYLE 3)");
  }

  static ArchRule apiDoesNotDependOnOtherModules(String root) {
    return noClasses().that().resideInAPackage(api(root))
        .should().dependOnClassesThat()
        .resideInAnyPackage(core(root), jpa(root), plugins(root), cli(root))
        .because("every dependency points towards the API, never out of it");
  }

  // --- engine-core --------------------------------------------------------------------------

  static ArchRule coreDoesNotDependOnPersistence(String root) {
    return noClasses().that().resideInAPackage(core(root))
        .should().dependOnClassesThat().resideInAnyPackage(PERSISTENCE)
        .because("use cases reach storage and transactions only through the API's ports "
            + "(TransactionBoundary), never through JPA, Hibernate, JDBC, Flyway or Hikari (STYLE 3)");
  }

  static ArchRule guiceAppearsInCoreOnlyInTheWiringPackage(String root) {
    return noClasses().that().resideInAPackage(core(root))
        .and().resideOutsideOfPackage(wiring(root))
        .should().dependOnClassesThat().resideInAPackage("com.google.inject..")
        .because("Guice stays thin: it assembles plain classes in core.wiring and nowhere else "
            + "(STYLE 6)");
  }

  static ArchRule coreOutsideWiringDoesNotUseInjectionAnnotations(String root) {
    return noClasses().that().resideInAPackage(core(root))
        .and().resideOutsideOfPackage(wiring(root))
        .should().dependOnClassesThat().resideInAnyPackage(INJECTION)
        .because("use cases stay annotation-free plain classes, constructed explicitly by the "
            + "wiring package's providers, so they can be built without any container");
  }

  static ArchRule coreDoesNotDependOnTheJpaStore(String root) {
    return noClasses().that().resideInAPackage(core(root))
        .should().dependOnClassesThat().resideInAPackage(jpa(root))
        .because("core sees a store only through the ports the store implements");
  }

  static ArchRule coreDoesNotDependOnPluginsOrTheCli(String root) {
    return noClasses().that().resideInAPackage(core(root))
        .should().dependOnClassesThat().resideInAnyPackage(plugins(root), cli(root))
        .because("core reaches plugins only through the SPI, and knows nothing of the hosts "
            + "that embed it");
  }

  // --- engine-jpa ---------------------------------------------------------------------------

  static ArchRule jpaStoreDoesNotReachIntoCore(String root) {
    return noClasses().that().resideInAPackage(jpa(root))
        .should().dependOnClassesThat().resideInAPackage(core(root))
        .because("the store implements the API's ports and knows nothing of the use cases");
  }

  static ArchRule jpaStoreDoesNotDependOnPluginsOrTheCli(String root) {
    return noClasses().that().resideInAPackage(jpa(root))
        .should().dependOnClassesThat().resideInAnyPackage(plugins(root), cli(root))
        .because("the store is one adapter among others and depends on engine-api only");
  }

  /**
   * Outside the dialect package (one object per database) and the configuration package (where
   * {@code Database} lives), no store class reads a {@code Database} constant: a comparison, a
   * {@code switch} (its synthetic switch map reads the constants) or a field of the enum. Nor
   * does it pick a dialect by hand ({@code StoreDialect.sqlite()} and the like), which would
   * allow the same comparison. Such code asks {@code database.dialect()} what differs instead.
   */
  static ArchRule jpaBranchesOnTheDatabaseOnlyInItsDialects(String root) {
    String database = root + ".jpa.config.Database";
    String dialect = root + ".jpa.dialect.StoreDialect";
    java.util.Set<String> factories = java.util.Set.of("sqlite", "h2", "postgresql");
    return noClasses().that().resideInAPackage(jpa(root))
        .and().resideOutsideOfPackages(root + ".jpa.dialect..", root + ".jpa.config..")
        .should().accessFieldWhere(JavaFieldAccess.Predicates.target(
            HasOwner.Predicates.With.<JavaClass>owner(HasName.Predicates.name(database))))
        .orShould().callMethodWhere(new DescribedPredicate<JavaMethodCall>(
            "target is one of the factories " + dialect + "." + factories) {
          @Override
          public boolean test(JavaMethodCall call) {
            return call.getTargetOwner().getName().equals(dialect)
                && factories.contains(call.getName());
          }
        })
        .because("what differs between SQLite, H2 and PostgreSQL lives in one dialect object "
            + "per database (STYLE 14); a branch on the database elsewhere is a difference the "
            + "dialect does not know about");
  }

  // --- plugins ------------------------------------------------------------------------------

  static ArchRule pluginsDependOnlyOnTheApi(String root) {
    return noClasses().that().resideInAPackage(plugins(root))
        .should().dependOnClassesThat(resideInAPackage(root + "..")
            .and(resideOutsideOfPackages(api(root), plugins(root))))
        .because("plugins are written against engine-api only, as a third party would write "
            + "them: no core, store, sample or any other Restock module");
  }

  static ArchRule pluginsDoNotDependOnEachOther(String root) {
    return slices().matching(root + ".plugin.(*)..").namingSlices("plugin $1")
        .should().notDependOnEachOther()
        .because("each plugin is its own module depending on engine-api only");
  }

  // --- cycles -------------------------------------------------------------------------------

  static ArchRule noCyclesBetweenModules(String root) {
    return slices().matching(root + ".(*)..").namingSlices("module $1")
        .should().beFreeOfCycles()
        .because("modules depend on each other in one direction only: api <- core, jpa, "
            + "plugins <- samples");
  }

  /**
   * Every package of the module (its root package included, subpackages each on their own) is a
   * slice; no two may depend on each other, directly or around a longer loop.
   */
  static ArchRule noPackageCyclesIn(String root, String module) {
    return slices().assignedFrom(packagesOf(root + "." + module))
        .should().beFreeOfCycles()
        .because("packages inside " + module + " depend on each other in one direction, so "
            + "capabilities and roles can be read, moved and tested apart");
  }

  private static SliceAssignment packagesOf(String modulePackage) {
    return new SliceAssignment() {
      @Override
      public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
        String pkg = javaClass.getPackageName();
        return pkg.equals(modulePackage) || pkg.startsWith(modulePackage + ".")
            ? SliceIdentifier.of(pkg)
            : SliceIdentifier.ignore();
      }

      @Override
      public String getDescription() {
        return "every package of " + modulePackage;
      }
    };
  }
}
