package dev.skylift.graph;

import java.util.SplittableRandom;

/**
 * Sequences of sort keys shaped to reach every branch of an introsort: short runs (insertion
 * sort), long random, sorted, reverse-sorted, all-equal and few-distinct runs (quicksort), and a
 * sequence that drives a median-of-three quicksort quadratic, so that a depth-limited one must
 * fall back to heapsort.
 */
enum KeyPatterns {
    RANDOM, RANDOM_FEW_DISTINCT, SORTED_WITH_REPEATS, REVERSE_SORTED_WITH_REPEATS, ALL_EQUAL, ORGAN_PIPE, SAWTOOTH,
    MEDIAN_OF_THREE_KILLER;

    /** {@code size} keys in 0..size (at most size + 1 distinct values), shaped by this pattern. */
    long[] keys(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] keys = new long[size];
        switch (this) {
            case RANDOM -> {
                for (int i = 0; i < size; i++) {
                    keys[i] = random.nextInt(Math.max(1, size / 3));
                }
            }
            case RANDOM_FEW_DISTINCT -> {
                for (int i = 0; i < size; i++) {
                    keys[i] = random.nextInt(3);
                }
            }
            case SORTED_WITH_REPEATS -> {
                for (int i = 0; i < size; i++) {
                    keys[i] = i / 3;
                }
            }
            case REVERSE_SORTED_WITH_REPEATS -> {
                for (int i = 0; i < size; i++) {
                    keys[i] = (size - 1 - i) / 2;
                }
            }
            case ALL_EQUAL -> java.util.Arrays.fill(keys, 7 % Math.max(1, size));
            case ORGAN_PIPE -> {
                for (int i = 0; i < size; i++) {
                    keys[i] = Math.min(i, size - 1 - i);
                }
            }
            case SAWTOOTH -> {
                for (int i = 0; i < size; i++) {
                    keys[i] = i % 17;
                }
            }
            case MEDIAN_OF_THREE_KILLER -> keys = medianOfThreeKiller(size);
            default -> throw new AssertionError(this);
        }
        return keys;
    }

    /**
     * M. D. McIlroy, "A killer adversary for quicksort", Software: Practice and Experience 29(4),
     * 1999: run the sort on items whose values are all "gas" and freeze an item to the next solid
     * value only when two gas items are compared, choosing the one that looks like the pivot. The
     * sort replayed here makes the comparisons of a median-of-three quicksort with Hoare partitioning,
     * recursion into the smaller side and insertion sort below 25 items, without a depth limit; the
     * frozen values are an input on which that quicksort is quadratic.
     */
    static long[] medianOfThreeKiller(int size) {
        Adversary adversary = new Adversary(size);
        int[] items = new int[size];
        for (int i = 0; i < size; i++) {
            items[i] = i;
        }
        quicksort(items, 0, size, adversary);
        long[] keys = new long[size];
        for (int i = 0; i < size; i++) {
            keys[i] = adversary.value[i];
        }
        return keys;
    }

    private static final class Adversary {
        final int[] value;
        final int gas;
        int solid;
        int candidate = -1;

        Adversary(int size) {
            value = new int[size];
            gas = size;
            java.util.Arrays.fill(value, gas);
        }

        boolean less(int x, int y) {
            if (value[x] == gas && value[y] == gas) {
                value[x == candidate ? x : y] = solid++;
            }
            if (value[x] == gas) {
                candidate = x;
            } else if (value[y] == gas) {
                candidate = y;
            }
            return value[x] < value[y];
        }
    }

    private static void quicksort(int[] k, int lo, int hi, Adversary a) {
        while (hi - lo > 24) {
            int mid = (lo + hi) >>> 1;
            if (a.less(k[mid], k[lo])) {
                swap(k, mid, lo);
            }
            if (a.less(k[hi - 1], k[lo])) {
                swap(k, hi - 1, lo);
            }
            if (a.less(k[hi - 1], k[mid])) {
                swap(k, hi - 1, mid);
            }
            int pivot = k[mid];
            int i = lo;
            int j = hi - 1;
            while (i <= j) {
                while (a.less(k[i], pivot)) {
                    i++;
                }
                while (a.less(pivot, k[j])) {
                    j--;
                }
                if (i <= j) {
                    swap(k, i, j);
                    i++;
                    j--;
                }
            }
            if (j + 1 - lo < hi - i) {
                quicksort(k, lo, j + 1, a);
                lo = i;
            } else {
                quicksort(k, i, hi, a);
                hi = j + 1;
            }
        }
        for (int i = lo + 1; i < hi; i++) {
            int item = k[i];
            int j = i - 1;
            while (j >= lo && a.less(item, k[j])) {
                k[j + 1] = k[j];
                j--;
            }
            k[j + 1] = item;
        }
    }

    private static void swap(int[] k, int i, int j) {
        int t = k[i];
        k[i] = k[j];
        k[j] = t;
    }
}
