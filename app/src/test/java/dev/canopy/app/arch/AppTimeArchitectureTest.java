package dev.canopy.app.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Time in the app comes from injected sources (ARCHITECTURE.md), as in the engine: the
 * {@code dev.canopy.app.ui.time.Ticker} for monotonic nanos, a {@code java.time.Clock} for dates.
 * Only the ticker itself and code that measures (the benchmarks, the startup and frame-pump
 * meters) read the machine's clock, so no decision and no test depends on the machine's uptime
 * or date.
 */
@AnalyzeClasses(packages = "dev.canopy.app", importOptions = ImportOption.DoNotIncludeTests.class)
class AppTimeArchitectureTest {

    @ArchTest
    static final ArchRule only_the_ticker_and_measurements_read_the_machine_clock = noClasses()
            .that().resideInAPackage("dev.canopy.app..")
            .and(DescribedPredicate.not(allowedToReadTheClock()))
            .should().accessTargetWhere(JavaAccess.Predicates.target(machineClock()))
            .because("time comes from an injected Ticker (monotonic nanos) or java.time.Clock (dates),"
                    + " so that a test decides what time it is");

    static DescribedPredicate<JavaClass> allowedToReadTheClock() {
        return DescribedPredicate.describe("the Ticker, a benchmark or a meter",
                c -> c.getPackageName().equals("dev.canopy.app.ui.time")
                        || c.getPackageName().startsWith("dev.canopy.app.bench")
                        || c.getName().startsWith("dev.canopy.app.ui.StartupClock")
                        || c.getName().startsWith("dev.canopy.app.ui.render.FramePump"));
    }

    /** System.nanoTime/currentTimeMillis, and every java.time now(..) that does not take a Clock. */
    static DescribedPredicate<AccessTarget> machineClock() {
        Set<String> dated = Set.of(Instant.class.getName(), LocalDateTime.class.getName(), LocalDate.class.getName(),
                LocalTime.class.getName(), ZonedDateTime.class.getName(), OffsetDateTime.class.getName());
        return DescribedPredicate.describe("System.nanoTime/currentTimeMillis or a java.time now() without a Clock",
                t -> (t.getOwner().isEquivalentTo(System.class)
                        && (t.getName().equals("nanoTime") || t.getName().equals("currentTimeMillis")))
                        || (dated.contains(t.getOwner().getName()) && t.getName().equals("now")
                        && !(t instanceof AccessTarget.CodeUnitAccessTarget cu
                                && cu.getRawParameterTypes().size() == 1
                                && cu.getRawParameterTypes().getFirst().isEquivalentTo(Clock.class))));
    }
}
