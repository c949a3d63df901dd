package dev.chainrule.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.nd4j.linalg.factory.Nd4j;

import dev.chainrule.nn.Nd4jThreads;

/**
 * Trains the same workloads with our engine and with DL4J in one JVM, under one thread setting, and
 * prints a markdown table: samples/s per round (median, min, max after warm-up), the ratio, ND4J's
 * GEMM ceiling for the same shapes, and what a steady-state batch allocates.
 *
 * <p>Arguments: {@code --threads N} (default 1), {@code --rounds N} timed rounds (default 5),
 * {@code --warmup N} warm-up rounds (default 1), {@code --only W1|W2|telemetry|batchnorm|inference} to run one part
 * ({@code telemetry}: the trainer with per-layer telemetry off and on, W1 and W2).
 */
public final class TrainingBenchmark {

    private static final int[] W1 = {784, 256, 128, 10};
    private static final int[] W2 = {64, 64, 10};

    private TrainingBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Options options = Options.parse(args);
        Nd4jThreads.pin(options.threads());
        Report report = new Report(options);
        List<EngineRunner> engines = List.of(new ChainruleRunner(), new Dl4jRunner());
        BenchData mnistShaped = BenchData.synthetic(60_000, 784, 10, 7);
        if (options.runs("W1")) {
            for (Workload.Optimizer optimizer : Workload.Optimizer.values()) {
                train(report, engines, new Workload("W1 784-256-128-10 " + optimizer.name().toLowerCase()
                        + ", batch 128", W1, 128, optimizer, mnistShaped, 1), options);
            }
        }
        if (options.runs("W2")) {
            BenchData digits = BenchData.csv(Path.of("examples/datasets/digits.csv"), 10);
            train(report, engines, new Workload("W2 64-64-10 adam, batch 32 (digits)", W2, 32,
                    Workload.Optimizer.ADAM, digits, 10), options);
        }
        if (options.runs("telemetry")) {
            for (Workload.Optimizer optimizer : Workload.Optimizer.values()) {
                telemetry(report, new Workload("W1 784-256-128-10 " + optimizer.name().toLowerCase() + ", batch 128",
                        W1, 128, optimizer, mnistShaped, 1), options);
            }
            BenchData digits = BenchData.csv(Path.of("examples/datasets/digits.csv"), 10);
            telemetry(report, new Workload("W2 64-64-10 adam, batch 32 (digits)", W2, 32, Workload.Optimizer.ADAM,
                    digits, 10), options);
        }
        if (options.runs("batchnorm")) {
            for (Workload.Optimizer optimizer : Workload.Optimizer.values()) {
                batchNorm(report, new Workload("W1 784-256-128-10 " + optimizer.name().toLowerCase() + ", batch 128",
                        W1, 128, optimizer, mnistShaped, 1), options);
            }
        }
        if (options.runs("inference")) {
            Workload w1 = new Workload("W1", W1, 128, Workload.Optimizer.SGD, mnistShaped, 1);
            infer(report, engines, w1, 1, 2_000, options);
            infer(report, engines, w1, 1024, 30, options);
        }
        report.print(System.out);
    }

    private static void train(Report report, List<EngineRunner> engines, Workload workload, Options options) {
        log("training " + workload.name());
        Measurement ours = engines.get(0).train(workload, options.warmup(), options.rounds());
        Measurement theirs = engines.get(1).train(workload, options.warmup(), options.rounds());
        Measurement hotLoop = ((ChainruleRunner) engines.get(0)).hotLoop(workload, options.warmup(), options.rounds());
        List<GemmCeiling.Gemm> gemms = GemmCeiling.training(workload.widths(), workload.batchSize());
        report.training(workload.name(), ours, theirs, hotLoop, ceilings(gemms, workload.batchSize()));
    }

    /**
     * The trainer with per-layer telemetry off and on, in the order off, on, on, off, so that a drift
     * in the machine's load weighs on both alike.
     */
    private static void telemetry(Report report, Workload workload, Options options) {
        log("telemetry off/on " + workload.name());
        ChainruleRunner engine = new ChainruleRunner();
        Measurement off1 = engine.train(workload, options.warmup(), options.rounds(), false);
        Measurement on1 = engine.train(workload, options.warmup(), options.rounds(), true);
        Measurement on2 = engine.train(workload, options.warmup(), options.rounds(), true);
        Measurement off2 = engine.train(workload, options.warmup(), options.rounds(), false);
        report.telemetry(workload.name(), List.of(off1, off2), List.of(on1, on2));
    }

    /** W1 without and with a batch_norm layer after each hidden layer, in the order without, with, with, without. */
    private static void batchNorm(Report report, Workload workload, Options options) {
        log("batch_norm off/on " + workload.name());
        ChainruleRunner engine = new ChainruleRunner();
        Measurement off1 = engine.train(workload, options.warmup(), options.rounds(), false, false);
        Measurement on1 = engine.train(workload, options.warmup(), options.rounds(), false, true);
        Measurement on2 = engine.train(workload, options.warmup(), options.rounds(), false, true);
        Measurement off2 = engine.train(workload, options.warmup(), options.rounds(), false, false);
        report.batchNorm(workload.name(), List.of(off1, off2), List.of(on1, on2));
    }

    private static void infer(Report report, List<EngineRunner> engines, Workload workload, int batch, long calls,
            Options options) {
        String name = "W1 inference, batch " + batch;
        log(name);
        Measurement ours = engines.get(0).infer(workload, batch, options.warmup(), options.rounds(), calls);
        Measurement theirs = engines.get(1).infer(workload, batch, options.warmup(), options.rounds(), calls);
        report.inference(name, ours, theirs, ceilings(GemmCeiling.inference(workload.widths(), batch), batch));
    }

    /** [through OpenBLAS directly, through Nd4j.gemm]. */
    private static GemmCeiling.Result[] ceilings(List<GemmCeiling.Gemm> gemms, int batch) {
        return new GemmCeiling.Result[] {GemmCeiling.measure(gemms, batch, 0.05, false),
                GemmCeiling.measure(gemms, batch, 0.05, true)};
    }

    static void log(String message) {
        System.err.println("[bench] " + message);
    }

    record Options(int threads, int rounds, int warmup, String only) {

        static Options parse(String[] args) {
            int threads = 1;
            int rounds = 5;
            int warmup = 1;
            String only = null;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--threads" -> threads = Integer.parseInt(value);
                    case "--rounds" -> rounds = Integer.parseInt(value);
                    case "--warmup" -> warmup = Integer.parseInt(value);
                    case "--only" -> only = value;
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]
                            + "; expected --threads N, --rounds N, --warmup N, --only W1|W2|telemetry|batchnorm|inference");
                }
                i++;
            }
            if (threads < 1 || rounds < 1 || warmup < 0) {
                throw new IllegalArgumentException("need --threads >= 1, --rounds >= 1, --warmup >= 0");
            }
            return new Options(threads, rounds, warmup, only);
        }

        boolean runs(String part) {
            return only == null || only.equalsIgnoreCase(part);
        }

        /** One thread runs all the work on the calling thread, so its CPU time is the work's cost. */
        boolean cpuTimeBasis() {
            return threads == 1;
        }

        String describe() {
            return "threads " + threads + " (ND4J ops and BLAS), OMP_WAIT_POLICY="
                    + System.getenv().getOrDefault("OMP_WAIT_POLICY", "unset") + ", "
                    + Runtime.getRuntime().availableProcessors() + " cores, "
                    + warmup + " warm-up + " + rounds + " timed rounds, Java " + System.getProperty("java.version")
                    + ", ND4J backend " + Nd4j.getBackend().getClass().getSimpleName();
        }
    }
}
