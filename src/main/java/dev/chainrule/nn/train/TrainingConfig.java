package dev.chainrule.nn.train;

import dev.chainrule.nn.optim.LearningRateSchedule;
import dev.chainrule.nn.optim.OptimizerSpec;

/**
 * How to train: {@code epochs} passes over the training data in mini-batches of {@code batchSize}
 * (the last partial batch kept), reshuffled each epoch by a permutation derived from
 * ({@code seed}, epoch) when {@code shuffle} is set. {@code earlyStopping} may be null;
 * {@code clipping} limits each batch's gradient before the step (null: not clipped).
 * {@code classWeights} (null: none) weights the training loss by class, see
 * {@link dev.chainrule.nn.Network#weightClasses}.
 */
public record TrainingConfig(int epochs, int batchSize, OptimizerSpec optimizer, LearningRateSchedule schedule,
        boolean shuffle, long seed, EarlyStopping earlyStopping, GradientClipping clipping, double[] classWeights) {

    public TrainingConfig {
        clipping = clipping == null ? GradientClipping.NONE : clipping;
    }

    /** Without gradient clipping or class weights. */
    public TrainingConfig(int epochs, int batchSize, OptimizerSpec optimizer, LearningRateSchedule schedule,
            boolean shuffle, long seed, EarlyStopping earlyStopping) {
        this(epochs, batchSize, optimizer, schedule, shuffle, seed, earlyStopping, GradientClipping.NONE, null);
    }

    /** Without class weights. */
    public TrainingConfig(int epochs, int batchSize, OptimizerSpec optimizer, LearningRateSchedule schedule,
            boolean shuffle, long seed, EarlyStopping earlyStopping, GradientClipping clipping) {
        this(epochs, batchSize, optimizer, schedule, shuffle, seed, earlyStopping, clipping, null);
    }

    public TrainingConfig withClassWeights(double[] weights) {
        return new TrainingConfig(epochs, batchSize, optimizer, schedule, shuffle, seed, earlyStopping, clipping,
                weights);
    }
}
