package dev.chainrule.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.chainrule.nn.optim.OptimizerSpec;
import io.swagger.v3.oas.annotations.media.DiscriminatorMapping;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import tools.jackson.databind.annotation.JsonTypeIdResolver;

/**
 * The update rule of a job, chosen by {@code type} (default {@code adam}), as requested (fields
 * may be left out) and as applied ({@link #withDefaults()}). A field of another optimizer is a
 * fault, not something to ignore; an unknown {@code type} is refused, not read as Adam.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", defaultImpl = OptimizerOptions.Adam.class)
@JsonTypeIdResolver(TypeNames.class)
@JsonSubTypes({ @JsonSubTypes.Type(value = OptimizerOptions.Sgd.class, name = "sgd"),
        @JsonSubTypes.Type(value = OptimizerOptions.Adam.class, name = "adam"),
        @JsonSubTypes.Type(value = OptimizerOptions.RmsProp.class, name = "rmsprop") })
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Optimizer; PyTorch semantics. type: sgd, adam or rmsprop (default adam)",
        example = "{\"type\": \"adam\", \"learningRate\": 0.01}", discriminatorProperty = "type",
        discriminatorMapping = { @DiscriminatorMapping(value = "sgd", schema = OptimizerOptions.Sgd.class),
                @DiscriminatorMapping(value = "adam", schema = OptimizerOptions.Adam.class),
                @DiscriminatorMapping(value = "rmsprop", schema = OptimizerOptions.RmsProp.class) })
public sealed interface OptimizerOptions permits OptimizerOptions.Sgd, OptimizerOptions.Adam, OptimizerOptions.RmsProp {

    Double learningRate();

    /** The same optimizer with every field left out set to its default. */
    OptimizerOptions withDefaults();

    /** The engine's form; only for options {@link #withDefaults() with defaults}. */
    OptimizerSpec toSpec();

    @Schema(name = "SgdOptimizer")
    record Sgd(
            @Schema(description = "default 0.01") @Positive Double learningRate,
            @Schema(description = "default 0") @DecimalMin("0") @DecimalMax(value = "1", inclusive = false) Double momentum,
            @Schema(description = "needs momentum > 0; default false") Boolean nesterov,
            @Schema(description = "coupled L2 weight decay, default 0") @PositiveOrZero Double weightDecay)
            implements OptimizerOptions {

        @Override
        public Sgd withDefaults() {
            return new Sgd(or(learningRate, 0.01), or(momentum, 0.0), or(nesterov, false), or(weightDecay, 0.0));
        }

        @Override
        public OptimizerSpec toSpec() {
            return new OptimizerSpec.Sgd(learningRate, momentum, nesterov, weightDecay);
        }
    }

    @Schema(name = "AdamOptimizer")
    record Adam(
            @Schema(description = "default 0.001") @Positive Double learningRate,
            @Schema(description = "default 0.9") @DecimalMin("0") @DecimalMax(value = "1", inclusive = false) Double beta1,
            @Schema(description = "default 0.999") @DecimalMin("0") @DecimalMax(value = "1", inclusive = false) Double beta2,
            @Schema(description = "default 1e-8") @Positive Double epsilon,
            @Schema(description = "coupled L2 weight decay, default 0") @PositiveOrZero Double weightDecay)
            implements OptimizerOptions {

        @Override
        public Adam withDefaults() {
            return new Adam(or(learningRate, 0.001), or(beta1, 0.9), or(beta2, 0.999), or(epsilon, 1e-8),
                    or(weightDecay, 0.0));
        }

        @Override
        public OptimizerSpec toSpec() {
            return new OptimizerSpec.Adam(learningRate, beta1, beta2, epsilon, weightDecay);
        }
    }

    @Schema(name = "RmsPropOptimizer")
    record RmsProp(
            @Schema(description = "default 0.01") @Positive Double learningRate,
            @Schema(description = "default 0") @DecimalMin("0") @DecimalMax(value = "1", inclusive = false) Double momentum,
            @Schema(description = "default 1e-8") @Positive Double epsilon,
            @Schema(description = "default 0.99") @DecimalMin("0") @DecimalMax(value = "1", inclusive = false) Double alpha,
            @Schema(description = "coupled L2 weight decay, default 0") @PositiveOrZero Double weightDecay)
            implements OptimizerOptions {

        @Override
        public RmsProp withDefaults() {
            return new RmsProp(or(learningRate, 0.01), or(momentum, 0.0), or(epsilon, 1e-8), or(alpha, 0.99),
                    or(weightDecay, 0.0));
        }

        @Override
        public OptimizerSpec toSpec() {
            return new OptimizerSpec.RmsProp(learningRate, alpha, epsilon, momentum, weightDecay);
        }
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
