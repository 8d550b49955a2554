package dev.payaracognito.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules each package's {@code package-info.java} states, checked on the WAR's classes: a new cycle between
 * packages, or token validation reaching for the web layer, fails the build.
 */
@AnalyzeClasses(packages = "dev.payaracognito", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageRulesTest {

    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("dev.payaracognito.(**)").should()
            .beFreeOfCycles();

    @ArchTest
    static final ArchRule tokenValidationIsPlainJava = noClasses().that().resideInAPackage("..security.token..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.servlet..", "jakarta.faces..", "jakarta.ws.rs..",
                    "jakarta.enterprise..", "jakarta.inject..", "jakarta.security..", "org.eclipse.microprofile..")
            .orShould().dependOnClassesThat().resideInAnyPackage("dev.payaracognito.api..", "dev.payaracognito.web..",
                    "dev.payaracognito.cognito..", "dev.payaracognito.audit..", "dev.payaracognito.errors..",
                    "dev.payaracognito.security.browser..", "dev.payaracognito.security.bearer..")
            .orShould().dependOnClassesThat().resideInAPackage("dev.payaracognito.security");

    @ArchTest
    static final ArchRule theWiringKnowsTheMechanismsByQualifierOnly = noClasses().that()
            .resideInAPackage("dev.payaracognito.security").should().dependOnClassesThat()
            .resideInAnyPackage("..security.browser..", "..security.bearer..");

    @ArchTest
    static final ArchRule auditAndErrorsStandAlone = noClasses().that()
            .resideInAnyPackage("dev.payaracognito.audit..", "dev.payaracognito.errors..").should()
            .dependOnClassesThat().resideInAnyPackage("dev.payaracognito.security..", "dev.payaracognito.cognito..",
                    "dev.payaracognito.web..", "dev.payaracognito.api..");

    @ArchTest
    static final ArchRule nothingButTheApiUsesTheApi = noClasses().that().resideOutsideOfPackage("dev.payaracognito.api..")
            .should().dependOnClassesThat().resideInAPackage("dev.payaracognito.api..");
}
