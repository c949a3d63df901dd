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
 * pointer of each fault, unknown names and values that contradict each other. (Ranges of single
 * numbers are checked earlier by bean validation; an unknown optimizer or schedule type, or a field
 * of another type, when the body is read.)
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
        OptimizerOptions optimizer = optimizer(or(r.optimizer(), new OptimizerOptions.Adam(null, null, null, null, null)));
        return new JobOptions(epochs, or(r.batchSize(), 32), optimizer,
                schedule(or(r.schedule(), new ScheduleOptions.Constant()), epochs, optimizer.learningRate()),
                validationSplit, or(r.shuffle(), true), or(r.seed(), 0L), or(r.standardize(), true), dtype,
                earlyStopping(r.earlyStopping(), validationSplit), or(r.checkpointEvery(), 1), r.maxRuntimeSeconds(),
                or(r.telemetry(), true), r.gradientClipNorm(), r.gradientClipValue(),
                ClassWeightsOption.resolve(r.classWeights(), errors));
    }

    private OptimizerOptions optimizer(OptimizerOptions requested) {
        OptimizerOptions optimizer = requested.withDefaults();
        if (optimizer instanceof OptimizerOptions.Sgd sgd && sgd.nesterov() && sgd.momentum() == 0) {
            reject("/optimizer/nesterov", "Nesterov momentum needs a momentum greater than 0.");
        }
        return optimizer;
    }

    private ScheduleOptions schedule(ScheduleOptions requested, int epochs, double learningRate) {
        ScheduleOptions schedule = requested.withDefaults(epochs);
        if (schedule instanceof ScheduleOptions.Cosine cosine && cosine.minRate() >= learningRate) {
            reject("/schedule/minRate", "minRate " + cosine.minRate() + " must be below the learning rate "
                    + learningRate + ".");
        }
        return schedule;
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

    private void reject(String pointer, String message) {
        errors.add(Fault.atPointer(pointer, message));
    }

    private static <T> T or(T value, T fallback) {
        return Objects.requireNonNullElse(value, fallback);
    }
}
