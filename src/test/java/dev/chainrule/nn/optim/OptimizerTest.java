package dev.chainrule.nn.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import dev.chainrule.nn.kernel.Kernels;
import dev.chainrule.nn.kernel.fast.FastKernels;
import dev.chainrule.nn.kernel.reference.ReferenceKernels;

/**
 * Update rules of each kernel set against a scalar transcription of PyTorch's algorithms (the parity
 * fixtures cover every rule on real gradients; this covers weight decay on Adam too), and exact
 * state export and import, also from one kernel set to the other.
 */
class OptimizerTest {

    private static final int SIZE = 7;
    private static final int STEPS = 4;

    @ParameterizedTest(name = "{0} kernels")
    @MethodSource("dev.chainrule.nn.KernelSets#both")
    void rmsPropWithMomentumAndWeightDecayFollowsPyTorch(Kernels kernels) {
        OptimizerSpec.RmsProp spec = new OptimizerSpec.RmsProp(0.01, 0.9, 1e-8, 0.5, 0.1);
        double[][] gradients = gradients();
        double[] expected = start();
        double[] v = new double[SIZE];
        double[] buf = new double[SIZE];
        for (double[] step : gradients) {
            for (int i = 0; i < SIZE; i++) {
                double g = step[i] + 0.1 * expected[i];
                v[i] = 0.9 * v[i] + 0.1 * g * g;
                buf[i] = 0.5 * buf[i] + g / (Math.sqrt(v[i]) + 1e-8);
                expected[i] -= 0.01 * buf[i];
            }
        }
        assertClose(run(kernels, spec, gradients), expected);
    }

    @ParameterizedTest(name = "{0} kernels")
    @MethodSource("dev.chainrule.nn.KernelSets#both")
    void adamWithWeightDecayFollowsPyTorch(Kernels kernels) {
        OptimizerSpec.Adam spec = new OptimizerSpec.Adam(0.01, 0.8, 0.99, 1e-8, 0.05);
        double[][] gradients = gradients();
        double[] expected = start();
        double[] m = new double[SIZE];
        double[] v = new double[SIZE];
        for (int t = 1; t <= STEPS; t++) {
            for (int i = 0; i < SIZE; i++) {
                double g = gradients[t - 1][i] + 0.05 * expected[i];
                m[i] = 0.8 * m[i] + 0.2 * g;
                v[i] = 0.99 * v[i] + 0.01 * g * g;
                double denominator = Math.sqrt(v[i]) / Math.sqrt(1 - Math.pow(0.99, t)) + 1e-8;
                expected[i] -= 0.01 / (1 - Math.pow(0.8, t)) * m[i] / denominator;
            }
        }
        assertClose(run(kernels, spec, gradients), expected);
    }

    @ParameterizedTest(name = "{0} kernels")
    @MethodSource("dev.chainrule.nn.KernelSets#both")
    void exportedStateContinuesExactlyInAFreshOptimizer(Kernels kernels) {
        for (OptimizerSpec spec : new OptimizerSpec[] {new OptimizerSpec.Sgd(0.1, 0.9, true, 0.01),
                new OptimizerSpec.Adam(0.01, 0.9, 0.999, 1e-8, 0), new OptimizerSpec.RmsProp(0.01, 0.99, 1e-8, 0.9, 0)}) {
            double[][] gradients = gradients();
            INDArray straight = Nd4j.createFromArray(start()).castTo(DataType.FLOAT);
            Optimizer one = kernels.optimizer(spec, SIZE, DataType.FLOAT);
            INDArray resumed = straight.dup();
            Optimizer first = kernels.optimizer(spec, SIZE, DataType.FLOAT);
            for (int t = 0; t < 2; t++) {
                one.step(straight, Nd4j.createFromArray(gradients[t]).castTo(DataType.FLOAT), 0.1);
                first.step(resumed, Nd4j.createFromArray(gradients[t]).castTo(DataType.FLOAT), 0.1);
            }
            Optimizer second = kernels.optimizer(spec, SIZE, DataType.FLOAT);
            second.importState(first.exportState());
            for (int t = 2; t < STEPS; t++) {
                one.step(straight, Nd4j.createFromArray(gradients[t]).castTo(DataType.FLOAT), 0.1);
                second.step(resumed, Nd4j.createFromArray(gradients[t]).castTo(DataType.FLOAT), 0.1);
            }
            assertThat(resumed.toFloatVector()).as("%s", spec).containsExactly(straight.toFloatVector());
            assertThat(second.exportState().steps()).isEqualTo(STEPS);
        }
    }

    @Test
    void stateExportedByOneKernelSetContinuesInTheOther() {
        for (OptimizerSpec spec : new OptimizerSpec[] {new OptimizerSpec.Sgd(0.1, 0.9, true, 0.01),
                new OptimizerSpec.Adam(0.01, 0.9, 0.999, 1e-8, 0), new OptimizerSpec.RmsProp(0.01, 0.99, 1e-8, 0.9, 0)}) {
            double[][] gradients = gradients();
            INDArray straight = Nd4j.createFromArray(start());
            INDArray resumed = straight.dup();
            Optimizer fast = FastKernels.INSTANCE.optimizer(spec, SIZE, DataType.DOUBLE);
            Optimizer first = FastKernels.INSTANCE.optimizer(spec, SIZE, DataType.DOUBLE);
            for (int t = 0; t < STEPS; t++) {
                fast.step(straight, Nd4j.createFromArray(gradients[t]), 0.1);
            }
            for (int t = 0; t < 2; t++) {
                first.step(resumed, Nd4j.createFromArray(gradients[t]), 0.1);
            }
            Optimizer reference = ReferenceKernels.INSTANCE.optimizer(spec, SIZE, DataType.DOUBLE);
            reference.importState(first.exportState());
            for (int t = 2; t < STEPS; t++) {
                reference.step(resumed, Nd4j.createFromArray(gradients[t]), 0.1);
            }
            assertClose(resumed.toDoubleVector(), straight.toDoubleVector());
        }
    }

    @ParameterizedTest(name = "{0} kernels")
    @MethodSource("dev.chainrule.nn.KernelSets#both")
    void hyperParametersOutOfRangeAreRejected(Kernels kernels) {
        assertThatThrownBy(() -> kernels.optimizer(new OptimizerSpec.Adam(0.01, 1.0, 0.999, 1e-8, 0), SIZE,
                DataType.FLOAT)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("betas");
        assertThatThrownBy(() -> kernels.optimizer(new OptimizerSpec.Sgd(0.01, 0, true, 0), SIZE, DataType.FLOAT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Nesterov");
        assertThatThrownBy(() -> kernels.optimizer(new OptimizerSpec.RmsProp(0, 0.9, 1e-8, 0, 0), SIZE,
                DataType.FLOAT)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("learning rate");
    }

    private static double[] run(Kernels kernels, OptimizerSpec spec, double[][] gradients) {
        INDArray parameters = Nd4j.createFromArray(start());
        Optimizer optimizer = kernels.optimizer(spec, SIZE, DataType.DOUBLE);
        for (double[] g : gradients) {
            optimizer.step(parameters, Nd4j.createFromArray(g), spec.learningRate());
        }
        return parameters.toDoubleVector();
    }

    private static double[] start() {
        return new SplittableRandom(1).doubles(SIZE, -1, 1).toArray();
    }

    private static double[][] gradients() {
        SplittableRandom random = new SplittableRandom(2);
        double[][] g = new double[STEPS][];
        for (int t = 0; t < STEPS; t++) {
            g[t] = random.doubles(SIZE, -2, 2).toArray();
        }
        return g;
    }

    private static void assertClose(double[] actual, double[] expected) {
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("parameter %d", i).isCloseTo(expected[i], within(1e-12));
        }
    }
}
