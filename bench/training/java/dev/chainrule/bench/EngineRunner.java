package dev.chainrule.bench;

/** One engine under test: trains a workload and runs its inference, reporting samples/s per round. */
interface EngineRunner {

    String name();

    Measurement train(Workload workload, int warmupRounds, int timedRounds);

    /** Forward passes of {@code batch} rows, {@code callsPerRound} calls per timed round. */
    Measurement infer(Workload workload, int batch, int warmupRounds, int timedRounds, long callsPerRound);
}
