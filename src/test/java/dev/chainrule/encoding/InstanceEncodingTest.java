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
import dev.chainrule.fault.DomainException;
import dev.chainrule.fault.Fault;
import dev.chainrule.fault.InvalidInputException;
import dev.chainrule.fault.MalformedInputException;
import dev.chainrule.nn.Loss;
import dev.chainrule.nn.Precision;

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
        assertThat(problem(List.of(List.of(1, "red"), List.of(1), List.of(1, "red", 3))).faults())
                .extracting(Fault::pointer).containsExactly("/instances/1", "/instances/2");
    }

    @Test
    void unknownAndMissingColumnsAreNamedByPointer() {
        Map<String, Object> typo = new LinkedHashMap<>();
        typo.put("x", 1);
        typo.put("colour", "red");
        Map<String, Object> slash = new HashMap<>(Map.of("x", 1, "color", "red", "a/b", 2));

        DomainException problem = problem(List.of(typo, slash));

        assertThat(problem).isInstanceOf(InvalidInputException.class);
        assertThat(problem.faults()).extracting(Fault::pointer)
                .containsExactly("/instances/0/colour", "/instances/0/color", "/instances/1/a~1b");
        assertThat(problem.faults().get(1).message()).contains("lacks column 'color'");
    }

    @Test
    void aStringInANumericColumnIsNamedByIndex() {
        DomainException problem = problem(List.of(List.of(1, "red"), List.of("abc", "red")));

        assertThat(problem).isInstanceOf(InvalidInputException.class);
        assertThat(problem.faults()).singleElement().satisfies(e -> {
            assertThat(e.pointer()).isEqualTo("/instances/1/0");
            assertThat(e.message()).contains("numeric", "\"abc\"");
        });
    }

    @Test
    void anArrayInACategoricalColumnIsRefused() {
        assertThat(problem(List.of(List.of(1, List.of("red")))).faults()).singleElement()
                .extracting(Fault::pointer).isEqualTo("/instances/0/1");
    }

    @Test
    void anEmptyListOrAnInstanceThatIsNoArrayNorObjectIsMalformed() {
        assertThat(problem(List.of())).isInstanceOf(MalformedInputException.class);
        DomainException scalar = problem(List.of(List.of(1, "red"), 7));
        assertThat(scalar).isInstanceOf(MalformedInputException.class);
        assertThat(scalar.faults()).extracting(Fault::pointer).containsExactly("/instances/1");
    }

    private DomainException problem(List<?> instances) {
        return catchThrowableOfType(DomainException.class, () -> encode(instances));
    }
}
