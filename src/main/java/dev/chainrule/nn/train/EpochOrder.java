package dev.chainrule.nn.train;

import java.util.Arrays;
import java.util.SplittableRandom;

import dev.chainrule.nn.Seeds;

/**
 * The order in which an epoch visits the training rows: a permutation drawn from a generator seeded
 * by (seed, epoch) alone, so that resuming at any point of any epoch replays the same order.
 */
final class EpochOrder {

    private EpochOrder() {
    }

    static int[] of(int rows, boolean shuffle, long seed, int epoch) {
        int[] order = new int[rows];
        Arrays.setAll(order, i -> i);
        if (shuffle) {
            ValidationSplit.shuffle(order, new SplittableRandom(Seeds.mix(seed, epoch)));
        }
        return order;
    }
}
