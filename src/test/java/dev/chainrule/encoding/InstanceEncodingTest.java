package dev.chainrule.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.chainrule.dataset.FeatureColumn;
import dev.chainrule.nn.Loss;
import dev.chainrule.nn.Precision;
import dev.chainrule.web.ApiProblem;
import dev.chainrule.web.ProblemError;

class InstanceEncodingTest {

    // x: training values 1, 2, 5 -> mean 8/3; color: red, green, <missing>.
    private final Preprocessing p = PreprocessingFitter.fit(Datasets.threeClasses(), new int[] {0, 1, 2, 3}, false,
            Loss.CROSS_ENTROPY);

    private double[][] encode(List<?> instances) {
        return p.encodeInstances(instances, Precision.FLOAT64).toDoubleMatrix();
    }

    @Test
    void positionalAndByNameInstancesEncodeAlike() {
        double[][] positional = encode(List.of(List.of(4.5, "green"), List.of(3, "red")));
        double[][] byName = encode(List.of(Map.of("color", "green", "x", 4.5), Map.of("x", 3, "color", "red")));

        assertThat(positional).isEqualTo(new double[][] {{4.5, 0, 1, 0}, {3, 1, 0, 0}});
        assertThat(byName).isEqualTo(positional);
    }

    @Test
    void nullMeansMissingAndAnUnseenCategoryEncodesAsAllZeros() {
        double[][] encoded = encode(List.of(Arrays.asList(null, null), Arrays.asList(1, "purple")));

        assertThat(encoded[0]).containsExactly(8.0 / 3.0, 0, 0, 1);
        assertThat(encoded[1]).containsExactly(1, 0, 0, 0);
    }

    @Test
    void numbersNameCategoriesAsACsvWouldSpellThem() {
        var data = Datasets.withFeatures(Datasets.twoClasses(), List.of(
                new FeatureColumn.Categorical("size", List.of("1", "2.5"), new int[] {0, 1, 0, 1})));
        Preprocessing sizes = PreprocessingFitter.fit(data, new int[] {0, 1, 2, 3}, true, Loss.CROSS_ENTROPY);

        assertThat(sizes.encodeInstances(List.of(List.of(1), List.of(2.50), List.of(1.0)), Precision.FLOAT64)
                .toDoubleMatrix()).isEqualTo(new double[][] {{1, 0}, {0, 1}, {1, 0}});
    }

    @Test
    void wrongNumberOfValuesNamesTheInstance() {
        assertThat(problem(List.of(List.of(1, "red"), List.of(1), List.of(1, "red", 3))).errors())
                .extracting(ProblemError::pointer).containsExactly("/instances/1", "/instances/2");
    }

    @Test
    void unknownAndMissingColumnsAreNamedByPointer() {
        Map<String, Object> typo = new LinkedHashMap<>();
        typo.put("x", 1);
        typo.put("colour", "red");
        Map<String, Object> slash = new HashMap<>(Map.of("x", 1, "color", "red", "a/b", 2));

        ApiProblem problem = problem(List.of(typo, slash));

        assertThat(problem.status().value()).isEqualTo(422);
        assertThat(problem.errors()).extracting(ProblemError::pointer)
                .containsExactly("/instances/0/colour", "/instances/0/color", "/instances/1/a~1b");
        assertThat(problem.errors().get(1).message()).contains("lacks column 'color'");
    }

    @Test
    void aStringInANumericColumnIsNamedByIndex() {
        ApiProblem problem = problem(List.of(List.of(1, "red"), List.of("abc", "red")));

        assertThat(problem.status().value()).isEqualTo(422);
        assertThat(problem.errors()).singleElement().satisfies(e -> {
            assertThat(e.pointer()).isEqualTo("/instances/1/0");
            assertThat(e.message()).contains("numeric", "\"abc\"");
        });
    }

    @Test
    void anArrayInACategoricalColumnIsRefused() {
        assertThat(problem(List.of(List.of(1, List.of("red")))).errors()).singleElement()
                .extracting(ProblemError::pointer).isEqualTo("/instances/0/1");
    }

    @Test
    void anEmptyListOrAnInstanceThatIsNoArrayNorObjectIsMalformed() {
        assertThat(problem(List.of()).status().value()).isEqualTo(400);
        ApiProblem scalar = problem(List.of(List.of(1, "red"), 7));
        assertThat(scalar.status().value()).isEqualTo(400);
        assertThat(scalar.errors()).extracting(ProblemError::pointer).containsExactly("/instances/1");
    }

    private ApiProblem problem(List<?> instances) {
        return catchThrowableOfType(ApiProblem.class, () -> encode(instances));
    }
}
