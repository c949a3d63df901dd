package dev.chainrule.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * GEMM speed for exactly the products one batch needs, into preallocated outputs: the samples/s a
 * loop would reach if the matrix products were all it did. Measured twice: through
 * {@code Nd4j.gemm} (ND4J's custom op) and straight through the OpenBLAS that ND4J bundles.
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

    /** Median seconds per call, by wall time and by CPU time. */
    record Timed(Gemm gemm, double wallSeconds, double cpuSeconds) {

        double seconds(boolean cpu) {
            return cpu ? cpuSeconds : wallSeconds;
        }

        double gflops(boolean cpu) {
            return gemm.flops() / seconds(cpu) / 1e9;
        }
    }

    record Result(List<Timed> gemms, int batch) {

        double gflops(boolean cpu) {
            return gemms.stream().mapToDouble(t -> t.gemm().flops()).sum() / seconds(cpu) / 1e9;
        }

        double samplesPerSecond(boolean cpu) {
            return batch / seconds(cpu);
        }

        private double seconds(boolean cpu) {
            return gemms.stream().mapToDouble(t -> t.seconds(cpu)).sum();
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
    static Result measure(List<Gemm> gemms, int batch, double minSecondsEach, boolean viaNd4j) {
        List<Timed> timed = new ArrayList<>();
        for (Gemm gemm : gemms) {
            timed.add(secondsPerCall(gemm, minSecondsEach, viaNd4j));
        }
        return new Result(timed, batch);
    }

    private static Timed secondsPerCall(Gemm gemm, double minSeconds, boolean viaNd4j) {
        INDArray a = gemm.transA() ? Nd4j.rand(DataType.FLOAT, gemm.k(), gemm.m())
                : Nd4j.rand(DataType.FLOAT, gemm.m(), gemm.k());
        INDArray b = gemm.transB() ? Nd4j.rand(DataType.FLOAT, gemm.n(), gemm.k())
                : Nd4j.rand(DataType.FLOAT, gemm.k(), gemm.n());
        INDArray c = Nd4j.create(DataType.FLOAT, gemm.m(), gemm.n());
        Runnable product = viaNd4j ? () -> Nd4j.gemm(a, b, c, gemm.transA(), gemm.transB(), 1.0, 0.0)
                : blas(gemm, a, b, c);
        int calls = 20;
        double[] wall = new double[5];
        double[] cpu = new double[wall.length];
        for (int round = -1; round < wall.length; round++) {
            Stopwatch stopwatch = new Stopwatch();
            for (int i = 0; i < calls; i++) {
                product.run();
            }
            Stopwatch.Lap lap = stopwatch.lap();
            if (round < 0) {
                // the warm-up round sizes the timed ones
                calls = (int) Math.max(1, Math.min(1_000_000, minSeconds / Math.max(lap.wallSeconds() / calls, 1e-9)));
            } else {
                wall[round] = lap.wallSeconds() / calls;
                cpu[round] = lap.cpuSeconds() / calls;
            }
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        return new Timed(gemm, wall[wall.length / 2], cpu[cpu.length / 2]);
    }

    /** Row-major {@code cblas_sgemm} on the arrays' memory, the pointers made once. */
    private static Runnable blas(Gemm gemm, INDArray a, INDArray b, INDArray c) {
        FloatPointer pa = new FloatPointer(a.data().addressPointer());
        FloatPointer pb = new FloatPointer(b.data().addressPointer());
        FloatPointer pc = new FloatPointer(c.data().addressPointer());
        int opA = gemm.transA() ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
        int opB = gemm.transB() ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
        int lda = (int) a.columns();
        int ldb = (int) b.columns();
        return () -> openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor, opA, opB, gemm.m(), gemm.n(),
                gemm.k(), 1f, pa, lda, pb, ldb, 0f, pc, gemm.n());
    }
}
