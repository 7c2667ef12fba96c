package dev.canopy.engine.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.time.Instant;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The engine's architecture rules (ARCHITECTURE.md): JDK only, and all time and
 * randomness go through {@code dev.canopy.engine.time} and {@code dev.canopy.engine.random}
 * so that runs are reproducible from a seed.
 */
@AnalyzeClasses(packages = "dev.canopy.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class EngineArchitectureTest {

    @ArchTest
    static final ArchRule engine_depends_on_no_ui_and_no_json = noClasses()
            .that().resideInAPackage("dev.canopy.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "tools.jackson..", "com.fasterxml..")
            .because("the engine is pure Java: no UI, no JSON library (ARCHITECTURE.md)")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule only_clocks_read_the_wall_clock = noClasses()
            .that().resideInAPackage("dev.canopy.engine..")
            .and(DescribedPredicate.not(clockClass()))
            .should().accessTargetWhere(JavaAccess.Predicates.target(target(System.class, "nanoTime", "currentTimeMillis")
                    .or(target(Instant.class, "now"))))
            .because("only the *Clock classes in dev.canopy.engine.time may read real time,"
                    + " so that simulations run on virtual time")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule only_engine_random_creates_randomness = noClasses()
            .that().resideInAPackage("dev.canopy.engine..")
            .and().resideOutsideOfPackage("dev.canopy.engine.random..")
            .should().accessTargetWhere(JavaAccess.Predicates.target(constructorOfSubtypeOf(Random.class)
                    .or(constructorOfSubtypeOf(SplittableRandom.class))
                    .or(target(RandomGenerator.class, "of", "getDefault"))
                    .or(anyMemberOf(RandomGeneratorFactory.class))
                    .or(target(Math.class, "random"))
                    .or(target(StrictMath.class, "random"))))
            .orShould().dependOnClassesThat().belongToAnyOf(ThreadLocalRandom.class)
            .because("all randomness comes from seeded generators in dev.canopy.engine.random,"
                    + " so that a run is reproducible from its seed")
            .allowEmptyShould(true);

    private static DescribedPredicate<JavaClass> clockClass() {
        return DescribedPredicate.describe("a *Clock class in dev.canopy.engine.time",
                c -> c.getPackageName().equals("dev.canopy.engine.time") && c.getSimpleName().endsWith("Clock"));
    }

    private static DescribedPredicate<AccessTarget> target(Class<?> owner, String... names) {
        Set<String> nameSet = Set.of(names);
        return DescribedPredicate.describe(owner.getSimpleName() + "." + String.join("/", names),
                t -> t.getOwner().isEquivalentTo(owner) && nameSet.contains(t.getName()));
    }

    private static DescribedPredicate<AccessTarget> anyMemberOf(Class<?> owner) {
        return DescribedPredicate.describe(owner.getSimpleName() + ".*",
                t -> t.getOwner().isEquivalentTo(owner));
    }

    private static DescribedPredicate<AccessTarget> constructorOfSubtypeOf(Class<?> type) {
        return DescribedPredicate.describe("new " + type.getSimpleName() + "(..) or a subclass",
                t -> t.getName().equals("<init>") && t.getOwner().isAssignableTo(type));
    }
}
