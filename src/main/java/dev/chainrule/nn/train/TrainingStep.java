package dev.chainrule.nn.train;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

import dev.chainrule.nn.LayerParameters;
import dev.chainrule.nn.FlatLayers;
import dev.chainrule.nn.LayerPass;
import dev.chainrule.nn.LayerSpec;
import dev.chainrule.nn.Network;
import dev.chainrule.nn.Parameter;
import dev.chainrule.nn.Seeds;
import dev.chainrule.nn.optim.Optimizer;
import dev.chainrule.nn.optim.OptimizerSpec;

/**
 * One training step shown value by value: forward, loss, backward and one update, computed exactly
 * as {@link Trainer} computes the first batch of a run (the same calls, the same dropout masks, an
 * optimizer made the same way with fresh state). A one-epoch, full-batch run without shuffling on
 * the same rows therefore ends with the parameters this step ends with, bit for bit.
 */
public final class TrainingStep {

    private TrainingStep() {
    }

    /** The seed of the dropout masks the trainer draws for {@code batch} of {@code epoch} (both from 0). */
    public static long dropoutSeed(long seed, int epoch, int batch) {
        return Seeds.mix(seed ^ TrainingLoop.DROPOUT_SALT, epoch, batch);
    }

    /**
     * Runs the step on {@code network} (its parameters are updated in place) with the trainer's first
     * batch's dropout seed for a job of seed {@code seed}. {@code lossAfter} is the loss on the same rows
     * with the same dropout masks after the update.
     */
    public static Trace run(Network network, INDArray features, INDArray targets, OptimizerSpec spec, long seed) {
        long dropoutSeed = dropoutSeed(seed, 0, 0);
        double loss = network.computeGradients(features, targets, dropoutSeed);
        List<FlatLayers.Layer> flat = FlatLayers.of(network.spec().layers());
        List<LayerPass> passes = network.lastPass();
        List<LayerTrace> layers = new ArrayList<>(passes.size());
        for (int i = 0; i < passes.size(); i++) {
            layers.add(capture(i, flat.get(i).kind(), passes.get(i)));
        }
        Optimizer optimizer = network.kernels().optimizer(spec, network.parameterVector().length(),
                network.dataType());
        optimizer.step(network.parameterVector(), network.gradientVector(), spec.learningRate());
        List<LayerTrace> updated = new ArrayList<>(layers.size());
        for (int i = 0; i < layers.size(); i++) {
            updated.add(layers.get(i).withUpdate(passes.get(i).parameters()));
        }
        double lossAfter = network.computeGradients(features, targets, dropoutSeed);
        return new Trace(loss, lossAfter, updated, network.exportParameters());
    }

    private static LayerTrace capture(int index, String kind, LayerPass pass) {
        Parameter weights = first(pass.parameters());
        Parameter bias = second(pass.parameters());
        return new LayerTrace(index, kind, matrix(weights == null ? null : weights.value()),
                vector(bias == null ? null : bias.value()), matrix(pass.z()), matrix(pass.a()), matrix(pass.dLda()),
                matrix(pass.dLdz()), matrix(weights == null ? null : weights.gradient()),
                vector(bias == null ? null : bias.gradient()), null, null);
    }

    /** Weights, or batch norm's γ. */
    private static Parameter first(List<Parameter> parameters) {
        return parameters.isEmpty() ? null : parameters.get(0);
    }

    /** Bias, or batch norm's β. */
    private static Parameter second(List<Parameter> parameters) {
        return parameters.size() < 2 ? null : parameters.get(1);
    }

    private static double[][] matrix(INDArray array) {
        return array == null ? null : array.toDoubleMatrix();
    }

    private static double[] vector(INDArray array) {
        return array == null ? null : array.toDoubleVector();
    }

    /** What the step computed; every array a copy in double precision (exact for float32). */
    public record Trace(double loss, double lossAfter, List<LayerTrace> layers, List<LayerParameters> parametersAfter) {
    }

    /**
     * One layer of the step: {@code layer} is its position in the model (from 0). For the output layer
     * {@code a} and {@code dLda} are those of the output activation; {@code dLda} is null where the loss
     * is fused with it. A dropout layer has only {@code a}, {@code dLda} and no parameters. A batch_norm
     * layer has no {@code z} and shows γ as {@code weights} (one row) and β as {@code bias}, their
     * gradients as {@code dLdW} and {@code dLdb}; layers inside residual blocks are numbered as in
     * {@link FlatLayers}. The update is
     * the change the optimizer made to each parameter (after − before).
     */
    public record LayerTrace(int layer, String kind, double[][] weights, double[] bias, double[][] z, double[][] a,
            double[][] dLda, double[][] dLdz, double[][] dLdW, double[] dLdb, double[][] updateWeights,
            double[] updateBias) {

        LayerTrace withUpdate(List<Parameter> parameters) {
            Parameter w = first(parameters);
            Parameter b = second(parameters);
            if (w == null || b == null) {
                return this;
            }
            double[][] after = w.value().toDoubleMatrix();
            double[][] dW = new double[after.length][];
            for (int r = 0; r < after.length; r++) {
                dW[r] = difference(after[r], weights[r]);
            }
            return new LayerTrace(layer, kind, weights, bias, z, a, dLda, dLdz, dLdW, dLdb, dW,
                    difference(b.value().toDoubleVector(), bias));
        }

        private static double[] difference(double[] after, double[] before) {
            double[] d = new double[after.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = after[i] - before[i];
            }
            return d;
        }
    }
}
