package dev.chainrule.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMin;
import org.nd4j.linalg.api.ops.impl.transforms.same.Abs;
import org.nd4j.linalg.api.ops.impl.transforms.same.Sign;
import org.nd4j.linalg.api.ops.impl.transforms.same.Square;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Exp;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Log;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Loss values and their gradients with PyTorch's mean reductions: cross-entropy averages over the
 * batch, every other loss over batch × outputs. Cross-entropy and binary cross-entropy are fused with
 * their output activation: their gradient is taken with respect to the pre-activation {@code z}
 * ({@code (p − y)/n}) and is computed from {@code z} in a form that cannot overflow.
 */
final class Losses {

    private Losses() {
    }

    /** Whether {@link #gradient} yields dL/dz (fused) instead of dL/da. */
    static boolean isFused(Loss loss) {
        return loss == Loss.CROSS_ENTROPY || loss == Loss.BINARY_CROSS_ENTROPY;
    }

    /** The mean loss; {@code scratch} (shaped like {@code a}) is overwritten. */
    static double value(Loss loss, INDArray z, INDArray a, INDArray y, INDArray scratch) {
        long rows = a.rows();
        double elements = (double) a.length();
        switch (loss) {
            case MSE -> {
                scratch.assign(a).subi(y);
                Nd4j.exec(new Square(scratch, scratch));
                return scratch.sumNumber().doubleValue() / elements;
            }
            case MAE -> {
                scratch.assign(a).subi(y);
                Nd4j.exec(new Abs(scratch, scratch));
                return scratch.sumNumber().doubleValue() / elements;
            }
            case HUBER -> {
                // with d = |a − y| and m = min(d, 1): d·m − m²/2 is d²/2 below 1 and d − 1/2 above
                scratch.assign(a).subi(y);
                Nd4j.exec(new Abs(scratch, scratch));
                try (INDArray m = scratch.dup()) {
                    Nd4j.exec(new ScalarMin(m, null, m, 1.0));
                    scratch.muli(m);
                    Nd4j.exec(new Square(m, m));
                    scratch.subi(m.muli(0.5));
                }
                return scratch.sumNumber().doubleValue() / elements;
            }
            case CROSS_ENTROPY -> {
                if (HostMemory.readable(z) && HostMemory.readable(y)) {
                    return crossEntropy(z, y);
                }
                logSoftmax(z, scratch);
                scratch.muli(y);
                return -scratch.sumNumber().doubleValue() / rows;
            }
            case BINARY_CROSS_ENTROPY -> {
                // softplus(z) − z·y, which equals −[y·log σ(z) + (1−y)·log(1−σ(z))] without overflow
                Activations.softplus(z, scratch);
                try (INDArray zy = z.mul(y)) {
                    scratch.subi(zy);
                }
                return scratch.sumNumber().doubleValue() / elements;
            }
            default -> throw new IllegalStateException("unknown loss " + loss);
        }
    }

    /** {@code grad = (a − y)·scale}: a loop over the outputs where three ND4J ops would cost more. */
    private static void scaledDifference(INDArray a, INDArray y, double scale, INDArray grad) {
        if (!(HostMemory.readable(a) && HostMemory.readable(y) && HostMemory.readable(grad))) {
            grad.assign(a).subi(y).muli(scale);
            return;
        }
        HostMemory outputs = HostMemory.of(a);
        HostMemory targets = HostMemory.of(y);
        HostMemory result = HostMemory.of(grad);
        int length = (int) a.length();
        for (int i = 0; i < length; i++) {
            result.set(i, (outputs.get(i) - targets.get(i)) * scale);
        }
    }

    /**
     * {@code −Σ y·log_softmax(z) / rows} in one pass over the logits, in double precision, with the
     * same log-sum-exp as {@link #logSoftmax}; the ND4J form takes about ten ops and three arrays.
     */
    private static double crossEntropy(INDArray z, INDArray y) {
        HostMemory logits = HostMemory.of(z);
        HostMemory targets = HostMemory.of(y);
        int rows = (int) z.rows();
        int columns = (int) z.columns();
        double sum = 0;
        for (int i = 0; i < rows; i++) {
            int row = i * columns;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < columns; j++) {
                max = Math.max(max, logits.get(row + j));
            }
            double exps = 0;
            for (int j = 0; j < columns; j++) {
                exps += Math.exp(logits.get(row + j) - max);
            }
            double logSum = max + Math.log(exps);
            for (int j = 0; j < columns; j++) {
                double target = targets.get(row + j);
                if (target != 0) {
                    sum += target * (logits.get(row + j) - logSum);
                }
            }
        }
        return -sum / rows;
    }

    /**
     * {@code z − max − log Σ exp(z − max)} row by row. ND4J's own log_softmax takes the log of the
     * softmax, which is −∞ for a logit far below the others.
     */
    private static void logSoftmax(INDArray z, INDArray out) {
        try (INDArray max = z.max(true, 1)) {
            out.assign(z).subiColumnVector(max);
        }
        try (INDArray exp = out.dup()) {
            Nd4j.exec(new Exp(exp, exp));
            try (INDArray logSum = exp.sum(true, 1)) {
                Nd4j.exec(new Log(logSum, logSum));
                out.subiColumnVector(logSum);
            }
        }
    }

    /** Writes dL/da, or dL/dz for the fused losses, into {@code grad}. */
    static void gradient(Loss loss, INDArray a, INDArray y, INDArray grad) {
        double elements = (double) a.length();
        switch (loss) {
            case MSE -> grad.assign(a).subi(y).muli(2.0 / elements);
            case MAE -> {
                grad.assign(a).subi(y);
                Nd4j.exec(new Sign(grad, grad));
                grad.muli(1.0 / elements);
            }
            case HUBER -> {
                grad.assign(a).subi(y);
                Nd4j.exec(new ScalarMin(grad, null, grad, 1.0));
                Nd4j.exec(new org.nd4j.linalg.api.ops.impl.scalar.ScalarMax(grad, null, grad, -1.0));
                grad.muli(1.0 / elements);
            }
            case CROSS_ENTROPY -> scaledDifference(a, y, 1.0 / a.rows(), grad);
            case BINARY_CROSS_ENTROPY -> scaledDifference(a, y, 1.0 / elements, grad);
        }
    }
}
