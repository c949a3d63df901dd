package dev.chainrule.portable;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The writers of the export formats are plain functions of their input: no framework, no storage, no HTTP. */
@AnalyzeClasses(packages = "dev.chainrule", importOptions = ImportOption.DoNotIncludeTests.class)
class PortableArchitectureTest {

    @ArchTest
    static final ArchRule writersKnowNoFrameworks = noClasses().that().resideInAPackage("dev.chainrule.portable.onnx..")
            .or().haveSimpleName("BundleWriter")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..", "org.hibernate..",
                    "dev.chainrule.web..");

    @ArchTest
    static final ArchRule theOnnxWriterKnowsOnlyTheEngineAndTheEncodings = noClasses()
            .that().resideInAPackage("dev.chainrule.portable.onnx..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.chainrule.job..", "dev.chainrule.model..",
                    "dev.chainrule.prediction..", "dev.chainrule.serving..");
}
