package dev.chainrule.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.chainrule.fault.Fault;
import dev.chainrule.fault.InvalidInputException;
import dev.chainrule.nn.Activation;
import dev.chainrule.nn.LayerSpec;
import dev.chainrule.nn.Loss;
import dev.chainrule.nn.WeightInit;

class ModelValidatorTest {

    private final ModelValidator validator = new ModelValidator(new ModelLimits(64, 4, 1000, 10_000, 4));

    private static ModelRequest.Layer dense(Number units, String activation) {
        return new ModelRequest.Layer("dense", units, activation, null);
    }

    private static ModelRequest.Layer dropout(Double rate) {
        return new ModelRequest.Layer("dropout", null, null, rate);
    }

    private static ModelRequest request(Number inputs, List<ModelRequest.Layer> layers, String loss) {
        return new ModelRequest("m", inputs, layers, loss, null, null, null, null);
    }

    private static ModelRequest.Parameters params(double[][] weights, double... bias) {
        return new ModelRequest.Parameters(Arrays.stream(weights)
                .map(row -> Arrays.stream(row).boxed().toList()).toList(), Arrays.stream(bias).boxed().toList());
    }

    private List<Fault> faults(ModelRequest request) {
        InvalidInputException problem = catchThrowableOfType(InvalidInputException.class, () -> validator.validate(request));
        assertThat(problem).as("expected an invalid model").isNotNull();
        assertThat(problem.code()).isEqualTo("invalid-model");
        return problem.faults();
    }

    private List<String> pointers(ModelRequest request) {
        return faults(request).stream().map(Fault::pointer).toList();
    }

    @Test
    void resolvesDefaults() {
        StoredModel model = validator.validate(request(null,
                List.of(dense(8, "relu"), dropout(0.5), dense(3, "softmax")), "cross_entropy"));

        assertThat(model.layers()).containsExactly(new LayerSpec.Dense(8, Activation.RELU), new LayerSpec.Dropout(0.5),
                new LayerSpec.Dense(3, Activation.SOFTMAX));
        assertThat(model.weightInit()).isEqualTo(WeightInit.HE_NORMAL);
        assertThat(model.seed()).isZero();
        assertThat(model.l2()).isZero();
        assertThat(model.inputs()).isNull();
        assertThat(model.parameters()).isNull();
    }

    @Test
    void defaultsToXavierWhenTheFirstDenseLayerIsNotReluLike() {
        StoredModel model = validator.validate(request(2, List.of(dense(4, "tanh"), dense(1, "sigmoid")),
                "binary_cross_entropy"));

        assertThat(model.weightInit()).isEqualTo(WeightInit.XAVIER_UNIFORM);
        assertThat(model.loss()).isEqualTo(Loss.BINARY_CROSS_ENTROPY);
        assertThat(ModelValidator.parameterCount(2, model.layers())).isEqualTo(2 * 4 + 4 + 4 + 1);
    }

    @Test
    void unknownNamesAreNamedByPointer() {
        ModelRequest request = new ModelRequest("m", null,
                List.of(new ModelRequest.Layer("conv", 3, null, null), dense(3, "swish")), "hinge", "lecun", null, null,
                null);

        List<Fault> faults = faults(request);

        assertThat(faults).extracting(Fault::pointer)
                .containsExactly("/layers/0/type", "/layers/1/activation", "/loss", "/weightInit");
        assertThat(faults.get(1).message()).contains("'swish'", "relu", "softmax");
    }

    @Test
    void unitsMustBeAWholeNumberWithinTheCap() {
        assertThat(pointers(request(null, List.of(dense(0, "relu"), dense(1.5, "relu"), dense(65, "relu"),
                dense(2.0, "identity")), "mse"))).containsExactly("/layers/0/units", "/layers/1/units", "/layers/2/units");
        assertThat(faults(request(null, List.of(dense(65, "identity")), "mse")).get(0).message())
                .contains("between 1 and 64", "65");
    }

    @Test
    void dropoutRateMustLieInZeroToOneExclusive() {
        assertThat(pointers(request(null, List.of(dropout(1.0), dropout(-0.1), dropout(null), dense(1, "identity")),
                "mse"))).containsExactly("/layers/0/rate", "/layers/1/rate", "/layers/2/rate");
        assertThat(validator.validate(request(null, List.of(dropout(0.0), dense(1, "identity")), "mse")).layers())
                .hasSize(2);
    }

    @Test
    void fieldsOfTheOtherLayerTypeAreRefused() {
        assertThat(pointers(request(null, List.of(new ModelRequest.Layer("dense", 3, "relu", 0.5),
                new ModelRequest.Layer("dropout", 3, null, 0.5), dense(1, "identity")), "mse")))
                .containsExactly("/layers/0/rate", "/layers/1/units");
    }

    @Test
    void theLastLayerMustBeDenseAndLayersMustExist() {
        assertThat(pointers(request(null, List.of(dense(3, "relu"), dropout(0.2)), "mse"))).containsExactly("/layers/1");
        assertThat(pointers(request(null, List.of(), "mse"))).containsExactly("/layers");
        assertThat(pointers(request(null, null, "mse"))).containsExactly("/layers");
    }

    @Test
    void theLossMustFitTheOutputActivation() {
        List<Fault> faults = faults(request(null, List.of(dense(3, "sigmoid")), "cross_entropy"));

        assertThat(faults).singleElement().satisfies(f -> {
            assertThat(f.pointer()).isEqualTo("/loss");
            assertThat(f.message()).contains("softmax output layer", "'sigmoid'");
        });
        assertThat(pointers(request(null, List.of(dense(3, "softmax")), "mse"))).containsExactly("/loss");
        assertThat(pointers(request(null, List.of(dense(1, "relu")), "binary_cross_entropy"))).containsExactly("/loss");
    }

    @Test
    void nameSeedAndL2AreChecked() {
        ModelRequest request = new ModelRequest(" ", 0, List.of(dense(1, "identity")), "mse", null, 1.5, -0.1, null);

        assertThat(pointers(request)).containsExactly("/name", "/inputs", "/seed", "/l2");
    }

    @Test
    void tooManyLayersOrParametersAreRefused() {
        var five = List.of(dense(1, "relu"), dense(1, "relu"), dense(1, "relu"), dense(1, "relu"), dense(1, "identity"));
        assertThat(pointers(request(null, five, "mse"))).containsExactly("/layers");
        // 1000 inputs x 64 units alone exceed the cap of 10,000 parameters.
        assertThat(faults(request(1000, List.of(dense(64, "relu"), dense(1, "identity")), "mse")))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("64129 parameters"));
    }

    @Test
    void explicitParametersFixTheInputWidthWhenInputsIsAbsent() {
        ModelRequest request = new ModelRequest("m", null, List.of(dense(2, "tanh"), dense(1, "identity")), "mse",
                null, null, null, List.of(params(new double[][] {{0.1, 0.2}, {0.3, 0.4}, {0.5, 0.6}}, 0, 1),
                        params(new double[][] {{1}, {-1}}, 0.5)));

        StoredModel model = validator.validate(request);

        assertThat(model.inputs()).isEqualTo(3);
        assertThat(model.parameters().get(0).weights()[2]).containsExactly(0.5, 0.6);
        assertThat(model.parameters().get(1).bias()).containsExactly(0.5);
    }

    @Test
    void parameterShapesMustFitTheLayers() {
        var layers = List.of(dense(2, "tanh"), dropout(0.1), dense(1, "identity"));
        ModelRequest wrongRows = new ModelRequest("m", 3, layers, "mse", null, null, null,
                List.of(params(new double[][] {{1, 2}, {3, 4}}, 0, 0), params(new double[][] {{1}, {2}, {3}}, 0)));
        ModelRequest wrongWidth = new ModelRequest("m", 2, layers, "mse", null, null, null,
                List.of(params(new double[][] {{1, 2}, {3}}, 0), params(new double[][] {{1}, {2}}, 0)));
        ModelRequest wrongCount = new ModelRequest("m", 2, layers, "mse", null, null, null,
                List.of(params(new double[][] {{1, 2}, {3, 4}}, 0, 0)));

        assertThat(pointers(wrongRows)).containsExactly("/parameters/0/weights", "/parameters/1/weights");
        assertThat(faults(wrongRows).get(0).message()).contains("3 inputs");
        assertThat(pointers(wrongWidth)).containsExactly("/parameters/0/weights/1", "/parameters/0/bias");
        assertThat(pointers(wrongCount)).containsExactly("/parameters");
    }

    @Test
    void parametersMustBeFiniteNumbers() {
        ModelRequest.Parameters holes = new ModelRequest.Parameters(
                List.of(Arrays.asList(1.0, null), List.of(Double.POSITIVE_INFINITY, 2.0)), List.of(0.0, 0.0));
        ModelRequest request = new ModelRequest("m", null, List.of(dense(2, "identity")), "mse", null, null, null,
                List.of(holes));

        assertThat(pointers(request)).containsExactly("/parameters/0/weights/0/1", "/parameters/0/weights/1/0");
    }
}
