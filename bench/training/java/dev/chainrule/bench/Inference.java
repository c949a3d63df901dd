package dev.chainrule.bench;

/** Times repeated forward passes in rounds; the call itself frees what it allocates. */
final class Inference {

    private Inference() {
    }

    static Measurement time(int batch, int warmupRounds, int timedRounds, long callsPerRound, Runnable call) {
        Measurement.Rounds rounds = new Measurement.Rounds();
        for (int round = 0; round < warmupRounds + timedRounds; round++) {
            Stopwatch stopwatch = new Stopwatch();
            for (long i = 0; i < callsPerRound; i++) {
                call.run();
            }
            Stopwatch.Lap lap = stopwatch.lap();
            if (round >= warmupRounds) {
                rounds.add((double) callsPerRound * batch, lap);
            }
        }
        return rounds.measurement(null);
    }
}
