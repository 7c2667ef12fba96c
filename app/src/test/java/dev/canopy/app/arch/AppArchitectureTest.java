package dev.canopy.app.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The UI never reaches into the engine (ARCHITECTURE.md): it runs designs through
 * dev.canopy.diagrams.sim and reads its snapshots and log. From the engine it may only use
 * value types (terms, strategy/restart/shutdown enums, scenario records).
 */
@AnalyzeClasses(packages = "dev.canopy.app", importOptions = ImportOption.DoNotIncludeTests.class)
class AppArchitectureTest {

    @ArchTest
    static final ArchRule ui_uses_no_engine_machinery = noClasses()
            .that().resideInAPackage("dev.canopy.app.ui..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.canopy.engine.runtime..", "dev.canopy.engine.process..", "dev.canopy.engine.genserver..",
                    "dev.canopy.engine.dynamic..", "dev.canopy.engine.registry..", "dev.canopy.engine.task..",
                    "dev.canopy.engine.application..", "dev.canopy.engine.event..")
            .because("data flows engine → events → diagrams → app; the UI talks to the simulation layer only");

    @ArchTest
    static final ArchRule ui_uses_supervisor_value_types_only = noClasses()
            .that().resideInAPackage("dev.canopy.app.ui..")
            .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("dev.canopy.engine.supervisor..")
                    .and(DescribedPredicate.not(JavaClass.Predicates.belongToAnyOf(
                            dev.canopy.engine.supervisor.Strategy.class, dev.canopy.engine.supervisor.Restart.class,
                            dev.canopy.engine.supervisor.Shutdown.class, dev.canopy.engine.supervisor.AutoShutdown.class))))
            .because("only the Strategy, Restart, Shutdown and AutoShutdown values cross into the UI");
}
