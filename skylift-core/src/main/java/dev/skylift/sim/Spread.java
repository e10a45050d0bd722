package dev.skylift.sim;

import java.util.Arrays;

/**
 * How a metric varied over the runs of a strategy: least, quartiles, median and most. For one run
 * all five are that run's value. Quartiles interpolate linearly between ranks (the usual
 * "type 7" definition), so they are exact for evenly spaced values.
 */
public record Spread(double min, double q1, double median, double q3, double max) {

    public Spread {
        if (!(Double.isFinite(min) && Double.isFinite(max) && min <= q1 && q1 <= median && median <= q3 && q3 <= max)) {
            throw new IllegalArgumentException("the spread min " + min + " ≤ q1 " + q1 + " ≤ median " + median + " ≤ q3 "
                    + q3 + " ≤ max " + max + " is not in order or not finite");
        }
    }

    /** The spread of {@code values} (at least one, none NaN). */
    public static Spread of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a spread needs at least one value");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Spread(sorted[0], quantile(sorted, 0.25), quantile(sorted, 0.5), quantile(sorted, 0.75),
                sorted[sorted.length - 1]);
    }

    private static double quantile(double[] sorted, double p) {
        double rank = p * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }

    /** Whether every run gave the same value. */
    public boolean single() {
        return min == max;
    }
}
