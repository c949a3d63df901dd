package dev.chainrule.nn;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The engine is plain Java on ND4J: no framework, no persistence, no other part of the service. Inside
 * it, the layers state the math and leave the arithmetic to the kernels, and the kernels know nothing
 * of layers or training.
 */
@AnalyzeClasses(packages = "dev.chainrule", importOptions = ImportOption.DoNotIncludeTests.class)
class EngineArchitectureTest {

    @ArchTest
    static final ArchRule engineKnowsNoFrameworks = noClasses().that().resideInAPackage("dev.chainrule.nn..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "jakarta.persistence..", "org.hibernate..");

    @ArchTest
    static final ArchRule engineKnowsNoOtherPackageOfTheService = noClasses().that()
            .resideInAPackage("dev.chainrule.nn..")
            .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                    "live in dev.chainrule outside dev.chainrule.nn",
                    c -> c.getPackageName().startsWith("dev.chainrule")
                            && !c.getPackageName().equals("dev.chainrule.nn")
                            && !c.getPackageName().startsWith("dev.chainrule.nn.")));

    @ArchTest
    static final ArchRule layersLeaveTheArithmeticToKernels = noClasses().that()
            .resideInAPackage("dev.chainrule.nn")
            .should().dependOnClassesThat()
            .resideInAnyPackage("org.bytedeco..", "org.nd4j.linalg.api.ops..", "org.nd4j.linalg.ops..")
            .because("ND4J ops and direct BLAS calls belong in dev.chainrule.nn.kernel");

    @ArchTest
    static final ArchRule kernelsKnowNoLayersAndNoTraining = noClasses().that()
            .resideInAPackage("dev.chainrule.nn.kernel..")
            .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                    "are layers, networks or training classes",
                    c -> c.getPackageName().startsWith("dev.chainrule.nn.train")
                            || c.getPackageName().equals("dev.chainrule.nn")
                            && !c.getSimpleName().equals("Activation") && !c.getSimpleName().equals("Loss")));
}
