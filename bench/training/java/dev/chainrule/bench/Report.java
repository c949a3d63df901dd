package dev.chainrule.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Collects the results and prints them as markdown tables. Rates are per second of the benchmark
 * thread's CPU time when one thread does all the work (robust on a busy machine), else per second of
 * wall time; the wall-clock medians are always printed beside them.
 */
final class Report {

    private final TrainingBenchmark.Options options;
    private final boolean cpu;
    private final List<String> main = new ArrayList<>();
    private final List<String> wall = new ArrayList<>();
    private final List<String> hotLoops = new ArrayList<>();
    private final List<String> gemms = new ArrayList<>();
    private final List<String> telemetry = new ArrayList<>();
    private final List<String> batchNorm = new ArrayList<>();

    Report(TrainingBenchmark.Options options) {
        this.options = options;
        this.cpu = options.cpuTimeBasis();
    }

    /** {@code ceilings}: [direct BLAS, Nd4j.gemm]. */
    void training(String name, Measurement ours, Measurement theirs, Measurement hotLoop,
            GemmCeiling.Result[] ceilings) {
        main.add(log(row(name, rate(ours), rate(theirs), ratio(ours, theirs), ceiling(ceilings[0]),
                bytes(ours.heapBytesPerBatch()) + " / " + bytes(ours.offHeapBytesPerBatch()),
                bytes(theirs.heapBytesPerBatch()) + " / " + bytes(theirs.offHeapBytesPerBatch()))));
        wall.add(row(name, median(ours.wall()), median(theirs.wall()),
                format("%.2f×", ours.wall().median() / theirs.wall().median())));
        hotLoops.add(row(name, rate(hotLoop), ratio(hotLoop, theirs), bytes(hotLoop.heapBytesPerBatch()),
                bytes(hotLoop.offHeapBytesPerBatch())));
        addGemms(name, ceilings);
    }

    /** Two runs each with telemetry off and on; the cost is that of the summed medians. */
    void telemetry(String name, List<Measurement> off, List<Measurement> on) {
        double offRate = off.stream().mapToDouble(m -> basis(m).median()).sum();
        double onRate = on.stream().mapToDouble(m -> basis(m).median()).sum();
        telemetry.add(log(row(name, medians(off), medians(on), format("%.1f %%", 100 * (1 - onRate / offRate)),
                bytes(off.get(0).heapBytesPerBatch()) + " / " + bytes(on.get(0).heapBytesPerBatch()),
                bytes(off.get(0).offHeapBytesPerBatch()) + " / " + bytes(on.get(0).offHeapBytesPerBatch()))));
    }

    /** Two runs each of W1 without and with batch_norm layers; the cost is that of the summed medians. */
    void batchNorm(String name, List<Measurement> off, List<Measurement> on) {
        double offRate = off.stream().mapToDouble(m -> basis(m).median()).sum();
        double onRate = on.stream().mapToDouble(m -> basis(m).median()).sum();
        batchNorm.add(log(row(name, medians(off), medians(on), format("%.1f %%", 100 * (1 - onRate / offRate)))));
    }

    private String medians(List<Measurement> runs) {
        return runs.stream().map(m -> format("%,.0f", basis(m).median())).reduce((a, b) -> a + ", " + b)
                .orElse("");
    }

    void inference(String name, Measurement ours, Measurement theirs, GemmCeiling.Result[] ceilings) {
        main.add(log(row(name, rate(ours), rate(theirs), ratio(ours, theirs), ceiling(ceilings[0]), "", "")));
        wall.add(row(name, median(ours.wall()), median(theirs.wall()),
                format("%.2f×", ours.wall().median() / theirs.wall().median())));
        addGemms(name, ceilings);
    }

    private void addGemms(String name, GemmCeiling.Result[] ceilings) {
        for (int i = 0; i < ceilings[0].gemms().size(); i++) {
            GemmCeiling.Timed blas = ceilings[0].gemms().get(i);
            GemmCeiling.Timed nd4j = ceilings[1].gemms().get(i);
            gemms.add(row(name, blas.gemm().role(), blas.gemm().shape(), format("%.1f", blas.gflops(cpu)),
                    format("%.1f", blas.seconds(cpu) * 1e6), format("%.1f", nd4j.gflops(cpu)),
                    format("%.1f", nd4j.seconds(cpu) * 1e6)));
        }
    }

    void print(PrintStream out) {
        String basis = cpu ? "per second of the benchmark thread's CPU time" : "per second of wall time";
        out.println();
        out.println("Settings: " + options.describe() + ". Rates: samples " + basis + ".");
        out.println();
        out.println("| workload | Chainrule samples/s, median (min–max) | DL4J samples/s, median (min–max) "
                + "| Chainrule / DL4J | BLAS-only ceiling samples/s (GFLOP/s) "
                + "| Chainrule B/batch heap / off-heap | DL4J B/batch heap / off-heap |");
        out.println("|---|---|---|---|---|---|---|");
        main.forEach(out::println);
        out.println();
        out.println("Wall-clock medians of the same rounds:");
        out.println();
        out.println("| workload | Chainrule samples/s | DL4J samples/s | Chainrule / DL4J |");
        out.println("|---|---|---|---|");
        wall.forEach(out::println);
        out.println();
        out.println("The engine's hot loop alone (`Network.computeGradients` + `Optimizer.step` on one preloaded "
                + "batch, no trainer):");
        out.println();
        out.println("| workload | samples/s, median (min–max) | / DL4J | heap B/batch | off-heap B/batch |");
        out.println("|---|---|---|---|---|");
        hotLoops.forEach(out::println);
        out.println();
        if (!telemetry.isEmpty()) {
            out.println("Per-layer telemetry off and on, through the trainer (median samples/s of each run, "
                    + "runs in the order off, on, on, off):");
            out.println();
            out.println("| workload | telemetry off | telemetry on | cost | heap B/batch off / on "
                    + "| off-heap B/batch off / on |");
            out.println("|---|---|---|---|---|---|");
            telemetry.forEach(out::println);
            out.println();
        }
        if (!batchNorm.isEmpty()) {
            out.println();
            out.println("W1 without and with a batch_norm layer after each hidden layer (256 and 128 columns), "
                    + "through the trainer (median samples/s of each run, in the order without, with, with, without):");
            out.println();
            out.println("| workload | without batch_norm | with batch_norm | cost |");
            out.println("|---|---|---|---|");
            batchNorm.forEach(out::println);
        }
        out.println("Each product, float32, into preallocated outputs (median of 5 rounds):");
        out.println();
        out.println("| workload | product | shape | OpenBLAS GFLOP/s | µs/call | `Nd4j.gemm` GFLOP/s | µs/call |");
        out.println("|---|---|---|---|---|---|---|");
        gemms.forEach(out::println);
    }

    /** Shows a result as soon as it is known, on stderr beside the progress lines. */
    private static String log(String row) {
        TrainingBenchmark.log(row);
        return row;
    }

    private static String row(String... cells) {
        return "| " + String.join(" | ", cells) + " |";
    }

    private Measurement.Rates basis(Measurement m) {
        return cpu ? m.cpu() : m.wall();
    }

    private String rate(Measurement m) {
        Measurement.Rates rates = basis(m);
        return format("%,.0f (%,.0f–%,.0f)", rates.median(), rates.min(), rates.max());
    }

    private static String median(Measurement.Rates rates) {
        return format("%,.0f", rates.median());
    }

    private String ratio(Measurement ours, Measurement theirs) {
        return format("%.2f×", basis(ours).median() / basis(theirs).median());
    }

    private String ceiling(GemmCeiling.Result ceiling) {
        return format("%,.0f (%.0f)", ceiling.samplesPerSecond(cpu), ceiling.gflops(cpu));
    }

    private static String bytes(double value) {
        return Double.isNaN(value) ? "–" : format("%,.0f", value);
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
