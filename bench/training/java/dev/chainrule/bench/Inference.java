package dev.chainrule.bench;

/** Times repeated forward passes in rounds; the call itself frees what it allocates. */
final class Inference {

    private Inference() {
    }

    static Measurement time(int batch, int warmupRounds, int timedRounds, long callsPerRound, Runnable call) {
        double[] rates = new double[timedRounds];
        for (int round = 0; round < warmupRounds + timedRounds; round++) {
            long started = System.nanoTime();
            for (long i = 0; i < callsPerRound; i++) {
                call.run();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            if (round >= warmupRounds) {
                rates[round - warmupRounds] = callsPerRound * batch / seconds;
            }
        }
        return Measurement.of(rates);
    }
}
