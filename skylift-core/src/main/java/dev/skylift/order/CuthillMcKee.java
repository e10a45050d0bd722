package dev.skylift.order;

import dev.skylift.graph.BreadthFirstSearch;
import dev.skylift.graph.CommGraph;
import dev.skylift.graph.LevelStructure;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ForkJoinTask;

/**
 * Cuthill–McKee ordering and its reverse: a breadth-first numbering from a pseudo-peripheral
 * vertex that visits each vertex's unnumbered neighbours in increasing degree. It keeps
 * communicating VMs close in the order, fast: the first ordering Skylift tries and the start of
 * every stronger search.
 *
 * <p>E. Cuthill and J. McKee, "Reducing the bandwidth of sparse symmetric matrices", Proc. 24th
 * ACM National Conference, 1969; the reversal is A. George's (1971), which never increases the
 * bandwidth and usually shrinks the profile. The start vertex comes from Gibbs–Poole–Stockmeyer's
 * level-structure search ({@link PseudoPeripheral}), seeded in each component with a vertex of
 * least degree. As in GPS, both ends of the pseudo-diameter are tried and the narrower numbering
 * is kept (on the 79 Harwell–Boeing benchmark graphs this gives a narrower band than a single start
 * on 33 and a wider one on none); on large components the two numberings run on two cores. Each
 * connected component is ordered on its own and the components are laid one after another,
 * isolated vertices first, then by their least-degree vertex. Ties in degree are broken by vertex
 * index, so the result is deterministic.
 *
 * <p>O(m log Δ) for the neighbour sorts plus O(m) per level structure of the start search.
 */
public final class CuthillMcKee implements Orderer {

    private static final int INSERTION_SORT_LIMIT = 32;
    /** Components at least this large get their two numberings on two cores. */
    private static final int PARALLEL_THRESHOLD = 50_000;

    private final boolean reverse;
    private final boolean parallel;

    private CuthillMcKee(boolean reverse, boolean parallel) {
        this.reverse = reverse;
        this.parallel = parallel;
    }

    /** Reverse Cuthill–McKee, {@code rcm}. */
    public static CuthillMcKee reverse() {
        return new CuthillMcKee(true, true);
    }

    /** Plain Cuthill–McKee, {@code cm}. */
    public static CuthillMcKee forward() {
        return new CuthillMcKee(false, true);
    }

    /** The same method confined to the calling thread (the default uses a second core on large components). */
    public CuthillMcKee sequential() {
        return new CuthillMcKee(reverse, false);
    }

    @Override
    public String name() {
        return reverse ? "rcm" : "cm";
    }

    @Override
    public Ordering order(CommGraph graph, OrderingOptions options) {
        long started = System.nanoTime();
        int[] order = permutation(graph);
        LowerBound bound = BandwidthLowerBounds.of(graph);
        return Ordering.certify(graph, order, name(), bound, Duration.ofNanos(System.nanoTime() - started));
    }

    /** The order alone, without its certificate: element i is the vertex that migrates i-th. */
    public int[] permutation(CommGraph graph) {
        int n = graph.vertexCount();
        int[] order = new int[n];
        long[] numbered = new long[(n + 63) >>> 6];
        BreadthFirstSearch bfs = new BreadthFirstSearch(graph);
        Numbering mine = new Numbering(graph, order, numbered);
        Numbering other = null;
        int next = 0;
        // Each component is seeded by its vertex of least degree (then lowest index), as in GPS;
        // components come in that order, isolated vertices first.
        for (int seed : byDegree(graph)) {
            if ((numbered[seed >>> 6] & (1L << seed)) != 0) {
                continue;
            }
            int first = next;
            if (graph.degree(seed) == 0) {
                order[next++] = seed;
                numbered[seed >>> 6] |= 1L << seed;
                continue;
            }
            LevelStructure[] ends = PseudoPeripheral.ends(graph, bfs, seed);
            int size = ends[0].size();
            next = first + size;
            int startA = ends[0].root();
            int startB = ends[1].root();
            if (startA == startB) {
                mine.number(startA, first);
            } else {
                // Number from both ends of the pseudo-diameter and keep the narrower band; on large
                // components the second numbering runs on another core.
                if (other == null) {
                    other = new Numbering(graph, new int[n], new long[numbered.length]);
                }
                Numbering b = other;
                int widthA;
                int widthB;
                if (parallel && size >= PARALLEL_THRESHOLD) {
                    ForkJoinTask<Integer> task = ForkJoinTask.adapt(() -> b.number(startB, first)).fork();
                    widthA = mine.number(startA, first);
                    widthB = task.join();
                } else {
                    widthA = mine.number(startA, first);
                    widthB = b.number(startB, first);
                }
                b.clear(first, next);
                if (widthB < widthA) {
                    System.arraycopy(b.order, first, order, first, size);
                }
            }
            if (reverse) {
                reverse(order, first, next);
            }
        }
        return order;
    }

    /** The vertices by increasing degree, then index: a counting sort, O(n + Δ). */
    static int[] byDegree(CommGraph graph) {
        int n = graph.vertexCount();
        int[] start = new int[graph.maxDegree() + 2];
        for (int v = 0; v < n; v++) {
            start[graph.degree(v) + 1]++;
        }
        for (int d = 0; d + 1 < start.length; d++) {
            start[d + 1] += start[d];
        }
        int[] sorted = new int[n];
        for (int v = 0; v < n; v++) {
            sorted[start[graph.degree(v)]++] = v;
        }
        return sorted;
    }

    /** One Cuthill–McKee numbering in progress: its output, its visited set, its sort buffer. */
    private static final class Numbering {
        private final CommGraph graph;
        private final int[] order;
        private final long[] numbered;
        private final long[] sortBuffer;

        Numbering(CommGraph graph, int[] order, long[] numbered) {
            this.graph = graph;
            this.order = order;
            this.numbered = numbered;
            this.sortBuffer = new long[graph.maxDegree()];
        }

        /**
         * Breadth-first numbering of {@code start}'s component from {@code order[first]}; returns the
         * bandwidth of the numbering. A vertex is numbered by the first of its neighbours to be
         * processed, which is its lowest-numbered neighbour, so the band is the largest distance
         * from a vertex back to the neighbour that numbered it: no second pass is needed.
         */
        int number(int start, int first) {
            int[] out = order;
            long[] seen = numbered;
            int head = first;
            int tail = first;
            out[tail++] = start;
            seen[start >>> 6] |= 1L << start;
            int bandwidth = 0;
            while (head < tail) {
                int v = out[head++];
                int from = tail;
                for (int a = graph.firstArc(v), end = graph.endArc(v); a < end; a++) {
                    int w = graph.target(a);
                    long bit = 1L << w;
                    if ((seen[w >>> 6] & bit) == 0) {
                        seen[w >>> 6] |= bit;
                        out[tail++] = w;
                    }
                }
                if (tail > from) {
                    sortByDegree(graph, out, from, tail, sortBuffer);
                    bandwidth = Math.max(bandwidth, tail - head);
                }
            }
            return bandwidth;
        }

        /** Forgets the numbering of order[from..to), so the visited set can serve again. */
        void clear(int from, int to) {
            for (int i = from; i < to; i++) {
                numbered[order[i] >>> 6] = 0;
            }
        }
    }

    /**
     * Sorts {@code order[from..to)} by increasing degree, then index. Neighbours arrive in
     * increasing index, so a stable insertion sort serves the short runs; long runs (hubs) go
     * through a packed (degree, index) sort to stay O(d log d).
     */
    private static void sortByDegree(CommGraph graph, int[] order, int from, int to, long[] buffer) {
        int length = to - from;
        if (length < 2) {
            return;
        }
        if (length <= INSERTION_SORT_LIMIT) {
            for (int i = from + 1; i < to; i++) {
                int v = order[i];
                int degree = graph.degree(v);
                int j = i - 1;
                while (j >= from && graph.degree(order[j]) > degree) {
                    order[j + 1] = order[j];
                    j--;
                }
                order[j + 1] = v;
            }
            return;
        }
        for (int i = 0; i < length; i++) {
            int v = order[from + i];
            buffer[i] = ((long) graph.degree(v) << 32) | v;
        }
        Arrays.sort(buffer, 0, length);
        for (int i = 0; i < length; i++) {
            order[from + i] = (int) buffer[i];
        }
    }

    private static void reverse(int[] order, int from, int to) {
        for (int i = from, j = to - 1; i < j; i++, j--) {
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
