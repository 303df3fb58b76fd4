package dev.restock.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
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

  private static String bench(String root) {
    return root + ".bench..";
  }

  private static String tck(String root) {
    return root + ".plugin.tck..";
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

  /**
   * A default method of an engine-api interface that throws {@link UnsupportedOperationException}
   * turns a method every implementation must provide into a failure in production; such a method
   * is abstract instead, so a missing implementation fails at compile time (STYLE 4).
   */
  static ArchRule apiDefaultMethodsDoNotRefuse(String root) {
    return noMethods().that().areDeclaredInClassesThat().resideInAPackage(api(root))
        .and().areDeclaredInClassesThat().areInterfaces()
        .and().doNotHaveModifier(JavaModifier.ABSTRACT)
        .and().doNotHaveModifier(JavaModifier.STATIC)
        .should(constructAnUnsupportedOperationException())
        .because("a default is only for correct behaviour (a no-op hook or a slower fallback); "
            + "a port or SPI method every implementation must provide is abstract, so a missing "
            + "one fails at compile time, not in production (STYLE 4)");
  }

  private static ArchCondition<JavaMethod> constructAnUnsupportedOperationException() {
    return new ArchCondition<>("construct an UnsupportedOperationException") {
      @Override
      public void check(JavaMethod method, ConditionEvents events) {
        for (JavaConstructorCall call : method.getConstructorCallsFromSelf()) {
          if (call.getTargetOwner().isAssignableTo(UnsupportedOperationException.class)) {
            events.add(SimpleConditionEvent.satisfied(method, method.getFullName()
                + " throws " + call.getTargetOwner().getName() + " in "
                + call.getSourceCodeLocation()));
          }
        }
      }
    };
  }

  /**
   * A {@code @Stable} type's public and protected members (methods, constructors, fields) and its
   * supertypes expose no {@code @Experimental} or {@code @Internal} type: not as a parameter,
   * return type, thrown type, field type, type argument or bound. A member marked
   * {@code @Experimental} or {@code @Internal} itself is exempt. A nested type without a marker of
   * its own has its enclosing type's level.
   */
  static ArchRule stableSignaturesExposeNoExperimentalTypes(String root) {
    java.util.List<String> markers = stabilityMarkers(root);
    String stable = markers.get(0);
    java.util.List<String> unpromised = markers.subList(1, 3);
    DescribedPredicate<JavaClass> stableTypes = new DescribedPredicate<>("are @Stable") {
      @Override
      public boolean test(JavaClass type) {
        return stable.equals(levelOf(type, markers));
      }
    };
    return classes().that().resideInAPackage(api(root)).and(stableTypes)
        .should(new ArchCondition<JavaClass>(
            "expose no @Experimental or @Internal type in their public signatures") {
          @Override
          public void check(JavaClass type, ConditionEvents events) {
            java.util.Map<String, java.util.Set<JavaClass>> exposed = new java.util.LinkedHashMap<>();
            java.util.Set<JavaClass> supertypes = new java.util.LinkedHashSet<>();
            type.getRawSuperclass().ifPresent(supertypes::add);
            type.getInterfaces().forEach(i -> supertypes.addAll(i.getAllInvolvedRawTypes()));
            exposed.put(type.getName() + " (its supertypes)", supertypes);
            for (JavaMember member : type.getMembers()) {
              if (!isVisibleOutside(member) || unpromised.stream().anyMatch(member::isAnnotatedWith)) {
                continue;
              }
              exposed.put(member.getFullName(), signatureTypes(member));
            }
            exposed.forEach((where, types) -> types.stream()
                .map(t -> t.isArray() ? t.getBaseComponentType() : t)
                .filter(t -> levelOf(t, markers) != null && unpromised.contains(levelOf(t, markers)))
                .distinct()
                .forEach(t -> events.add(SimpleConditionEvent.violated(type, where + " exposes @"
                    + simpleName(levelOf(t, markers)) + " " + t.getName()))));
          }
        })
        .allowEmptyShould(true)
        .because("a @Stable signature promises every type in it: a host compiling against it "
            + "must not be broken by a change to an experimental type; mark the member "
            + "@Experimental when it must expose one");
  }

  /** The stability marker of a type, or of the nearest enclosing type with one; null if none. */
  private static String levelOf(JavaClass type, java.util.List<String> markers) {
    for (java.util.Optional<JavaClass> t = java.util.Optional.of(type); t.isPresent();
        t = t.get().getEnclosingClass()) {
      for (String marker : markers) {
        if (t.get().isAnnotatedWith(marker)) {
          return marker;
        }
      }
    }
    return null;
  }

  private static String simpleName(String name) {
    return name.substring(name.lastIndexOf('.') + 1);
  }

  private static boolean isVisibleOutside(JavaMember member) {
    java.util.Set<JavaModifier> modifiers = member.getModifiers();
    return (modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED))
        && !modifiers.contains(JavaModifier.SYNTHETIC) && !modifiers.contains(JavaModifier.BRIDGE);
  }

  /** Every raw type in a member's signature, type arguments and bounds included. */
  private static java.util.Set<JavaClass> signatureTypes(JavaMember member) {
    java.util.Set<JavaClass> types = new java.util.LinkedHashSet<>();
    if (member instanceof JavaField field) {
      types.addAll(field.getType().getAllInvolvedRawTypes());
    } else if (member instanceof JavaCodeUnit unit) {
      types.addAll(unit.getReturnType().getAllInvolvedRawTypes());
      unit.getParameterTypes().forEach(p -> types.addAll(p.getAllInvolvedRawTypes()));
      types.addAll(unit.getThrowsClause().getTypes());
      unit.getTypeParameters().forEach(p -> types.addAll(p.getAllInvolvedRawTypes()));
    }
    return types;
  }

  static final String NULL_MARKED = "org.jspecify.annotations.NullMarked";

  /**
   * Every package of engine-api has a {@code package-info.java} marked {@code @NullMarked}
   * (JSpecify): types are non-null unless marked {@code @Nullable}, and the package-info is where
   * a package says what it holds.
   */
  static ArchRule everyApiPackageIsNullMarked(String root) {
    return classes().that().resideInAPackage(api(root))
        .should(new ArchCondition<JavaClass>("reside in a package whose package-info is @NullMarked") {
          @Override
          public void check(JavaClass type, ConditionEvents events) {
            JavaPackage pkg = type.getPackage();
            if (pkg.tryGetPackageInfo().isEmpty()) {
              events.add(SimpleConditionEvent.violated(type, "package " + pkg.getName()
                  + " (of " + type.getName() + ") has no package-info.java"));
            } else if (!pkg.isAnnotatedWith(NULL_MARKED)) {
              events.add(SimpleConditionEvent.violated(type, "package " + pkg.getName()
                  + " (of " + type.getName() + ") is not @NullMarked"));
            }
          }
        })
        .because("the API's nullness is a package-level rule: non-null unless @Nullable, "
            + "stated where hosts' tools read it (docs/api-conventions.md); and each package "
            + "says in its package-info what it holds");
  }

  static ArchRule apiDependsOnNothingButTheJdk(String root) {
    return classes().that().resideInAPackage(api(root))
        .should().onlyDependOnClassesThat()
        .resideInAnyPackage(api(root), "java..", "javax.crypto..", "jakarta.inject..",
            "org.jspecify..")
        .because("engine-api is what hosts and plugin authors compile against: the JDK only "
            + "(jakarta.inject at most), so it forces no framework on them; javax.crypto is the "
            + "JDK's own (java.base), for the KeyProvider SPI's SecretKey; org.jspecify is "
            + "allowed explicitly: its nullness annotations (@NullMarked, @Nullable) come in an "
            + "annotation-only jar with no dependencies of its own (docs/api-conventions.md)");
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
        .resideInAnyPackage(core(root), jpa(root), plugins(root), cli(root), bench(root))
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
        .should().dependOnClassesThat().resideInAnyPackage(plugins(root), cli(root), bench(root))
        .because("core reaches plugins only through the SPI, and knows nothing of the hosts "
            + "that embed it (the cli, the benchmarks)");
  }

  // --- engine-jpa ---------------------------------------------------------------------------

  static ArchRule jpaStoreDoesNotReachIntoCore(String root) {
    return noClasses().that().resideInAPackage(jpa(root))
        .should().dependOnClassesThat().resideInAPackage(core(root))
        .because("the store implements the API's ports and knows nothing of the use cases");
  }

  static ArchRule jpaStoreDoesNotDependOnPluginsOrTheCli(String root) {
    return noClasses().that().resideInAPackage(jpa(root))
        .should().dependOnClassesThat().resideInAnyPackage(plugins(root), cli(root), bench(root))
        .because("the store is one adapter among others and depends on engine-api only; it "
            + "knows nothing of the hosts that embed it (the cli, the benchmarks)");
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

  // --- hosts and samples --------------------------------------------------------------------

  static ArchRule benchmarksReachCoreOnlyThroughItsWiring(String root) {
    return noClasses().that().resideInAPackage(bench(root))
        .should().dependOnClassesThat(resideInAPackage(core(root))
            .and(resideOutsideOfPackage(wiring(root))))
        .because("the benchmarks measure the engine as a host embeds it: built by "
            + "RestockEngine's builder, called through engine-api, never through core's "
            + "use-case or internal classes (docs/benchmarks.md)");
  }

  /**
   * The web host ({@code samples/web}) embeds the engine as any host would: through engine-api
   * and the Spring Boot starter, never through core's, the store's or a plugin's classes.
   */
  static ArchRule webHostReachesTheEngineOnlyThroughItsApiAndTheStarter(String root) {
    return noClasses().that().resideInAPackage(root + ".web..")
        .should().dependOnClassesThat().resideInAnyPackage(core(root), jpa(root), plugins(root))
        .because("samples/web is a host application on the Spring Boot starter: the engine is "
            + "a Restock bean used through engine-api (docs/web.md)");
  }

  /** The README's promise for {@code samples/custom-strategy}, on its main classes. */
  static ArchRule customStrategySampleUsesOnlyTheApiAndTheJdk(String sampleRoot, String root) {
    return classes().that().resideInAPackage(sampleRoot + "..")
        .should().onlyDependOnClassesThat()
        .resideInAnyPackage(sampleRoot + "..", api(root), "java..", "org.jspecify..")
        .because("the README says samples/custom-strategy is a third-party strategy written "
            + "against engine-api only, as a plugin author would: no core, store, other plugin "
            + "or library (the TCK is for its tests)");
  }

  /** The same promise on the sample's test classes: they add the TCK and its test stack. */
  static ArchRule customStrategySampleTestsUseOnlyTheApiTheTckAndTheJdk(String sampleRoot,
      String root) {
    return classes().that().resideInAPackage(sampleRoot + "..")
        .should().onlyDependOnClassesThat()
        .resideInAnyPackage(sampleRoot + "..", api(root), tck(root), "java..", "org.jspecify..",
            "org.junit..", "org.assertj..")
        .because("the README says samples/custom-strategy's tests use engine-api and the TCK "
            + "only (with the TCK's JUnit and AssertJ), as a plugin author's would");
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
