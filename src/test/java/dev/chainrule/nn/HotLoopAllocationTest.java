package dev.chainrule.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import dev.chainrule.nn.kernel.fast.FastKernels;
import dev.chainrule.nn.optim.Optimizer;
import dev.chainrule.nn.optim.OptimizerSpec;
import dev.chainrule.nn.train.TelemetryCollector;

/**
 * The fast kernels' training step (forward, loss, backward, optimizer step) allocates nothing once
 * its buffers exist: no heap object and no off-heap memory per batch, whatever the batch. Measured
 * with the JVM's per-thread allocation counter over many batches, after the buffers of both batch
 * sizes have been made. The same holds with the per-layer telemetry gathered around every step.
 */
class HotLoopAllocationTest {

    private static final int BATCHES = 400;

    @BeforeAll
    static void pinThreads() {
        Nd4jThreads.pin(1);
    }

    static Stream<Arguments> setups() {
        List<OptimizerSpec> optimizers = List.of(new OptimizerSpec.Sgd(0.01, 0.9, true, 1e-4),
                new OptimizerSpec.Adam(1e-3, 0.9, 0.999, 1e-8, 0), new OptimizerSpec.RmsProp(1e-3, 0.99, 1e-8, 0.5, 0));
        return Stream.of(Precision.values()).flatMap(precision -> Stream.of(false, true).flatMap(telemetry -> Stream.of(
                Arguments.of(precision, Activation.SOFTMAX, Loss.CROSS_ENTROPY, optimizers.get(0), 0.0, telemetry),
                Arguments.of(precision, Activation.SOFTMAX, Loss.CROSS_ENTROPY, optimizers.get(1), 0.0, telemetry),
                Arguments.of(precision, Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY, optimizers.get(2), 1e-4,
                        telemetry),
                Arguments.of(precision, Activation.IDENTITY, Loss.HUBER, optimizers.get(1), 0.0, telemetry))));
    }

    @ParameterizedTest(name = "{0}, {1} + {2}, {3}, l2 {4}, telemetry {5}")
    @MethodSource("setups")
    void aReluNetworksTrainingStepAllocatesNothing(Precision precision, Activation output, Loss loss,
            OptimizerSpec optimizerSpec, double l2, boolean withTelemetry) {
        NetworkSpec spec = new NetworkSpec(20, List.of(new LayerSpec.Dense(32, Activation.RELU),
                new LayerSpec.Dense(16, Activation.RELU), new LayerSpec.Dense(4, output)), loss,
                WeightInit.HE_UNIFORM, 1, l2);
        Network network = Network.create(spec, precision, FastKernels.INSTANCE);
        Optimizer optimizer = network.kernels().optimizer(optimizerSpec, network.parameterVector().length(),
                network.dataType());
        INDArray[][] batches = {batch(32, spec, loss, network, 1), batch(7, spec, loss, network, 2)};
        TelemetryCollector telemetry = withTelemetry ? new TelemetryCollector(network) : null;
        for (int b = 0; b < 50; b++) {
            step(network, optimizer, telemetry, batches[b % 2], b);
        }

        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long offHeapBefore = Pointer.totalBytes();
        long heapBefore = threads.getCurrentThreadAllocatedBytes();
        for (int b = 0; b < BATCHES; b++) {
            step(network, optimizer, telemetry, batches[b % 2], b);
        }
        long heapBytes = threads.getCurrentThreadAllocatedBytes() - heapBefore;
        long offHeapBytes = Pointer.totalBytes() - offHeapBefore;

        // The counter is process-wide: JavaCPP's deallocator may free earlier tests' buffers meanwhile,
        // which can only lower it, so any allocation here still shows as a rise.
        assertThat(offHeapBytes).as("off-heap bytes over %d batches", BATCHES).isLessThanOrEqualTo(0L);
        // the smallest object is 16 bytes: fewer bytes than one object per batch means none is made
        // (the counter may see a few hundred bytes of the JVM's own now and then)
        assertThat(heapBytes).as("heap bytes over %d batches", BATCHES).isLessThan(16L * BATCHES);
    }

    /** One step as the trainer takes it; the telemetry's epoch-start sample is taken in the warm-up. */
    private static void step(Network network, Optimizer optimizer, TelemetryCollector telemetry, INDArray[] batch,
            long seed) {
        network.computeGradients(batch[0], batch[1], seed);
        if (telemetry != null) {
            telemetry.afterBackward();
        }
        optimizer.step(network.parameterVector(), network.gradientVector(), 1e-3);
        if (telemetry != null) {
            telemetry.afterStep();
        }
    }

    private static INDArray[] batch(int rows, NetworkSpec spec, Loss loss, Network network, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[rows][spec.inputs()];
        double[][] y = new double[rows][network.outputs()];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < spec.inputs(); j++) {
                x[r][j] = random.nextGaussian();
            }
            for (int j = 0; j < network.outputs(); j++) {
                y[r][j] = loss == Loss.CROSS_ENTROPY ? (j == r % network.outputs() ? 1 : 0)
                        : loss == Loss.BINARY_CROSS_ENTROPY ? random.nextInt(2) : random.nextGaussian();
            }
        }
        return new INDArray[] {Nd4j.createFromArray(x).castTo(network.dataType()),
                Nd4j.createFromArray(y).castTo(network.dataType())};
    }
}
