package dev.chainrule.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Collects the results and prints them as markdown tables. */
final class Report {

    private final TrainingBenchmark.Options options;
    private final List<String> main = new ArrayList<>();
    private final List<String> hotLoops = new ArrayList<>();
    private final List<String> gemms = new ArrayList<>();

    Report(TrainingBenchmark.Options options) {
        this.options = options;
    }

    void training(String name, Measurement ours, Measurement theirs, Measurement hotLoop, GemmCeiling.Result ceiling) {
        main.add(row(name, rate(ours), rate(theirs), ratio(ours, theirs), ceiling(ceiling),
                bytes(ours.heapBytesPerBatch()) + " / " + bytes(ours.offHeapBytesPerBatch()),
                bytes(theirs.heapBytesPerBatch()) + " / " + bytes(theirs.offHeapBytesPerBatch())));
        hotLoops.add(row(name, rate(hotLoop), ratio(hotLoop, theirs), bytes(hotLoop.heapBytesPerBatch()),
                bytes(hotLoop.offHeapBytesPerBatch())));
        addGemms(name, ceiling);
    }

    void inference(String name, Measurement ours, Measurement theirs, GemmCeiling.Result ceiling) {
        main.add(row(name, rate(ours), rate(theirs), ratio(ours, theirs), ceiling(ceiling), "", ""));
        addGemms(name, ceiling);
    }

    private void addGemms(String name, GemmCeiling.Result ceiling) {
        for (GemmCeiling.Timed timed : ceiling.gemms()) {
            gemms.add(row(name, timed.gemm().role(), timed.gemm().shape(),
                    format("%.1f", timed.gflops()), format("%.1f", timed.seconds() * 1e6)));
        }
    }

    void print(PrintStream out) {
        out.println();
        out.println("Settings: " + options.describe());
        out.println();
        out.println("| workload | Chainrule samples/s, median (min–max) | DL4J samples/s, median (min–max) "
                + "| Chainrule / DL4J | GEMM-only ceiling samples/s (GFLOP/s) "
                + "| Chainrule B/batch heap / off-heap | DL4J B/batch heap / off-heap |");
        out.println("|---|---|---|---|---|---|---|");
        main.forEach(out::println);
        out.println();
        out.println("The engine's hot loop alone (`Network.computeGradients` + `Optimizer.step` on one preloaded "
                + "batch, no trainer):");
        out.println();
        out.println("| workload | samples/s, median (min–max) | / DL4J | heap B/batch | off-heap B/batch |");
        out.println("|---|---|---|---|---|");
        hotLoops.forEach(out::println);
        out.println();
        out.println("ND4J `Nd4j.gemm` per product, float32, into preallocated outputs (median of 5 rounds):");
        out.println();
        out.println("| workload | product | shape | GFLOP/s | µs/call |");
        out.println("|---|---|---|---|---|");
        gemms.forEach(out::println);
    }

    private static String row(String... cells) {
        return "| " + String.join(" | ", cells) + " |";
    }

    private static String rate(Measurement m) {
        return format("%,.0f (%,.0f–%,.0f)", m.median(), m.min(), m.max());
    }

    private static String ratio(Measurement ours, Measurement theirs) {
        return format("%.2f×", ours.median() / theirs.median());
    }

    private static String ceiling(GemmCeiling.Result ceiling) {
        return format("%,.0f (%.0f)", ceiling.samplesPerSecond(), ceiling.gflops());
    }

    private static String bytes(double value) {
        return Double.isNaN(value) ? "–" : format("%,.0f", value);
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
