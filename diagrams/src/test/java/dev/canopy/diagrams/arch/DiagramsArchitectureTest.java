package dev.canopy.diagrams.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The diagrams module's architecture rules (ARCHITECTURE.md). */
@AnalyzeClasses(packages = "dev.canopy.diagrams", importOptions = ImportOption.DoNotIncludeTests.class)
class DiagramsArchitectureTest {

    @ArchTest
    static final ArchRule diagrams_depend_on_no_ui = noClasses()
            .that().resideInAPackage("dev.canopy.diagrams..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..",
                    "org.kordamp.ikonli..", "picocli..", "dev.canopy.app..")
            .because("the design model and its JSON form know nothing of the UI or the CLI (ARCHITECTURE.md)")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule diagrams_use_jackson_3_only = noClasses()
            .that().resideInAPackage("dev.canopy.diagrams..")
            .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson.databind..")
            .because("JSON goes through Jackson 3 (tools.jackson); only the shared annotations"
                    + " (com.fasterxml.jackson.annotation) are allowed")
            .allowEmptyShould(true);
}
