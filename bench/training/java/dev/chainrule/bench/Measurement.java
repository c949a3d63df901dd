package dev.chainrule.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Samples per second of each timed round, by wall time and by the training thread's CPU time, and
 * what one batch allocated in the steady state (NaN where not measured).
 */
record Measurement(Rates wall, Rates cpu, double heapBytesPerBatch, double offHeapBytesPerBatch) {

    /** Collects rounds as they finish. */
    static final class Rounds {
        private final List<Double> wall = new ArrayList<>();
        private final List<Double> cpu = new ArrayList<>();

        void add(double samples, Stopwatch.Lap lap) {
            wall.add(samples / lap.wallSeconds());
            cpu.add(samples / lap.cpuSeconds());
        }

        int size() {
            return wall.size();
        }

        Measurement measurement(AllocationMeter meter) {
            return new Measurement(new Rates(wall), new Rates(cpu),
                    meter == null ? Double.NaN : meter.heapPerInterval(),
                    meter == null ? Double.NaN : meter.offHeapPerInterval());
        }
    }

    record Rates(double[] sorted) {

        Rates(List<Double> values) {
            this(values.stream().mapToDouble(Double::doubleValue).sorted().toArray());
        }

        double median() {
            int n = sorted.length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }

        double min() {
            return sorted[0];
        }

        double max() {
            return sorted[sorted.length - 1];
        }

        @Override
        public String toString() {
            return Arrays.toString(sorted);
        }
    }
}
