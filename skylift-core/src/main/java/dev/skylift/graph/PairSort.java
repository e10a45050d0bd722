package dev.skylift.graph;

/**
 * In-place introsort of packed edge keys that moves a parallel weight array along, so a weighted
 * builder sorts its edges without an index array or a second copy. Median-of-three quicksort,
 * heapsort once recursion runs deeper than 2·log2(n), insertion sort for short ranges.
 */
final class PairSort {

    private static final int INSERTION_LIMIT = 24;

    private PairSort() {
    }

    static void sort(long[] keys, double[] values, int from, int to) {
        int depthLimit = 2 * (32 - Integer.numberOfLeadingZeros(Math.max(1, to - from)));
        introsort(keys, values, from, to, depthLimit);
    }

    private static void introsort(long[] k, double[] w, int lo, int hi, int depth) {
        while (hi - lo > INSERTION_LIMIT) {
            if (depth-- == 0) {
                heapsort(k, w, lo, hi);
                return;
            }
            int mid = (lo + hi) >>> 1;
            if (k[mid] < k[lo]) {
                swap(k, w, mid, lo);
            }
            if (k[hi - 1] < k[lo]) {
                swap(k, w, hi - 1, lo);
            }
            if (k[hi - 1] < k[mid]) {
                swap(k, w, hi - 1, mid);
            }
            long pivot = k[mid];
            int i = lo;
            int j = hi - 1;
            while (i <= j) {
                while (k[i] < pivot) {
                    i++;
                }
                while (k[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(k, w, i, j);
                    i++;
                    j--;
                }
            }
            // Recurse into the smaller side, loop on the larger: stack depth stays O(log n).
            if (j + 1 - lo < hi - i) {
                introsort(k, w, lo, j + 1, depth);
                lo = i;
            } else {
                introsort(k, w, i, hi, depth);
                hi = j + 1;
            }
        }
        for (int i = lo + 1; i < hi; i++) {
            long key = k[i];
            double value = w[i];
            int j = i - 1;
            while (j >= lo && k[j] > key) {
                k[j + 1] = k[j];
                w[j + 1] = w[j];
                j--;
            }
            k[j + 1] = key;
            w[j + 1] = value;
        }
    }

    private static void heapsort(long[] k, double[] w, int lo, int hi) {
        int n = hi - lo;
        for (int i = n / 2 - 1; i >= 0; i--) {
            siftDown(k, w, lo, i, n);
        }
        for (int end = n - 1; end > 0; end--) {
            swap(k, w, lo, lo + end);
            siftDown(k, w, lo, 0, end);
        }
    }

    private static void siftDown(long[] k, double[] w, int lo, int i, int n) {
        while (true) {
            int child = 2 * i + 1;
            if (child >= n) {
                return;
            }
            if (child + 1 < n && k[lo + child + 1] > k[lo + child]) {
                child++;
            }
            if (k[lo + i] >= k[lo + child]) {
                return;
            }
            swap(k, w, lo + i, lo + child);
            i = child;
        }
    }

    private static void swap(long[] k, double[] w, int i, int j) {
        long tk = k[i];
        k[i] = k[j];
        k[j] = tk;
        double tw = w[i];
        w[i] = w[j];
        w[j] = tw;
    }
}
