package dev.chainrule.bench;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's GEMM speed for exactly the products one batch needs, into preallocated outputs: the
 * samples/s a loop would reach if the matrix products were all it did.
 */
final class GemmCeiling {

    /** {@code c[m, n] = op(a)·op(b)} with the inner dimension {@code k}; transposes as flags. */
    record Gemm(String role, int m, int k, int n, boolean transA, boolean transB) {

        double flops() {
            return 2.0 * m * k * n;
        }

        String shape() {
            return "[" + m + "x" + k + "]" + (transA ? "ᵀ-stored" : "") + " · [" + k + "x" + n + "]"
                    + (transB ? "ᵀ-stored" : "");
        }
    }

    record Timed(Gemm gemm, double seconds) {

        double gflops() {
            return gemm.flops() / seconds / 1e9;
        }
    }

    record Result(List<Timed> gemms, int batch) {

        double gflops() {
            return gemms.stream().mapToDouble(t -> t.gemm().flops()).sum() / seconds() / 1e9;
        }

        double samplesPerSecond() {
            return batch / seconds();
        }

        private double seconds() {
            return gemms.stream().mapToDouble(Timed::seconds).sum();
        }
    }

    private GemmCeiling() {
    }

    /** Forward {@code a·W}, then {@code dW = aᵀ·dz} and (except the first layer) {@code da = dz·Wᵀ}. */
    static List<Gemm> training(int[] widths, int batch) {
        List<Gemm> gemms = new ArrayList<>(inference(widths, batch));
        for (int i = widths.length - 1; i >= 1; i--) {
            gemms.add(new Gemm("dW" + i, widths[i - 1], batch, widths[i], true, false));
            if (i > 1) {
                gemms.add(new Gemm("dX" + i, batch, widths[i], widths[i - 1], false, true));
            }
        }
        return gemms;
    }

    static List<Gemm> inference(int[] widths, int batch) {
        List<Gemm> gemms = new ArrayList<>();
        for (int i = 1; i < widths.length; i++) {
            gemms.add(new Gemm("Z" + i, batch, widths[i - 1], widths[i], false, false));
        }
        return gemms;
    }

    /** Median time per call of each product over five rounds of at least {@code minSecondsEach}. */
    static Result measure(List<Gemm> gemms, int batch, double minSecondsEach) {
        List<Timed> timed = new ArrayList<>();
        for (Gemm gemm : gemms) {
            timed.add(new Timed(gemm, secondsPerCall(gemm, minSecondsEach)));
        }
        return new Result(timed, batch);
    }

    private static double secondsPerCall(Gemm gemm, double minSeconds) {
        INDArray a = gemm.transA() ? Nd4j.rand(DataType.FLOAT, gemm.k(), gemm.m())
                : Nd4j.rand(DataType.FLOAT, gemm.m(), gemm.k());
        INDArray b = gemm.transB() ? Nd4j.rand(DataType.FLOAT, gemm.n(), gemm.k())
                : Nd4j.rand(DataType.FLOAT, gemm.k(), gemm.n());
        INDArray c = Nd4j.create(DataType.FLOAT, gemm.m(), gemm.n());
        int calls = 20;
        double[] perCall = new double[5];
        for (int round = -1; round < perCall.length; round++) {
            long started = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                Nd4j.gemm(a, b, c, gemm.transA(), gemm.transB(), 1.0, 0.0);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            if (round < 0) {
                // warm-up round sizes the timed ones
                calls = (int) Math.max(1, Math.min(1_000_000, minSeconds / Math.max(seconds / calls, 1e-9)));
            } else {
                perCall[round] = seconds / calls;
            }
        }
        java.util.Arrays.sort(perCall);
        return perCall[perCall.length / 2];
    }
}
