package dev.chainrule.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.chainrule.nn.optim.LearningRateSchedule;
import io.swagger.v3.oas.annotations.media.DiscriminatorMapping;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import tools.jackson.databind.annotation.JsonTypeIdResolver;

/**
 * How the learning rate changes from epoch to epoch, chosen by {@code type} (default
 * {@code constant}). As with optimizers, a field of another schedule and an unknown type are faults.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", defaultImpl = ScheduleOptions.Constant.class)
@JsonTypeIdResolver(TypeNames.class)
@JsonSubTypes({ @JsonSubTypes.Type(value = ScheduleOptions.Constant.class, name = "constant"),
        @JsonSubTypes.Type(value = ScheduleOptions.Step.class, name = "step"),
        @JsonSubTypes.Type(value = ScheduleOptions.Exponential.class, name = "exponential"),
        @JsonSubTypes.Type(value = ScheduleOptions.Cosine.class, name = "cosine") })
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Learning-rate schedule. type: constant, step, exponential or cosine (default constant)",
        example = "{\"type\": \"step\", \"stepSize\": 10, \"gamma\": 0.5}", discriminatorProperty = "type",
        discriminatorMapping = { @DiscriminatorMapping(value = "constant", schema = ScheduleOptions.Constant.class),
                @DiscriminatorMapping(value = "step", schema = ScheduleOptions.Step.class),
                @DiscriminatorMapping(value = "exponential", schema = ScheduleOptions.Exponential.class),
                @DiscriminatorMapping(value = "cosine", schema = ScheduleOptions.Cosine.class) })
public sealed interface ScheduleOptions permits ScheduleOptions.Constant, ScheduleOptions.Step,
        ScheduleOptions.Exponential, ScheduleOptions.Cosine {

    /** The same schedule with every field left out set to its default for a job of {@code epochs}. */
    ScheduleOptions withDefaults(int epochs);

    /** The engine's form; only for options {@link #withDefaults(int) with defaults}. */
    LearningRateSchedule toSchedule();

    @Schema(name = "ConstantSchedule")
    record Constant() implements ScheduleOptions {

        @Override
        public Constant withDefaults(int epochs) {
            return this;
        }

        @Override
        public LearningRateSchedule toSchedule() {
            return new LearningRateSchedule.Constant();
        }
    }

    @Schema(name = "StepSchedule")
    record Step(
            @Schema(description = "epochs between decays, default 10") @Positive Integer stepSize,
            @Schema(description = "the decay factor, default 0.1") @Positive @DecimalMax("1") Double gamma)
            implements ScheduleOptions {

        @Override
        public Step withDefaults(int epochs) {
            return new Step(stepSize == null ? 10 : stepSize, gamma == null ? 0.1 : gamma);
        }

        @Override
        public LearningRateSchedule toSchedule() {
            return new LearningRateSchedule.Step(stepSize, gamma);
        }
    }

    @Schema(name = "ExponentialSchedule")
    record Exponential(@Schema(description = "the decay factor, default 0.95") @Positive @DecimalMax("1") Double gamma)
            implements ScheduleOptions {

        @Override
        public Exponential withDefaults(int epochs) {
            return new Exponential(gamma == null ? 0.95 : gamma);
        }

        @Override
        public LearningRateSchedule toSchedule() {
            return new LearningRateSchedule.Exponential(gamma);
        }
    }

    @Schema(name = "CosineSchedule")
    record Cosine(
            @Schema(description = "epochs to anneal over, default the job's epochs") @Positive Integer periodEpochs,
            @Schema(description = "the final rate, below the learning rate; default 0") @PositiveOrZero Double minRate)
            implements ScheduleOptions {

        @Override
        public Cosine withDefaults(int epochs) {
            return new Cosine(periodEpochs == null ? epochs : periodEpochs, minRate == null ? 0.0 : minRate);
        }

        @Override
        public LearningRateSchedule toSchedule() {
            return new LearningRateSchedule.Cosine(periodEpochs, minRate);
        }
    }
}
