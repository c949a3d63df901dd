package dev.chainrule.nn.train;

import java.util.Optional;
import java.util.function.Function;

import dev.chainrule.nn.JsonNamed;

/**
 * One measurement of an epoch, as early stopping and checkpoint ranking use it: its JSON name
 * ({@code val_loss}), the direction in which it improves, whether it needs validation rows, which
 * task has it, and where an {@link EpochMetrics} holds it.
 */
public enum Metric implements JsonNamed {
    LOSS(Direction.LOWER_IS_BETTER, false, Scope.ANY_TASK, EpochMetrics::loss),
    VAL_LOSS(Direction.LOWER_IS_BETTER, true, Scope.ANY_TASK, EpochMetrics::valLoss),
    ACCURACY(Direction.HIGHER_IS_BETTER, false, Scope.CLASSIFICATION, EpochMetrics::accuracy),
    VAL_ACCURACY(Direction.HIGHER_IS_BETTER, true, Scope.CLASSIFICATION, EpochMetrics::valAccuracy),
    RMSE(Direction.LOWER_IS_BETTER, false, Scope.REGRESSION, EpochMetrics::rmse),
    VAL_RMSE(Direction.LOWER_IS_BETTER, true, Scope.REGRESSION, EpochMetrics::valRmse);

    public enum Direction {
        LOWER_IS_BETTER, HIGHER_IS_BETTER
    }

    /** Which tasks measure it: every task has a loss, classification an accuracy, regression an RMSE. */
    public enum Scope implements JsonNamed {
        ANY_TASK, CLASSIFICATION, REGRESSION
    }

    private final Direction direction;
    private final boolean needsValidation;
    private final Scope scope;
    private final Function<EpochMetrics, Double> reader;

    Metric(Direction direction, boolean needsValidation, Scope scope, Function<EpochMetrics, Double> reader) {
        this.direction = direction;
        this.needsValidation = needsValidation;
        this.scope = scope;
        this.reader = reader;
    }

    public static Optional<Metric> fromJsonName(String name) {
        return JsonNamed.fromJsonName(Metric.class, name);
    }

    public Direction direction() {
        return direction;
    }

    /** Whether it is measured on the validation rows, so a job without them cannot have it. */
    public boolean needsValidation() {
        return needsValidation;
    }

    public Scope scope() {
        return scope;
    }

    /** Whether a task of this kind measures it. */
    public boolean fitsTask(boolean classification) {
        return scope == Scope.ANY_TASK || (scope == Scope.CLASSIFICATION) == classification;
    }

    /** Its value in one epoch's measurements; null when the epoch lacks it. */
    public Double valueIn(EpochMetrics epoch) {
        return reader.apply(epoch);
    }

    /** Its value turned so that lower is always better (an accuracy negated); null when the epoch lacks it. */
    public Double score(EpochMetrics epoch) {
        Double value = valueIn(epoch);
        if (value == null || direction == Direction.LOWER_IS_BETTER) {
            return value;
        }
        return -value;
    }

    /** Whether {@code value} beats {@code best} by more than {@code minDelta} in this metric's direction. */
    public boolean improves(double value, double best, double minDelta) {
        return direction == Direction.HIGHER_IS_BETTER ? value > best + minDelta : value < best - minDelta;
    }
}
