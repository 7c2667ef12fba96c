package dev.canopy.diagrams.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.time.Clock;
import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * diagrams never reads the machine's clock: simulations run on the engine's virtual time, and
 * anything dated takes a {@code java.time.Clock} from its caller.
 */
@AnalyzeClasses(packages = "dev.canopy.diagrams", importOptions = ImportOption.DoNotIncludeTests.class)
class DiagramsTimeArchitectureTest {

    private static final Set<String> DATED = Set.of("java.time.Instant", "java.time.LocalDateTime", "java.time.LocalDate",
            "java.time.LocalTime", "java.time.ZonedDateTime", "java.time.OffsetDateTime");

    @ArchTest
    static final ArchRule diagrams_never_read_the_machine_clock = noClasses()
            .that().resideInAPackage("dev.canopy.diagrams..")
            .should().accessTargetWhere(JavaAccess.Predicates.target(DescribedPredicate.describe(
                    "System.nanoTime/currentTimeMillis or a java.time now() without a Clock",
                    (AccessTarget t) -> (t.getOwner().isEquivalentTo(System.class)
                            && (t.getName().equals("nanoTime") || t.getName().equals("currentTimeMillis")))
                            || (DATED.contains(t.getOwner().getName()) && t.getName().equals("now")
                            && !(t instanceof AccessTarget.CodeUnitAccessTarget cu
                                    && cu.getRawParameterTypes().size() == 1
                                    && cu.getRawParameterTypes().getFirst().isEquivalentTo(Clock.class))))))
            .because("time comes from the engine's clocks or an injected java.time.Clock");
}
