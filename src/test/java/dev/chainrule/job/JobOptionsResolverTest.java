package dev.chainrule.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.chainrule.nn.optim.LearningRateSchedule;
import dev.chainrule.nn.optim.OptimizerSpec;
import dev.chainrule.nn.train.TrainingConfig;
import dev.chainrule.web.ApiProblem;
import dev.chainrule.web.ProblemError;

class JobOptionsResolverTest {

    private static final UUID ID = UUID.randomUUID();

    private static CreateJobRequest request(OptimizerOptions optimizer, ScheduleOptions schedule, Double validationSplit,
            String dtype, EarlyStoppingOptions earlyStopping) {
        return new CreateJobRequest(ID, ID, null, null, optimizer, schedule, validationSplit, null, null, null, dtype,
                earlyStopping, null, null, null);
    }

    private static OptimizerOptions optimizer(String type, Double momentum, Boolean nesterov, Double beta1) {
        return new OptimizerOptions(type, null, momentum, nesterov, beta1, null, null, null, null);
    }

    private static ApiProblem rejected(CreateJobRequest request) {
        return catchThrowableOfType(ApiProblem.class, () -> JobOptionsResolver.resolve(request));
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
        TrainingConfig config = o.toTrainingConfig();
        assertThat(config.optimizer()).isEqualTo(new OptimizerSpec.Adam(0.001, 0.9, 0.999, 1e-8, 0));
        assertThat(config.schedule()).isEqualTo(new LearningRateSchedule.Constant());
        assertThat(o.bestMetric()).isEqualTo("val_loss");
    }

    @Test
    void eachOptimizerGetsItsOwnDefaultsAndOnlyItsOwnFields() {
        JobOptions sgd = JobOptionsResolver.resolve(request(optimizer("sgd", 0.9, true, null), null, 0.0, null, null));
        JobOptions rmsprop = JobOptionsResolver.resolve(request(optimizer("rmsprop", null, null, null), null, null, null, null));

        assertThat(sgd.toTrainingConfig().optimizer()).isEqualTo(new OptimizerSpec.Sgd(0.01, 0.9, true, 0));
        assertThat(sgd.optimizer().beta1()).isNull();
        assertThat(sgd.bestMetric()).isEqualTo("loss");
        assertThat(rmsprop.toTrainingConfig().optimizer()).isEqualTo(new OptimizerSpec.RmsProp(0.01, 0.99, 1e-8, 0, 0));
    }

    @Test
    void schedulesResolveWithTheirDefaults() {
        JobOptions cosine = JobOptionsResolver.resolve(request(null, new ScheduleOptions("cosine", null, null, null, null),
                null, null, null));
        JobOptions step = JobOptionsResolver.resolve(request(null, new ScheduleOptions("step", 5, null, null, null),
                null, null, null));

        assertThat(cosine.toTrainingConfig().schedule()).isEqualTo(new LearningRateSchedule.Cosine(20, 0));
        assertThat(step.toTrainingConfig().schedule()).isEqualTo(new LearningRateSchedule.Step(5, 0.1));
    }

    @Test
    void unknownNamesAreRejectedWithTheirPointers() {
        ApiProblem problem = rejected(request(optimizer("adagrad", null, null, null),
                new ScheduleOptions("linear", null, null, null, null), null, "float16",
                new EarlyStoppingOptions("f1", null, null, null)));

        assertThat(problem.status().value()).isEqualTo(400);
        assertThat(problem.errors()).extracting(ProblemError::pointer)
                .containsExactlyInAnyOrder("/optimizer/type", "/schedule/type", "/dtype", "/earlyStopping/metric");
        assertThat(problem.errors()).extracting(ProblemError::message).anyMatch(m -> m.contains("'adagrad'"));
    }

    @Test
    void fieldsThatDoNotApplyToTheTypeAreRejected() {
        ApiProblem problem = rejected(request(optimizer("sgd", null, null, 0.9),
                new ScheduleOptions("constant", null, 0.5, null, null), null, null, null));

        assertThat(problem.errors()).extracting(ProblemError::pointer)
                .containsExactlyInAnyOrder("/optimizer/beta1", "/schedule/gamma");
    }

    @Test
    void nesterovWithoutMomentumIsRejected() {
        ApiProblem problem = rejected(request(optimizer("sgd", null, true, null), null, null, null, null));

        assertThat(problem.errors()).singleElement().extracting(ProblemError::pointer).isEqualTo("/optimizer/nesterov");
    }

    @Test
    void aValidationMetricNeedsAValidationSplit() {
        ApiProblem problem = rejected(request(null, null, 0.0, null, new EarlyStoppingOptions("val_accuracy", 3, null, null)));

        assertThat(problem.errors()).singleElement().satisfies(e -> {
            assertThat(e.pointer()).isEqualTo("/earlyStopping/metric");
            assertThat(e.message()).contains("validationSplit");
        });
    }

    @Test
    void cosineMinRateMustStayBelowTheLearningRate() {
        ApiProblem problem = rejected(request(null, new ScheduleOptions("cosine", null, null, 10, 0.5), null, null, null));

        assertThat(problem.errors()).singleElement().extracting(ProblemError::pointer).isEqualTo("/schedule/minRate");
    }
}
