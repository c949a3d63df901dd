package dev.chainrule.diagnosis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reads a job's per-layer telemetry and history and names what went wrong. Each telemetry rule is
 * judged on the last finished epoch; a finding's {@code fromEpoch} is where the unbroken run of epochs
 * in which the rule held began. The thresholds are the constants below, documented in
 * {@code docs/telemetry.md}.
 */
public final class Diagnoser {

    /** First layer's error signal or gradient norm below this share of the last layer's. */
    static final double VANISHING_RATIO = 1e-2;
    /** First layer's error signal or gradient norm above this multiple of the last layer's. */
    static final double EXPLODING_RATIO = 1e2;
    /** An update larger than the weights themselves. */
    static final double EXPLODING_UPDATE = 1.0;
    static final double DEAD_FRACTION = 0.5;
    static final double ALL_DEAD = 0.9;
    static final double SATURATED_FRACTION = 0.5;
    /** DL4J's rule of thumb: ‖ΔW‖/‖W‖ around 1e-3, roughly within [1e-4, 1e-2]. */
    static final double UPDATE_HIGH = 1e-2;
    static final double UPDATE_LOW = 1e-4;
    static final double UPDATE_TARGET = 1e-3;
    /** Validation loss this much above its best, at least this many epochs after it. */
    static final double OVERFIT_RISE = 1.1;
    static final int OVERFIT_EPOCHS = 3;
    /** Training loss this many times its lowest earlier value. */
    static final double DIVERGED_RISE = 10;

    private static final String WARNING = "warning";
    private static final String CRITICAL = "critical";

    private final TrainingRecord record;
    private final NavigableMap<Integer, NavigableMap<Integer, LayerTelemetryView>> byEpoch = new TreeMap<>();
    private final List<Finding> findings = new ArrayList<>();

    private Diagnoser(TrainingRecord record) {
        this.record = record;
        for (LayerTelemetryView t : record.layers()) {
            byEpoch.computeIfAbsent(t.epoch(), e -> new TreeMap<>()).put(t.layer(), t);
        }
    }

    public static Diagnosis diagnose(TrainingRecord record) {
        Diagnoser d = new Diagnoser(record);
        d.diverged();
        if (!d.byEpoch.isEmpty()) {
            d.vanishing();
            d.exploding();
            d.deadRelu();
            d.saturation();
            d.learningRate();
        }
        d.overfitting();
        return new Diagnosis(List.copyOf(d.findings));
    }

    private void vanishing() {
        NavigableMap<Integer, LayerTelemetryView> last = byEpoch.lastEntry().getValue();
        if (last.size() < 2) {
            return;
        }
        Predicate<NavigableMap<Integer, LayerTelemetryView>> vanishes = layers -> layers.size() >= 2
                && (below(ratio(layers, LayerTelemetryView::errorNorm), VANISHING_RATIO)
                        || below(ratio(layers, LayerTelemetryView::gradientNorm), VANISHING_RATIO)
                        || below(ratio(layers, LayerTelemetryView::updateRatio), VANISHING_RATIO));
        if (!vanishes.test(last)) {
            return;
        }
        Map<String, Double> evidence = firstAgainstLast(last);
        evidence.put("threshold", VANISHING_RATIO);
        boolean squashing = hiddenActivations(last).stream().anyMatch(a -> "sigmoid".equals(a) || "tanh".equals(a));
        String advice = (squashing
                ? "The sigmoid/tanh hidden layers shrink the error signal at every layer (their derivative is at most "
                        + "0.25/1): use relu (or leaky_relu, elu) in the hidden layers with weightInit he_normal. "
                : "Use weightInit he_normal for relu layers (xavier_normal for tanh) so the signal keeps its scale. ")
                + "Fewer layers help too; batch normalization or residual blocks would keep the signal alive in "
                + "a deeper network. Adam (learningRate 1e-3) scales each parameter's step and hides part of it.";
        add("vanishing_gradients", WARNING, List.of(last.firstKey()), streakStart(vanishes), evidence, advice);
    }

    private void exploding() {
        Predicate<NavigableMap<Integer, LayerTelemetryView>> explodes = layers -> above(ratio(layers,
                LayerTelemetryView::errorNorm), EXPLODING_RATIO)
                || above(ratio(layers, LayerTelemetryView::gradientNorm), EXPLODING_RATIO)
                || layers.values().stream().anyMatch(t -> t.gradientNorm() == null || t.weightNorm() == null
                        || (t.updateRatio() != null && t.updateRatio() > EXPLODING_UPDATE));
        NavigableMap<Integer, LayerTelemetryView> last = byEpoch.lastEntry().getValue();
        if (!explodes.test(last)) {
            return;
        }
        Map<String, Double> evidence = firstAgainstLast(last);
        evidence.put("threshold", EXPLODING_RATIO);
        evidence.put("maxUpdateRatio", max(last.values(), LayerTelemetryView::updateRatio));
        evidence.put("learningRate", record.learningRate());
        add("exploding_gradients", CRITICAL, List.copyOf(last.keySet()), streakStart(explodes), evidence,
                "The gradient grows as it flows backward: lower the learning rate to about "
                        + format(record.learningRate() / 10) + ", draw smaller initial weights (weightInit "
                        + "xavier_normal, or he_normal for relu), standardize the features, and add l2 (1e-4); "
                        + "batch normalization would keep each layer's scale in check.");
    }

    private void deadRelu() {
        hiddenLayerRule("dead_relu", "deadFraction", LayerTelemetryView::deadFraction, DEAD_FRACTION, this::isRelu,
                "Units whose output is 0 for every row pass no gradient and never recover: use leaky_relu or elu "
                        + "in those layers, weightInit he_normal, and a lower learning rate (about "
                        + format(record.learningRate() / 10) + "); standardize the features so that biases do not "
                        + "push units negative.");
    }

    private void saturation() {
        hiddenLayerRule("saturation", "saturatedFraction", LayerTelemetryView::saturatedFraction, SATURATED_FRACTION,
                layer -> true,
                "Saturated sigmoid/tanh units have a derivative near 0 and stop learning: standardize the features, "
                        + "use weightInit xavier_normal so pre-activations start near 0, lower the learning rate, "
                        + "or use relu in the hidden layers; batch normalization keeps pre-activations in range.");
    }

    /**
     * A finding on the hidden layers (for which {@code applies}) whose {@code value} reaches
     * {@code threshold} in the last epoch; the output layer is left out (a confident classifier's
     * outputs are meant to sit near 0 or 1). Critical when the worst layer reaches {@link #ALL_DEAD}.
     */
    private void hiddenLayerRule(String kind, String name, Function<LayerTelemetryView, Double> value,
            double threshold, Predicate<Integer> applies, String advice) {
        NavigableMap<Integer, LayerTelemetryView> last = byEpoch.lastEntry().getValue();
        Predicate<LayerTelemetryView> reaches = t -> t.layer() != last.lastKey() && applies.test(t.layer())
                && value.apply(t) != null && value.apply(t) >= threshold;
        List<Integer> found = last.values().stream().filter(reaches).map(LayerTelemetryView::layer).toList();
        if (found.isEmpty()) {
            return;
        }
        double worst = found.stream().mapToDouble(l -> value.apply(last.get(l))).max().orElseThrow();
        Map<String, Double> evidence = new LinkedHashMap<>();
        evidence.put(name, worst);
        evidence.put("threshold", threshold);
        evidence.put("learningRate", record.learningRate());
        add(kind, worst >= ALL_DEAD ? CRITICAL : WARNING, found, streakStart(layers -> found.stream()
                .anyMatch(l -> layers.containsKey(l) && reaches.test(layers.get(l)))), evidence, advice);
    }

    private void learningRate() {
        Predicate<NavigableMap<Integer, LayerTelemetryView>> high = layers -> above(
                geometricMean(layers.values()), UPDATE_HIGH);
        Predicate<NavigableMap<Integer, LayerTelemetryView>> low = layers -> below(
                max(layers.values(), LayerTelemetryView::updateRatio), UPDATE_LOW);
        NavigableMap<Integer, LayerTelemetryView> last = byEpoch.lastEntry().getValue();
        Double ratio = geometricMean(last.values());
        if (ratio == null || ratio <= 0) {
            return;
        }
        double suggested = record.learningRate() * UPDATE_TARGET / ratio;
        Map<String, Double> evidence = new LinkedHashMap<>();
        evidence.put("updateRatio", ratio);
        evidence.put("maxUpdateRatio", max(last.values(), LayerTelemetryView::updateRatio));
        evidence.put("learningRate", record.learningRate());
        evidence.put("suggestedLearningRate", suggested);
        if (high.test(last)) {
            evidence.put("threshold", UPDATE_HIGH);
            add("learning_rate_too_high", WARNING, List.copyOf(last.keySet()), streakStart(high), evidence,
                    "Each step changes the weights by more than 1 % of their size (geometric mean over the layers): "
                            + "set optimizer.learningRate to about " + format(suggested)
                            + " (aiming at an update ratio of 1e-3), or use a decaying schedule.");
        } else if (low.test(last)) {
            evidence.put("threshold", UPDATE_LOW);
            add("learning_rate_too_low", WARNING, List.copyOf(last.keySet()), streakStart(low), evidence,
                    "No layer's weights change by even 0.01 % per step, so training crawls: set "
                            + "optimizer.learningRate to about " + format(suggested)
                            + " (aiming at an update ratio of 1e-3), or use Adam with learningRate 1e-3.");
        }
    }

    private void overfitting() {
        List<TrainingRecord.EpochLosses> rows = record.history().stream().filter(h -> h.valLoss() != null
                && Double.isFinite(h.valLoss())).toList();
        if (rows.size() <= OVERFIT_EPOCHS) {
            return;
        }
        TrainingRecord.EpochLosses best = rows.get(0);
        for (TrainingRecord.EpochLosses h : rows) {
            if (h.valLoss() < best.valLoss()) {
                best = h;
            }
        }
        TrainingRecord.EpochLosses last = rows.get(rows.size() - 1);
        if (last.epoch() - best.epoch() < OVERFIT_EPOCHS || last.valLoss() <= best.valLoss() * OVERFIT_RISE
                || last.loss() >= best.loss()) {
            return;
        }
        Map<String, Double> evidence = new LinkedHashMap<>();
        evidence.put("bestEpoch", (double) best.epoch());
        evidence.put("bestValLoss", best.valLoss());
        evidence.put("lastValLoss", last.valLoss());
        evidence.put("lossAtBestEpoch", best.loss());
        evidence.put("lastLoss", last.loss());
        evidence.put("threshold", OVERFIT_RISE);
        add("overfitting", WARNING, List.of(), best.epoch() + 1, last.epoch(), evidence,
                "The validation loss has risen since epoch " + best.epoch() + " while the training loss kept "
                        + "falling: add earlyStopping {\"metric\": \"val_loss\", \"patience\": 5, \"restoreBest\": "
                        + "true}, l2 of about 1e-4, dropout layers (rate 0.2 to 0.5) after the hidden layers, or "
                        + "fewer units; more training rows help most.");
    }

    private void diverged() {
        Map<String, Double> evidence = new LinkedHashMap<>();
        evidence.put("learningRate", record.learningRate());
        String advice = "Lower the learning rate to about " + format(record.learningRate() / 10)
                + " (or use Adam with learningRate 1e-3), standardize the features, and start from smaller "
                + "weights (weightInit xavier_normal).";
        if (record.divergedInEpoch() != null) {
            int epoch = record.divergedInEpoch();
            evidence.put("epoch", (double) epoch);
            add("diverged", CRITICAL, List.of(), epoch, epoch, evidence,
                    "The loss or the parameters became NaN or infinite. " + advice);
            return;
        }
        List<TrainingRecord.EpochLosses> rows = record.history();
        if (rows.size() < 2) {
            return;
        }
        TrainingRecord.EpochLosses lowest = rows.get(0);
        for (TrainingRecord.EpochLosses h : rows.subList(0, rows.size() - 1)) {
            if (h.loss() < lowest.loss()) {
                lowest = h;
            }
        }
        TrainingRecord.EpochLosses last = rows.get(rows.size() - 1);
        if (last.loss() >= DIVERGED_RISE * lowest.loss() && last.loss() > rows.get(0).loss()) {
            evidence.put("lowestLoss", lowest.loss());
            evidence.put("lowestLossEpoch", (double) lowest.epoch());
            evidence.put("lastLoss", last.loss());
            evidence.put("threshold", DIVERGED_RISE);
            add("diverged", CRITICAL, List.of(), lowest.epoch() + 1, last.epoch(), evidence,
                    "The training loss has risen tenfold from its lowest. " + advice);
        }
    }

    private void add(String kind, String severity, List<Integer> layers, int from, Map<String, Double> evidence,
            String advice) {
        add(kind, severity, layers, from, byEpoch.lastKey(), evidence, advice);
    }

    private void add(String kind, String severity, List<Integer> layers, int from, int to,
            Map<String, Double> evidence, String advice) {
        findings.add(new Finding(kind, severity, List.copyOf(layers), from, to, evidence, advice));
    }

    /** The first epoch of the unbroken run of epochs, ending at the last, in which {@code rule} holds. */
    private int streakStart(Predicate<NavigableMap<Integer, LayerTelemetryView>> rule) {
        int start = byEpoch.lastKey();
        for (Map.Entry<Integer, NavigableMap<Integer, LayerTelemetryView>> e : byEpoch.descendingMap().entrySet()) {
            if (!rule.test(e.getValue())) {
                break;
            }
            start = e.getKey();
        }
        return start;
    }

    private Map<String, Double> firstAgainstLast(NavigableMap<Integer, LayerTelemetryView> layers) {
        Map<String, Double> evidence = new LinkedHashMap<>();
        LayerTelemetryView first = layers.firstEntry().getValue();
        LayerTelemetryView last = layers.lastEntry().getValue();
        evidence.put("firstLayerErrorNorm", first.errorNorm());
        evidence.put("lastLayerErrorNorm", last.errorNorm());
        evidence.put("errorNormRatio", ratio(layers, LayerTelemetryView::errorNorm));
        evidence.put("firstLayerGradientNorm", first.gradientNorm());
        evidence.put("lastLayerGradientNorm", last.gradientNorm());
        evidence.put("gradientNormRatio", ratio(layers, LayerTelemetryView::gradientNorm));
        evidence.put("updateRatioRatio", ratio(layers, LayerTelemetryView::updateRatio));
        return evidence;
    }

    private List<String> hiddenActivations(NavigableMap<Integer, LayerTelemetryView> layers) {
        List<String> found = new ArrayList<>();
        for (Integer layer : layers.headMap(layers.lastKey(), false).keySet()) {
            String activation = record.activation(layer);
            if (activation != null) {
                found.add(activation);
            }
        }
        return found;
    }

    private boolean isRelu(int layer) {
        String activation = record.activation(layer);
        return activation == null || "relu".equals(activation);
    }

    /** The first layer's value over the last layer's; null when either is missing or the last is 0. */
    private static Double ratio(NavigableMap<Integer, LayerTelemetryView> layers,
            Function<LayerTelemetryView, Double> value) {
        Double first = value.apply(layers.firstEntry().getValue());
        Double last = value.apply(layers.lastEntry().getValue());
        return first == null || last == null || last == 0 ? null : first / last;
    }

    private static Double geometricMean(Collection<LayerTelemetryView> layers) {
        double logs = 0;
        int n = 0;
        for (LayerTelemetryView t : layers) {
            if (t.updateRatio() == null || t.updateRatio() <= 0) {
                return null;
            }
            logs += Math.log(t.updateRatio());
            n++;
        }
        return n == 0 ? null : Math.exp(logs / n);
    }

    private static Double max(Collection<LayerTelemetryView> layers,
            Function<LayerTelemetryView, Double> value) {
        Double max = null;
        for (LayerTelemetryView t : layers) {
            Double v = value.apply(t);
            if (v != null && (max == null || v > max)) {
                max = v;
            }
        }
        return max;
    }

    private static boolean below(Double value, double threshold) {
        return value != null && value < threshold;
    }

    private static boolean above(Double value, double threshold) {
        return value != null && value > threshold;
    }

    private static String format(double value) {
        return String.format(java.util.Locale.ROOT, "%.2g", value);
    }
}
