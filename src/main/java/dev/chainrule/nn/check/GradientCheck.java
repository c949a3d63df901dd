package dev.chainrule.nn.check;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import dev.chainrule.nn.LayerParameters;
import dev.chainrule.nn.FlatLayers;
import dev.chainrule.nn.LayerPass;
import dev.chainrule.nn.LayerSpec;
import dev.chainrule.nn.Network;
import dev.chainrule.nn.NetworkSpec;
import dev.chainrule.nn.Parameter;
import dev.chainrule.nn.Precision;

/**
 * Backpropagated gradients against central differences, in float64 with dropout off, on a sample of
 * every parameter tensor (dense weights and bias, batch norm's γ and β, residual projections) and of
 * every top-level layer's input. The comparison is DL4J's ({@code GradientCheckUtil}):
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
     * Checks {@code spec} with {@code parameters} (one entry per layer with parameters) on rows {@code x},
     * targets {@code y}, at most {@code samples} values per tensor, drawn from {@code seed}. Entries name
     * layers as {@link FlatLayers} numbers them; the input of a top-level layer (a residual block's
     * input is that of its first layer) is checked on the network cut before it.
     */
    public static Result check(NetworkSpec spec, List<LayerParameters> parameters, INDArray x, INDArray y,
            int samples, long seed) {
        NetworkSpec withoutDropout = new NetworkSpec(spec.inputs(), withoutDropout(spec.layers()), spec.loss(),
                spec.weightInit(), spec.seed(), spec.l2());
        Network network = Network.create(withoutDropout, Precision.FLOAT64, parameters);
        INDArray features = x.castTo(DataType.DOUBLE).dup();
        INDArray targets = y.castTo(DataType.DOUBLE).dup();
        INDArray inputGradient = network.inputGradient(features, targets, NO_DROPOUT).dup();
        INDArray gradients = network.gradientVector().dup();
        List<LayerPass> passes = network.lastPass();
        List<FlatLayers.Layer> flat = FlatLayers.of(withoutDropout.layers());
        SplittableRandom random = new SplittableRandom(seed);
        List<Entry> entries = new ArrayList<>();
        List<Parameter> all = network.parameters();
        int parameterIndex = 0;
        int entriesBefore = 0;
        for (int k = 0; k < spec.layers().size(); k++) {
            if (spec.layers().get(k) instanceof LayerSpec.Dropout) {
                continue;
            }
            String top = String.valueOf(k);
            List<Integer> leaves = new ArrayList<>();
            for (int i = 0; i < flat.size(); i++) {
                String path = flat.get(i).path();
                if (path.equals(top) || path.startsWith(top + ".")) {
                    leaves.add(i);
                }
            }
            INDArray input = k == 0 ? features : inputOf(leaves, passes).dup();
            Network rest = k == 0 ? network : tail(withoutDropout, parameters, k, entriesBefore, (int) input.columns());
            INDArray analyticInput = k == 0 ? inputGradient : rest.inputGradient(input, targets, NO_DROPOUT).dup();
            entries.add(probe(leaves.get(0), "input", values(input, analyticInput, () -> loss(rest, input, targets)),
                    samples, random));
            for (int leaf : leaves) {
                if (!flat.get(leaf).hasParameters()) {
                    continue;
                }
                entriesBefore++;
                for (int p = 0; p < 2; p++) {
                    Parameter parameter = all.get(parameterIndex++);
                    entries.add(probe(leaf, parameter.name(), parameterProbe(network, gradients, parameter, features,
                            targets), samples, random));
                }
            }
        }
        double worst = entries.stream().mapToDouble(Entry::maxRelativeError).max().orElse(0);
        return new Result(worst <= THRESHOLD, worst, THRESHOLD, entries);
    }

    private static Probe parameterProbe(Network network, INDArray gradients, Parameter parameter, INDArray features,
            INDArray targets) {
        long from = parameter.offset();
        int length = (int) (parameter.rows() * parameter.columns());
        return new Probe() {
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
        };
    }

    /** The input of a top-level layer: that of its first leaf that saw one (dropout at rate 0 keeps none). */
    private static INDArray inputOf(List<Integer> leaves, List<LayerPass> passes) {
        for (int leaf : leaves) {
            if (passes.get(leaf).input() != null) {
                return passes.get(leaf).input();
            }
        }
        throw new IllegalStateException("no layer of the block saw an input");
    }

    /** The layers with every dropout rate set to 0: the same structure, no randomness. */
    private static List<LayerSpec> withoutDropout(List<LayerSpec> layers) {
        return layers.stream().map(layer -> layer instanceof LayerSpec.Dropout ? new LayerSpec.Dropout(0)
                : layer instanceof LayerSpec.Residual r ? new LayerSpec.Residual(withoutDropout(r.layers()),
                        r.projection()) : layer).toList();
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

    /** The network from top-level layer {@code from} on, taking that layer's input as its own. */
    private static Network tail(NetworkSpec spec, List<LayerParameters> parameters, int from, int entriesBefore,
            int inputs) {
        NetworkSpec rest = new NetworkSpec(inputs, spec.layers().subList(from, spec.layers().size()), spec.loss(),
                spec.weightInit(), spec.seed(), spec.l2());
        return Network.create(rest, Precision.FLOAT64, parameters.subList(entriesBefore, parameters.size()));
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
