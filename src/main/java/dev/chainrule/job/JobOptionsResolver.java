package dev.chainrule.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.chainrule.fault.DomainException;
import dev.chainrule.fault.Fault;
import dev.chainrule.fault.MalformedInputException;
import dev.chainrule.nn.JsonNamed;
import dev.chainrule.nn.Precision;
import dev.chainrule.nn.train.Metric;

/**
 * Turns a request into effective options: fills the documented defaults and rejects, with the JSON
 * pointer of each fault, names that are unknown and fields that do not apply to the chosen type.
 * (Ranges of single numbers are checked earlier by bean validation.)
 */
final class JobOptionsResolver {

    private final List<Fault> errors = new ArrayList<>();

    private JobOptionsResolver() {
    }

    static JobOptions resolve(CreateJobRequest r) {
        JobOptionsResolver resolver = new JobOptionsResolver();
        JobOptions options = resolver.options(r);
        if (!resolver.errors.isEmpty()) {
            List<Fault> errors = resolver.errors;
            throw new MalformedInputException("invalid-job", "Invalid job options",
                    DomainException.summary(errors, "The job has " + errors.size() + " invalid options."), errors);
        }
        return options;
    }

    private JobOptions options(CreateJobRequest r) {
        int epochs = or(r.epochs(), 20);
        double validationSplit = or(r.validationSplit(), 0.2);
        String dtype = or(r.dtype(), Precision.FLOAT32.jsonName());
        if (Precision.fromJsonName(dtype).isEmpty()) {
            reject("/dtype", "Unknown dtype '" + dtype + "'; use " + JsonNamed.choices(Precision.class) + ".");
        }
        OptimizerOptions optimizer = optimizer(r.optimizer() == null ? empty() : r.optimizer());
        return new JobOptions(epochs, or(r.batchSize(), 32), optimizer,
                schedule(r.schedule(), epochs, optimizer.learningRate()), validationSplit, or(r.shuffle(), true),
                or(r.seed(), 0L), or(r.standardize(), true), dtype, earlyStopping(r.earlyStopping(), validationSplit),
                or(r.checkpointEvery(), 1), r.maxRuntimeSeconds());
    }

    private static OptimizerOptions empty() {
        return new OptimizerOptions(null, null, null, null, null, null, null, null, null);
    }

    private OptimizerOptions optimizer(OptimizerOptions o) {
        String type = or(o.type(), "adam");
        double weightDecay = or(o.weightDecay(), 0.0);
        switch (type) {
            case "sgd" -> {
                notFor(type, "/optimizer/beta1", o.beta1());
                notFor(type, "/optimizer/beta2", o.beta2());
                notFor(type, "/optimizer/epsilon", o.epsilon());
                notFor(type, "/optimizer/alpha", o.alpha());
                double momentum = or(o.momentum(), 0.0);
                boolean nesterov = or(o.nesterov(), false);
                if (nesterov && momentum == 0) {
                    reject("/optimizer/nesterov", "Nesterov momentum needs a momentum greater than 0.");
                }
                return new OptimizerOptions(type, or(o.learningRate(), 0.01), momentum, nesterov, null, null, null,
                        null, weightDecay);
            }
            case "adam" -> {
                notFor(type, "/optimizer/momentum", o.momentum());
                notFor(type, "/optimizer/nesterov", o.nesterov());
                notFor(type, "/optimizer/alpha", o.alpha());
                return new OptimizerOptions(type, or(o.learningRate(), 0.001), null, null, or(o.beta1(), 0.9),
                        or(o.beta2(), 0.999), or(o.epsilon(), 1e-8), null, weightDecay);
            }
            case "rmsprop" -> {
                notFor(type, "/optimizer/nesterov", o.nesterov());
                notFor(type, "/optimizer/beta1", o.beta1());
                notFor(type, "/optimizer/beta2", o.beta2());
                return new OptimizerOptions(type, or(o.learningRate(), 0.01), or(o.momentum(), 0.0), null, null, null,
                        or(o.epsilon(), 1e-8), or(o.alpha(), 0.99), weightDecay);
            }
            default -> {
                reject("/optimizer/type", "Unknown optimizer '" + type + "'; use sgd, adam or rmsprop.");
                return new OptimizerOptions(type, or(o.learningRate(), 0.001), null, null, null, null, null, null,
                        weightDecay);
            }
        }
    }

    private ScheduleOptions schedule(ScheduleOptions s, int epochs, double learningRate) {
        if (s == null) {
            return new ScheduleOptions("constant", null, null, null, null);
        }
        String type = or(s.type(), "constant");
        switch (type) {
            case "constant" -> {
                notFor(type, "/schedule/stepSize", s.stepSize());
                notFor(type, "/schedule/gamma", s.gamma());
                notFor(type, "/schedule/periodEpochs", s.periodEpochs());
                notFor(type, "/schedule/minRate", s.minRate());
                return new ScheduleOptions(type, null, null, null, null);
            }
            case "step" -> {
                notFor(type, "/schedule/periodEpochs", s.periodEpochs());
                notFor(type, "/schedule/minRate", s.minRate());
                return new ScheduleOptions(type, or(s.stepSize(), 10), or(s.gamma(), 0.1), null, null);
            }
            case "exponential" -> {
                notFor(type, "/schedule/stepSize", s.stepSize());
                notFor(type, "/schedule/periodEpochs", s.periodEpochs());
                notFor(type, "/schedule/minRate", s.minRate());
                return new ScheduleOptions(type, null, or(s.gamma(), 0.95), null, null);
            }
            case "cosine" -> {
                notFor(type, "/schedule/stepSize", s.stepSize());
                notFor(type, "/schedule/gamma", s.gamma());
                double minRate = or(s.minRate(), 0.0);
                if (minRate >= learningRate) {
                    reject("/schedule/minRate", "minRate " + minRate + " must be below the learning rate " + learningRate + ".");
                }
                return new ScheduleOptions(type, null, null, or(s.periodEpochs(), epochs), minRate);
            }
            default -> {
                reject("/schedule/type", "Unknown schedule '" + type + "'; use constant, step, exponential or cosine.");
                return new ScheduleOptions(type, null, null, null, null);
            }
        }
    }

    private EarlyStoppingOptions earlyStopping(EarlyStoppingOptions e, double validationSplit) {
        if (e == null) {
            return null;
        }
        Metric fallback = validationSplit > 0 ? Metric.VAL_LOSS : Metric.LOSS;
        String name = or(e.metric(), fallback.jsonName());
        Optional<Metric> metric = Metric.fromJsonName(name);
        if (metric.isEmpty()) {
            reject("/earlyStopping/metric", "Unknown metric '" + name + "'; use " + JsonNamed.choices(Metric.class) + ".");
        } else if (metric.get().needsValidation() && validationSplit == 0) {
            reject("/earlyStopping/metric", "Metric '" + name + "' needs a validationSplit greater than 0.");
        }
        return new EarlyStoppingOptions(name, or(e.patience(), 5), or(e.minDelta(), 0.0), or(e.restoreBest(), false));
    }

    private void notFor(String type, String pointer, Object value) {
        if (value != null) {
            String field = pointer.substring(pointer.lastIndexOf('/') + 1);
            reject(pointer, "'" + field + "' does not apply to '" + type + "'.");
        }
    }

    private void reject(String pointer, String message) {
        errors.add(Fault.atPointer(pointer, message));
    }

    private static <T> T or(T value, T fallback) {
        return Objects.requireNonNullElse(value, fallback);
    }
}
