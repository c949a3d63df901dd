package dev.chainrule.nn.kernel.reference;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.same.Abs;
import org.nd4j.linalg.api.ops.impl.transforms.same.Sign;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Exp;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import dev.chainrule.nn.Loss;
import dev.chainrule.nn.kernel.LossKernel;

/**
 * The losses as ND4J ops in the training precision, written as their definitions. The fused losses
 * work from {@code z} in forms that cannot overflow: {@code log softmax} with the row maximum taken
 * out, and {@code softplus(z) − z·y}. Keeps nothing between calls.
 */
final class Nd4jLosses implements LossKernel {

    @Override
    public double softmaxCrossEntropy(INDArray z, INDArray y, INDArray a, INDArray dz) {
        try (INDArray logP = logSoftmax(z)) {
            double loss = crossEntropy(logP, y);
            Nd4j.exec(new Exp(logP, a));
            a.sub(y, dz).divi(z.rows());
            return loss;
        }
    }

    @Override
    public double sigmoidBinaryCrossEntropy(INDArray z, INDArray y, INDArray a, INDArray dz) {
        double loss = binaryCrossEntropy(z, y);
        Nd4j.exec(new Sigmoid(z, a));
        a.sub(y, dz).divi(z.length());
        return loss;
    }

    @Override
    public double regression(Loss loss, INDArray a, INDArray y, INDArray da) {
        try (INDArray d = a.sub(y)) {
            double value = regressionValue(loss, d);
            switch (loss) {
                case MSE -> da.assign(d).muli(2.0 / d.length());
                case MAE -> Nd4j.exec(new Sign(d, da)).divi(d.length());
                case HUBER -> {
                    // the gradient of the Huber loss is d clipped to [−δ, δ]
                    da.assign(Transforms.min(Transforms.max(d, -1.0), 1.0)).divi(d.length());
                }
                default -> throw new IllegalArgumentException(loss + " is not a regression loss");
            }
            return value;
        }
    }

    @Override
    public double value(Loss loss, INDArray z, INDArray a, INDArray y) {
        return switch (loss) {
            case CROSS_ENTROPY -> {
                try (INDArray logP = logSoftmax(z)) {
                    yield crossEntropy(logP, y);
                }
            }
            case BINARY_CROSS_ENTROPY -> binaryCrossEntropy(z, y);
            case MSE, MAE, HUBER -> {
                try (INDArray d = a.sub(y)) {
                    yield regressionValue(loss, d);
                }
            }
        };
    }

    /**
     * {@code log softmax(z) = (z − max) − log Σ exp(z − max)}, row by row: ND4J's log-softmax op takes
     * the log of the softmax, which underflows to −∞ for logits a few hundred apart.
     */
    private static INDArray logSoftmax(INDArray z) {
        try (INDArray max = z.max(true, 1)) {
            INDArray shifted = z.subColumnVector(max);
            try (INDArray exponentials = Transforms.exp(shifted, true);
                    INDArray sums = exponentials.sum(true, 1)) {
                return shifted.subiColumnVector(Transforms.log(sums, false));
            }
        }
    }

    /** The batch mean of {@code −Σ_j y_j·log p_j}. */
    private static double crossEntropy(INDArray logP, INDArray y) {
        try (INDArray terms = logP.mul(y)) {
            return -terms.sumNumber().doubleValue() / logP.rows();
        }
    }

    /** The mean of {@code softplus(z) − z·y}, which is {@code −y·log σ(z) − (1−y)·log(1 − σ(z))}. */
    private static double binaryCrossEntropy(INDArray z, INDArray y) {
        try (INDArray terms = z.ulike(); INDArray zy = z.mul(y)) {
            Nd4jActivation.softplus(z, terms);
            return terms.subi(zy).sumNumber().doubleValue() / z.length();
        }
    }

    /**
     * The mean over every element of {@code d²}, {@code |d|} or Huber's {@code q·(|d| − q/2)} with
     * {@code q = min(|d|, 1)}.
     */
    private static double regressionValue(Loss loss, INDArray d) {
        try (INDArray abs = d.ulike()) {
            Nd4j.exec(new Abs(d, abs));
            INDArray terms = switch (loss) {
                case MSE -> d.mul(d);
                case MAE -> abs.dup();
                // d²/2 where |d| < 1, |d| − 1/2 elsewhere
                case HUBER -> {
                    INDArray q = Transforms.min(abs, 1.0);
                    yield abs.sub(q.mul(0.5)).muli(q);
                }
                default -> throw new IllegalArgumentException(loss + " is not a regression loss");
            };
            try (terms) {
                return terms.sumNumber().doubleValue() / d.length();
            }
        }
    }
}
