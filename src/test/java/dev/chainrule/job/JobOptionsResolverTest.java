package dev.chainrule.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.chainrule.fault.Fault;
import dev.chainrule.fault.MalformedInputException;
import dev.chainrule.nn.optim.LearningRateSchedule;
import dev.chainrule.nn.optim.OptimizerSpec;
import dev.chainrule.nn.train.Metric;
import dev.chainrule.nn.train.TrainingConfig;

class JobOptionsResolverTest {

    private static final UUID ID = UUID.randomUUID();

    private static CreateJobRequest request(OptimizerOptions optimizer, ScheduleOptions schedule, Double validationSplit,
            String dtype, EarlyStoppingOptions earlyStopping) {
        return new CreateJobRequest(ID, ID, null, null, optimizer, schedule, validationSplit, null, null, null, dtype,
                earlyStopping, null, null, null, null, null, null);
    }

    private static OptimizerOptions.Sgd sgd(Double momentum, Boolean nesterov) {
        return new OptimizerOptions.Sgd(null, momentum, nesterov, null);
    }

    private static MalformedInputException rejected(CreateJobRequest request) {
        MalformedInputException problem = catchThrowableOfType(MalformedInputException.class,
                () -> JobOptionsResolver.resolve(request));
        assertThat(problem).as("expected invalid options").isNotNull();
        assertThat(problem.code()).isEqualTo("invalid-job");
        return problem;
    }

    @Test
    void anEmptyRequestGetsTheDocumentedDefaults() {
        JobOptions o = JobOptionsResolver.resolve(request(null, null, null, null, null));

        assertThat(o.epochs()).isEqualTo(20);
        assertThat(o.batchSize()).isEqualTo(32);
        assertThat(o.validationSplit()).isEqualTo(0.2);
        assertThat(o.shuffle()).isTrue();
        assertThat(o.seed()).isZero();
        assertThat(o.standardize()).isTrue();
        assertThat(o.dtype()).isEqualTo("float32");
        assertThat(o.checkpointEvery()).isEqualTo(1);
        assertThat(o.earlyStopping()).isNull();
        assertThat(o.optimizer()).isEqualTo(new OptimizerOptions.Adam(0.001, 0.9, 0.999, 1e-8, 0.0));
        TrainingConfig config = o.toTrainingConfig();
        assertThat(config.optimizer()).isEqualTo(new OptimizerSpec.Adam(0.001, 0.9, 0.999, 1e-8, 0));
        assertThat(config.schedule()).isEqualTo(new LearningRateSchedule.Constant());
        assertThat(o.bestMetric()).isEqualTo(Metric.VAL_LOSS);
    }

    @Test
    void eachOptimizerGetsItsOwnDefaults() {
        JobOptions sgd = JobOptionsResolver.resolve(request(sgd(0.9, true), null, 0.0, null, null));
        JobOptions rmsprop = JobOptionsResolver.resolve(request(new OptimizerOptions.RmsProp(null, null, null, null, null),
                null, null, null, null));
        JobOptions adam = JobOptionsResolver.resolve(request(new OptimizerOptions.Adam(0.05, null, 0.99, null, 0.1),
                null, null, null, null));

        assertThat(sgd.toTrainingConfig().optimizer()).isEqualTo(new OptimizerSpec.Sgd(0.01, 0.9, true, 0));
        assertThat(sgd.bestMetric()).isEqualTo(Metric.LOSS);
        assertThat(rmsprop.toTrainingConfig().optimizer()).isEqualTo(new OptimizerSpec.RmsProp(0.01, 0.99, 1e-8, 0, 0));
        assertThat(adam.toTrainingConfig().optimizer()).isEqualTo(new OptimizerSpec.Adam(0.05, 0.9, 0.99, 1e-8, 0.1));
    }

    @Test
    void schedulesResolveWithTheirDefaults() {
        JobOptions cosine = JobOptionsResolver.resolve(request(null, new ScheduleOptions.Cosine(null, null), null, null, null));
        JobOptions step = JobOptionsResolver.resolve(request(null, new ScheduleOptions.Step(5, null), null, null, null));
        JobOptions exponential = JobOptionsResolver.resolve(request(null, new ScheduleOptions.Exponential(null), null,
                null, null));

        assertThat(cosine.toTrainingConfig().schedule()).isEqualTo(new LearningRateSchedule.Cosine(20, 0));
        assertThat(step.toTrainingConfig().schedule()).isEqualTo(new LearningRateSchedule.Step(5, 0.1));
        assertThat(exponential.toTrainingConfig().schedule()).isEqualTo(new LearningRateSchedule.Exponential(0.95));
    }

    @Test
    void unknownNamesAreRejectedWithTheirPointers() {
        MalformedInputException problem = rejected(request(null, null, null, "float16",
                new EarlyStoppingOptions("f1", null, null, null)));

        assertThat(problem.faults()).extracting(Fault::pointer).containsExactlyInAnyOrder("/dtype", "/earlyStopping/metric");
        assertThat(problem.faults()).extracting(Fault::message).containsExactlyInAnyOrder(
                "Unknown dtype 'float16'; use float32 or float64.",
                "Unknown metric 'f1'; use loss, val_loss, accuracy, val_accuracy, rmse or val_rmse.");
    }

    @Test
    void nesterovWithoutMomentumIsRejected() {
        MalformedInputException problem = rejected(request(sgd(null, true), null, null, null, null));

        assertThat(problem.faults()).singleElement().extracting(Fault::pointer).isEqualTo("/optimizer/nesterov");
    }

    @Test
    void aValidationMetricNeedsAValidationSplit() {
        MalformedInputException problem = rejected(request(null, null, 0.0, null,
                new EarlyStoppingOptions("val_accuracy", 3, null, null)));

        assertThat(problem.faults()).singleElement().satisfies(e -> {
            assertThat(e.pointer()).isEqualTo("/earlyStopping/metric");
            assertThat(e.message()).contains("validationSplit");
        });
    }

    @Test
    void cosineMinRateMustStayBelowTheLearningRate() {
        MalformedInputException problem = rejected(request(null, new ScheduleOptions.Cosine(10, 0.5), null, null, null));

        assertThat(problem.faults()).singleElement().extracting(Fault::pointer).isEqualTo("/schedule/minRate");
    }
}
