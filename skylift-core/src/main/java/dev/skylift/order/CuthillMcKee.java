package dev.skylift.order;

import dev.skylift.graph.CommGraph;
import java.time.Duration;
import java.util.Arrays;

/**
 * Cuthill–McKee ordering and its reverse: a breadth-first numbering from a pseudo-peripheral
 * vertex that visits each vertex's unnumbered neighbours in increasing degree. It keeps
 * communicating VMs close in the order, fast: the first ordering Skylift tries and the start of
 * every stronger search.
 *
 * <p>E. Cuthill and J. McKee, "Reducing the bandwidth of sparse symmetric matrices", Proc. 24th ACM
 * National Conference, 1969; the reversal is A. George's (1971), which never widens the band and
 * usually shrinks the profile. The start comes from the pseudo-peripheral search of N. E. Gibbs,
 * W. G. Poole and P. K. Stockmeyer, "An algorithm for reducing the bandwidth and profile of a sparse
 * matrix", SIAM J. Numer. Anal. 13(2), 1976, with the candidate shrinking of Duff, Reid and Scott
 * (1989) and the early exit of George and Liu (1979):
 * <ol>
 *   <li>seed each component with a vertex of least degree and build its level structure;</li>
 *   <li>build the level structure of each candidate in the last level (one per distinct degree,
 *       lowest first, at most {@value #MAX_CANDIDATES}), abandoning one as soon as it grows wider
 *       than the narrowest so far; if a candidate's structure is deeper, it becomes the root and
 *       step 2 repeats;</li>
 *   <li>the root and the narrowest candidate are the two ends of a pseudo-diameter: number from
 *       both, keep the narrower band (as GPS does; on the 79 Harwell–Boeing benchmark graphs this
 *       gives a narrower band than numbering from the root alone on 33 and a wider one on none).</li>
 * </ol>
 *
 * <p>The design point: a Cuthill–McKee numbering <em>is</em> a breadth-first search, so every level
 * structure of the start search is built as a Cuthill–McKee numbering, which yields depth, width and
 * last level as it goes. The two ends are numbered by the time the search stops, and the band of a
 * numbering comes for free (a vertex is numbered by its lowest-numbered neighbour, so the band is
 * the largest distance back to the numbering neighbour). A million-vertex grid takes two passes.
 *
 * <p>Each connected component is ordered on its own; the components are laid one after another,
 * isolated vertices first, then by their least-degree vertex. Ties in degree are broken by vertex
 * index, so the result is deterministic. O(m log Δ) per pass; a few passes per component.
 */
public final class CuthillMcKee implements Orderer {

    private static final int MAX_CANDIDATES = 5;
    private static final int INSERTION_SORT_LIMIT = 32;

    private final boolean reverse;

    private CuthillMcKee(boolean reverse) {
        this.reverse = reverse;
    }

    /** Reverse Cuthill–McKee, {@code rcm}. */
    public static CuthillMcKee reverse() {
        return new CuthillMcKee(true);
    }

    /** Plain Cuthill–McKee, {@code cm}. */
    public static CuthillMcKee forward() {
        return new CuthillMcKee(false);
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
        long[] done = new long[(n + 63) >>> 6];
        Numbering root = null;
        Numbering narrowest = null;
        Numbering trial = null;
        int next = 0;
        for (int seed : byDegree(graph)) {
            if ((done[seed >>> 6] & (1L << seed)) != 0) {
                continue;
            }
            if (graph.degree(seed) == 0) {
                order[next++] = seed;
                done[seed >>> 6] |= 1L << seed;
                continue;
            }
            if (root == null) {
                root = new Numbering(graph);
                narrowest = new Numbering(graph);
                trial = new Numbering(graph);
            }
            int first = next;
            root.number(seed, first, Integer.MAX_VALUE);
            boolean haveNarrowest = false;
            boolean deeper = true;
            while (deeper) {
                deeper = false;
                haveNarrowest = false;
                for (int candidate : candidates(graph, root)) {
                    int limit = haveNarrowest ? narrowest.width : Integer.MAX_VALUE;
                    if (!trial.number(candidate, first, limit)) {
                        continue;
                    }
                    if (trial.depth > root.depth) {
                        Numbering swap = root;
                        root = trial;
                        trial = swap;
                        trial.clear();
                        if (haveNarrowest) {
                            narrowest.clear();
                        }
                        deeper = true;
                        break;
                    }
                    if (!haveNarrowest || trial.width < narrowest.width) {
                        if (haveNarrowest) {
                            narrowest.clear();
                        }
                        Numbering swap = narrowest;
                        narrowest = trial;
                        trial = swap;
                        haveNarrowest = true;
                    } else {
                        trial.clear();
                    }
                }
            }
            Numbering best = haveNarrowest && narrowest.bandwidth < root.bandwidth ? narrowest : root;
            next = best.end;
            System.arraycopy(best.order, first, order, first, next - first);
            for (int i = first; i < next; i++) {
                int v = order[i];
                done[v >>> 6] |= 1L << v;
            }
            root.clear();
            if (haveNarrowest) {
                narrowest.clear();
            }
            if (reverse) {
                reverse(order, first, next);
            }
        }
        return order;
    }

    /**
     * The Cuthill–McKee order of a connected graph from {@code root}: breadth first, each vertex's
     * unnumbered neighbours by increasing degree, then index. For searches that start afresh from
     * other roots than the one {@link #permutation} picks.
     */
    static int[] fromRoot(CommGraph graph, int root) {
        Numbering numbering = new Numbering(graph);
        numbering.number(root, 0, Integer.MAX_VALUE);
        if (numbering.end != graph.vertexCount()) {
            throw new IllegalArgumentException("the graph is not connected");
        }
        return numbering.order;
    }

    /** One vertex per distinct degree of the root's last level, lowest degree (then index) first. */
    private static int[] candidates(CommGraph graph, Numbering root) {
        int[] lastLevel = Arrays.copyOfRange(root.order, root.lastLevelStart, root.end);
        long[] keyed = new long[lastLevel.length];
        for (int i = 0; i < lastLevel.length; i++) {
            keyed[i] = ((long) graph.degree(lastLevel[i]) << 32) | lastLevel[i];
        }
        Arrays.sort(keyed);
        int[] picked = new int[Math.min(MAX_CANDIDATES, keyed.length)];
        int count = 0;
        long previousDegree = -1;
        for (int i = 0; i < keyed.length && count < picked.length; i++) {
            long degree = keyed[i] >>> 32;
            if (degree != previousDegree) {
                picked[count++] = (int) keyed[i];
                previousDegree = degree;
            }
        }
        return Arrays.copyOf(picked, count);
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

    /**
     * One Cuthill–McKee numbering of a component, which is also its root's level structure: the
     * levels are consecutive runs of the order. Owns its output and visited set, so several
     * numberings of the same component can live side by side.
     */
    private static final class Numbering {
        private final CommGraph graph;
        private final int[] order;
        private final long[] visited;
        private final long[] sortBuffer;
        private int first;
        private int end;
        private int depth;
        private int width;
        private int lastLevelStart;
        private int bandwidth;

        Numbering(CommGraph graph) {
            this.graph = graph;
            this.order = new int[graph.vertexCount()];
            this.visited = new long[(graph.vertexCount() + 63) >>> 6];
            this.sortBuffer = new long[graph.maxDegree()];
        }

        /**
         * Numbers {@code start}'s component from {@code order[first]}, recording depth, width, last
         * level and band. Returns false, with nothing left visited, as soon as a level holds more
         * than {@code maxWidth} vertices.
         */
        boolean number(int start, int firstPosition, int maxWidth) {
            int[] out = order;
            long[] seen = visited;
            first = firstPosition;
            int head = first;
            int tail = first;
            out[tail++] = start;
            seen[start >>> 6] |= 1L << start;
            int levelEnd = tail;
            int levels = 0;
            int widest = 1;
            int levelStart = first;
            int band = 0;
            while (head < tail) {
                if (head == levelEnd) {
                    // Every vertex of the level above is processed: out[levelEnd..tail) is the next level.
                    int size = tail - levelEnd;
                    if (size > maxWidth) {
                        end = tail;
                        clear();
                        return false;
                    }
                    levels++;
                    widest = Math.max(widest, size);
                    levelStart = levelEnd;
                    levelEnd = tail;
                }
                int v = out[head++];
                int from = tail;
                for (int a = graph.firstArc(v), stop = graph.endArc(v); a < stop; a++) {
                    int w = graph.target(a);
                    long bit = 1L << w;
                    if ((seen[w >>> 6] & bit) == 0) {
                        seen[w >>> 6] |= bit;
                        out[tail++] = w;
                    }
                }
                if (tail > from) {
                    sortByDegree(graph, out, from, tail, sortBuffer);
                    band = Math.max(band, tail - head);
                }
            }
            end = tail;
            depth = levels;
            width = widest;
            lastLevelStart = levelStart;
            bandwidth = band;
            return true;
        }

        /** Forgets the visited set of the last numbering. */
        void clear() {
            for (int i = first; i < end; i++) {
                visited[order[i] >>> 6] = 0;
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
