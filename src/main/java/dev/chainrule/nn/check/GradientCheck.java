package dev.chainrule.nn.check;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import dev.chainrule.nn.LayerParameters;
import dev.chainrule.nn.LayerPass;
import dev.chainrule.nn.LayerSpec;
import dev.chainrule.nn.Network;
import dev.chainrule.nn.NetworkSpec;
import dev.chainrule.nn.Parameter;
import dev.chainrule.nn.Precision;

/**
 * Backpropagated gradients against central differences, in float64 with dropout off, on a sample of
 * every dense layer's weights, bias and input. The comparison is DL4J's ({@code GradientCheckUtil}):
 * the relative error {@code |a − n| / (|a| + |n|)}, where a difference below an absolute floor counts
 * as agreement (tiny gradients have meaningless relative errors), see {@link #relativeError}.
 *
 * <p>A layer's input is checked on the network cut before that layer: the rest of the network gets
 * the layer's input as its own, so a perturbation of it runs through exactly the layers above.
 */
public final class GradientCheck {

    /** The perturbation of central differences, DL4J's default. */
    public static final double STEP = 1e-6;
    /** Largest relative error that passes. */
    public static final double THRESHOLD = 1e-5;
    /** A difference below this passes whatever its relative error. */
    public static final double ABSOLUTE_FLOOR = 1e-8;

    private static final long NO_DROPOUT = 0;

    private GradientCheck() {
    }

    /** Every check of one tensor: the model's layer (from 0), its name, how many values, the worst error. */
    public record Entry(int layer, String parameter, int checked, double maxRelativeError) {
    }

    public record Result(boolean passed, double maxRelativeError, double threshold, List<Entry> entries) {
    }

    /** One tensor under check: its size, the analytic gradient of each value, the loss with one value moved. */
    public interface Probe {
        int size();

        double analytic(int index);

        double lossWith(int index, double delta);
    }

    /**
     * Checks {@code spec} with {@code parameters} (one entry per dense layer) on rows {@code x}, targets
     * {@code y}, at most {@code samples} values per tensor, drawn from {@code seed}.
     */
    public static Result check(NetworkSpec spec, List<LayerParameters> parameters, INDArray x, INDArray y,
            int samples, long seed) {
        List<Integer> modelIndex = new ArrayList<>();
        List<LayerSpec> dense = new ArrayList<>();
        for (int i = 0; i < spec.layers().size(); i++) {
            if (spec.layers().get(i) instanceof LayerSpec.Dense) {
                modelIndex.add(i);
                dense.add(spec.layers().get(i));
            }
        }
        NetworkSpec withoutDropout = new NetworkSpec(spec.inputs(), dense, spec.loss(), spec.weightInit(), spec.seed(),
                spec.l2());
        Network network = Network.create(withoutDropout, Precision.FLOAT64, parameters);
        INDArray features = x.castTo(DataType.DOUBLE).dup();
        INDArray targets = y.castTo(DataType.DOUBLE).dup();
        INDArray inputGradient = network.inputGradient(features, targets, NO_DROPOUT).dup();
        INDArray gradients = network.gradientVector().dup();
        List<LayerPass> passes = network.lastPass();
        List<INDArray> layerInputs = new ArrayList<>();
        List<INDArray> layerInputGradients = new ArrayList<>();
        for (LayerPass pass : passes) {
            layerInputs.add(pass.input().dup());
            layerInputGradients.add(pass.dLdInput() == null ? null : pass.dLdInput().dup());
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Entry> entries = new ArrayList<>();
        List<Parameter> all = network.parameters();
        long offset = 0;
        int parameterIndex = 0;
        for (int k = 0; k < dense.size(); k++) {
            int layer = modelIndex.get(k);
            INDArray input = k == 0 ? features : layerInputs.get(k);
            INDArray analyticInput = k == 0 ? inputGradient : layerInputGradients.get(k);
            Network rest = k == 0 ? network : tail(withoutDropout, parameters, k, (int) input.columns());
            entries.add(probe(layer, "input", values(input, analyticInput, () -> loss(rest, input, targets)), samples,
                    random));
            for (int p = 0; p < 2; p++) {
                Parameter parameter = all.get(parameterIndex++);
                long from = offset;
                int length = (int) (parameter.rows() * parameter.columns());
                entries.add(probe(layer, parameter.name(), new Probe() {
                    @Override
                    public int size() {
                        return length;
                    }

                    @Override
                    public double analytic(int index) {
                        return gradients.getDouble(from + index);
                    }

                    @Override
                    public double lossWith(int index, double delta) {
                        INDArray theta = network.parameterVector();
                        double original = theta.getDouble(from + index);
                        theta.putScalar(from + index, original + delta);
                        double loss = loss(network, features, targets);
                        theta.putScalar(from + index, original);
                        return loss;
                    }
                }, samples, random));
                offset += length;
            }
        }
        double worst = entries.stream().mapToDouble(Entry::maxRelativeError).max().orElse(0);
        return new Result(worst <= THRESHOLD, worst, THRESHOLD, entries);
    }

    /** Compares {@code probe} on at most {@code samples} of its values, drawn from {@code random}. */
    public static Entry probe(int layer, String parameter, Probe probe, int samples, SplittableRandom random) {
        double worst = 0;
        int[] indices = sample(probe.size(), samples, random);
        for (int index : indices) {
            double numeric = (probe.lossWith(index, STEP) - probe.lossWith(index, -STEP)) / (2 * STEP);
            worst = Math.max(worst, relativeError(probe.analytic(index), numeric));
        }
        return new Entry(layer, parameter, indices.length, worst);
    }

    /**
     * {@code |a − n| / (|a| + |n|)} (0 when both are 0); a relative error above {@link #THRESHOLD} on a
     * difference below {@link #ABSOLUTE_FLOOR} is reported as 0, since both gradients are then too small
     * for their ratio to mean anything.
     */
    public static double relativeError(double analytic, double numeric) {
        double difference = Math.abs(analytic - numeric);
        if (difference == 0) {
            return 0;
        }
        double relative = difference / (Math.abs(analytic) + Math.abs(numeric));
        return difference < ABSOLUTE_FLOOR && relative > THRESHOLD ? 0 : relative;
    }

    private interface LossOf {
        double get();
    }

    private static Probe values(INDArray values, INDArray analytic, LossOf loss) {
        return new Probe() {
            @Override
            public int size() {
                return (int) values.length();
            }

            @Override
            public double analytic(int index) {
                return analytic.getDouble(index / values.columns(), index % values.columns());
            }

            @Override
            public double lossWith(int index, double delta) {
                long row = index / values.columns();
                long column = index % values.columns();
                double original = values.getDouble(row, column);
                values.putScalar(row, column, original + delta);
                double value = loss.get();
                values.putScalar(row, column, original);
                return value;
            }
        };
    }

    private static double loss(Network network, INDArray x, INDArray y) {
        return network.computeGradients(x, y, NO_DROPOUT);
    }

    /** The network from dense layer {@code from} on, taking that layer's input as its own. */
    private static Network tail(NetworkSpec spec, List<LayerParameters> parameters, int from, int inputs) {
        NetworkSpec rest = new NetworkSpec(inputs, spec.layers().subList(from, spec.layers().size()), spec.loss(),
                spec.weightInit(), spec.seed(), spec.l2());
        return Network.create(rest, Precision.FLOAT64, parameters.subList(from, parameters.size()));
    }

    /** {@code count} distinct indices below {@code size} (all of them when there are no more). */
    static int[] sample(int size, int count, SplittableRandom random) {
        if (size <= count) {
            return java.util.stream.IntStream.range(0, size).toArray();
        }
        Set<Integer> chosen = new LinkedHashSet<>();
        while (chosen.size() < count) {
            chosen.add(random.nextInt(size));
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }
}
