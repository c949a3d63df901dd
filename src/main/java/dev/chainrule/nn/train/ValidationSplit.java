package dev.chainrule.nn.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Splits row indices into training and validation sets. With class indices the split is stratified:
 * each class gives {@code round(fraction·count)} of its rows to validation, so small classes keep
 * their share, but never gives away a class's last row. The result depends only on the arguments;
 * both index arrays come back sorted.
 */
public final class ValidationSplit {

    private ValidationSplit() {
    }

    public record Split(int[] train, int[] validation) {
    }

    public static Split split(int[] classIndicesOrNull, int rows, double fraction, long seed) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in [0, 1), was " + fraction);
        }
        if (classIndicesOrNull != null && classIndicesOrNull.length != rows) {
            throw new IllegalArgumentException("expected " + rows + " class indices but got " + classIndicesOrNull.length);
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<int[]> groups = new ArrayList<>();
        if (classIndicesOrNull == null) {
            groups.add(range(rows));
        } else {
            TreeMap<Integer, List<Integer>> byClass = new TreeMap<>();
            for (int row = 0; row < rows; row++) {
                byClass.computeIfAbsent(classIndicesOrNull[row], c -> new ArrayList<>()).add(row);
            }
            byClass.values().forEach(list -> groups.add(list.stream().mapToInt(Integer::intValue).toArray()));
        }
        int[] train = new int[rows];
        int[] validation = new int[rows];
        int trainCount = 0;
        int validationCount = 0;
        for (int[] group : groups) {
            shuffle(group, random);
            // never the last row of a class: every class the data has stays learnable
            int take = (int) Math.min(Math.round(fraction * group.length), group.length - 1);
            for (int i = 0; i < group.length; i++) {
                if (i < take) {
                    validation[validationCount++] = group[i];
                } else {
                    train[trainCount++] = group[i];
                }
            }
        }
        int[] trainRows = Arrays.copyOf(train, trainCount);
        int[] validationRows = Arrays.copyOf(validation, validationCount);
        Arrays.sort(trainRows);
        Arrays.sort(validationRows);
        return new Split(trainRows, validationRows);
    }

    private static int[] range(int n) {
        int[] values = new int[n];
        Arrays.setAll(values, i -> i);
        return values;
    }

    static void shuffle(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }
}
