package dev.chainrule;

import static com.tngtech.archunit.lang.conditions.ArchPredicates.are;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The domain speaks no HTTP: only the web package and the controllers see HTTP types, and a
 * refusal reaches the client through a domain exception that the web package maps. Feature
 * packages depend on each other in one direction only.
 */
@AnalyzeClasses(packages = "dev.chainrule", importOptions = ImportOption.DoNotIncludeTests.class)
class ServiceArchitectureTest {

    /** A protocol with its own error form (KServe v2) maps its errors in an advice beside its controller. */
    private static final DescribedPredicate<JavaClass> CONTROLLERS = DescribedPredicate.describe(
            "controllers and their advice",
            c -> c.isAnnotatedWith(RestController.class) || c.isAnnotatedWith(RestControllerAdvice.class));

    @ArchTest
    static final ArchRule onlyTheWebLayerSpeaksHttp = noClasses()
            .that().resideOutsideOfPackage("dev.chainrule.web..")
            .and(DescribedPredicate.not(are(CONTROLLERS)))
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.http..",
                    "org.springframework.web..", "jakarta.servlet..", "dev.chainrule.web..");

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles = slices().matching("dev.chainrule.(*)..")
            .should().beFreeOfCycles();
}
