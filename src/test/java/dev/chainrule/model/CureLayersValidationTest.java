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

/** The rules for batch_norm layers, residual blocks and their initial parameters. */
class CureLayersValidationTest {

    private final ModelValidator validator = new ModelValidator(new ModelLimits(64, 20, 1000, 100_000, 2));

    private static ModelRequest.Layer dense(int units, String activation) {
        return new ModelRequest.Layer("dense", units, activation, null);
    }

    private static ModelRequest.Layer batchNorm(Double momentum, Double epsilon) {
        return new ModelRequest.Layer("batch_norm", null, null, null, momentum, epsilon, null, null);
    }

    private static ModelRequest.Layer residual(Boolean projection, ModelRequest.Layer... layers) {
        return new ModelRequest.Layer("residual", null, null, null, null, null, layers == null ? null
                : Arrays.asList(layers), projection);
    }

    private static ModelRequest request(Integer inputs, List<ModelRequest.Layer> layers,
            List<ModelRequest.Parameters> parameters) {
        return new ModelRequest("m", inputs, layers, "cross_entropy", null, null, null, parameters);
    }

    private List<Fault> faults(ModelRequest request) {
        InvalidInputException problem = catchThrowableOfType(InvalidInputException.class, () -> validator.validate(request));
        assertThat(problem).as("expected an invalid model").isNotNull();
        return problem.faults();
    }

    private List<String> pointers(ModelRequest request) {
        return faults(request).stream().map(Fault::pointer).toList();
    }

    @Test
    void batchNormTakesItsDefaultsAndResidualBlocksNest() {
        StoredModel model = validator.validate(request(null, List.of(dense(8, "relu"), batchNorm(null, null),
                residual(null, dense(8, "tanh"), residual(false, dense(8, "relu"))),
                residual(true, dense(4, "relu"), batchNorm(0.5, 1e-3)), dense(3, "softmax")), null));

        assertThat(model.layers()).containsExactly(new LayerSpec.Dense(8, Activation.RELU),
                new LayerSpec.BatchNorm(0.1, 1e-5),
                new LayerSpec.Residual(List.of(new LayerSpec.Dense(8, Activation.TANH),
                        new LayerSpec.Residual(List.of(new LayerSpec.Dense(8, Activation.RELU)), false)), false),
                new LayerSpec.Residual(List.of(new LayerSpec.Dense(4, Activation.RELU),
                        new LayerSpec.BatchNorm(0.5, 1e-3)), true),
                new LayerSpec.Dense(3, Activation.SOFTMAX));
        // 5·8+8 dense, 16 batch norm, 72 + 72 inner dense, 8·4+4 dense, 8 batch norm, 8·4+4 projection, 4·3+3
        assertThat(ModelValidator.parameterCount(5, model.layers())).isEqualTo(48 + 16 + 72 + 72 + 36 + 8 + 36 + 15);
    }

    @Test
    void batchNormFirstInAModelWithoutInputsIsRefused() {
        assertThat(pointers(request(null, List.of(batchNorm(null, null), dense(3, "softmax")), null)))
                .containsExactly("/layers/0");
        assertThat(validator.validate(request(4, List.of(batchNorm(null, null), dense(3, "softmax")), null))
                .layers()).hasSize(2);
    }

    @Test
    void epsilonAtOrBelowZeroAndMomentumOutsideZeroToOneAreRefused() {
        assertThat(pointers(request(4, List.of(batchNorm(1.5, 0.0), dense(4, "relu"), batchNorm(-0.1, -1e-5),
                dense(3, "softmax")), null)))
                .containsExactly("/layers/0/momentum", "/layers/0/epsilon", "/layers/2/momentum", "/layers/2/epsilon");
        assertThat(faults(request(4, List.of(batchNorm(0.1, 0.0), dense(3, "softmax")), null)).get(0).message())
                .contains("'epsilon' must be a finite number above 0, got 0.0");
    }

    @Test
    void aWidthMismatchWithoutProjectionAndAnEmptyBlockAreRefused() {
        List<Fault> faults = faults(request(4, List.of(dense(8, "relu"), residual(false, dense(6, "relu")),
                residual(null), residual(true), dense(3, "softmax")), null));

        assertThat(faults).extracting(Fault::pointer).containsExactly("/layers/1/layers", "/layers/2/layers",
                "/layers/3/layers");
        assertThat(faults.get(0).message()).contains("8 input columns into 6").contains("\"projection\": true");
    }

    @Test
    void nestingDeeperThanTheLimitIsRefused() {
        ModelRequest.Layer third = residual(false, dense(8, "relu"));
        assertThat(pointers(request(4, List.of(dense(8, "relu"), residual(false, residual(false, third)),
                dense(3, "softmax")), null))).containsExactly("/layers/1/layers/0/layers/0");
    }

    @Test
    void fieldsOfOtherLayerTypesAreRefusedInsideBlocks() {
        ModelRequest.Layer odd = new ModelRequest.Layer("batch_norm", 3, null, 0.2, null, null, null, true);
        assertThat(pointers(request(4, List.of(dense(8, "relu"), residual(false, odd), dense(3, "softmax")), null)))
                .containsExactly("/layers/1/layers/0/units", "/layers/1/layers/0/rate",
                        "/layers/1/layers/0/projection");
    }

    @Test
    void initialParametersFollowTheOrderOfLayersWithParameters() {
        List<ModelRequest.Layer> layers = List.of(dense(2, "relu"), batchNorm(null, null),
                residual(true, dense(1, "tanh")), dense(2, "softmax"));
        ModelRequest.Parameters first = new ModelRequest.Parameters(List.of(List.of(1.0, 2.0)), List.of(0.0, 0.0));
        ModelRequest.Parameters norm = new ModelRequest.Parameters(null, null, List.of(1.0, 1.0), List.of(0.0, 0.0),
                List.of(0.0, 0.0), List.of(1.0, -1.0));
        ModelRequest.Parameters inner = new ModelRequest.Parameters(List.of(List.of(1.0), List.of(2.0)), List.of(0.5));
        ModelRequest.Parameters projection = new ModelRequest.Parameters(List.of(List.of(1.0), List.of(1.0)),
                List.of(0.0));
        ModelRequest.Parameters last = new ModelRequest.Parameters(List.of(List.of(1.0, 2.0)), List.of(0.0, 0.0));

        assertThat(pointers(request(1, layers, List.of(first, norm, inner, projection, last))))
                .containsExactly("/parameters/1/runningVar/1");
        assertThat(pointers(request(1, layers, List.of(first, inner, norm, projection, last))))
                .containsExactly("/parameters/1/weights", "/parameters/2/weights");
        ModelRequest.Parameters fixed = new ModelRequest.Parameters(null, null, List.of(1.0, 1.0), List.of(0.0, 0.0),
                List.of(0.0, 0.0), List.of(1.0, 2.0));
        StoredModel model = validator.validate(request(1, layers, List.of(first, fixed, inner, projection, last)));
        assertThat(model.parameters().get(1).runningVar()).containsExactly(1.0, 2.0);
        assertThat(model.parameters().get(3).weights()).isDeepEqualTo(new double[][] {{1.0}, {1.0}});
    }
}
