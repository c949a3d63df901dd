package dev.chainrule.nn.kernel.reference;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import dev.chainrule.nn.kernel.NormalizationKernel;

/** Batch normalization as ND4J ops written after the definitions. Keeps nothing between calls. */
final class Nd4jNormalization implements NormalizationKernel {

    @Override
    public void normalize(INDArray x, INDArray gamma, INDArray beta, double epsilon, INDArray mean,
            INDArray variance, INDArray inverseStd, INDArray xHat, INDArray y) {
        mean.assign(x.mean(true, 0));
        INDArray centered = x.subRowVector(mean);
        variance.assign(centered.mul(centered).mean(true, 0));
        inverseStd.assign(Transforms.pow(variance.add(epsilon), -0.5, false));
        xHat.assign(centered.muliRowVector(inverseStd));
        y.assign(xHat.mulRowVector(gamma).addiRowVector(beta));
    }

    @Override
    public void backward(INDArray dy, INDArray xHat, INDArray gamma, INDArray inverseStd, INDArray dGamma,
            INDArray dBeta, INDArray dx) {
        INDArray sumDy = dy.sum(true, 0);
        INDArray sumDyXHat = dy.mul(xHat).sum(true, 0);
        dBeta.assign(sumDy);
        dGamma.assign(sumDyXHat);
        if (dx != null) {
            long n = dy.rows();
            INDArray inner = dy.mul(n).subiRowVector(sumDy).subi(xHat.mulRowVector(sumDyXHat));
            dx.assign(inner.muliRowVector(gamma.mul(inverseStd).divi(n)));
        }
    }

    @Override
    public void updateRunning(INDArray running, INDArray batch, double momentum, double scale) {
        running.assign(running.mul(1 - momentum).addi(batch.mul(momentum * scale)));
    }

    @Override
    public INDArray infer(INDArray x, INDArray gamma, INDArray beta, INDArray mean, INDArray variance,
            double epsilon) {
        INDArray inverseStd = Transforms.pow(variance.add(epsilon), -0.5, false);
        return x.subRowVector(mean).muliRowVector(inverseStd.muli(gamma)).addiRowVector(beta);
    }
}
