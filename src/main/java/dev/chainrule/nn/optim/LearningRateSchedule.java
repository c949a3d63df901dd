package dev.chainrule.nn.optim;

/** The learning rate as a function of the (0-based) epoch; constant within an epoch. */
public sealed interface LearningRateSchedule permits LearningRateSchedule.Constant, LearningRateSchedule.Step,
        LearningRateSchedule.Exponential, LearningRateSchedule.Cosine {

    double rateAt(double baseRate, int epoch);

    record Constant() implements LearningRateSchedule {
        public double rateAt(double baseRate, int epoch) {
            return baseRate;
        }
    }

    /** Multiplies the rate by {@code gamma} every {@code stepSize} epochs. */
    record Step(int stepSize, double gamma) implements LearningRateSchedule {
        public double rateAt(double baseRate, int epoch) {
            return baseRate * Math.pow(gamma, Math.floorDiv(epoch, stepSize));
        }
    }

    /** Multiplies the rate by {@code gamma} every epoch. */
    record Exponential(double gamma) implements LearningRateSchedule {
        public double rateAt(double baseRate, int epoch) {
            return baseRate * Math.pow(gamma, epoch);
        }
    }

    /** Cosine annealing from the base rate to {@code minRate} over {@code periodEpochs}, then flat. */
    record Cosine(int periodEpochs, double minRate) implements LearningRateSchedule {
        public double rateAt(double baseRate, int epoch) {
            int t = Math.min(epoch, periodEpochs);
            return minRate + (baseRate - minRate) * (1 + Math.cos(Math.PI * t / periodEpochs)) / 2;
        }
    }
}
