package dev.skylift.order;

import dev.skylift.graph.BreadthFirstSearch;
import dev.skylift.graph.CommGraph;
import java.util.Arrays;

/**
 * Decides "has this connected graph an order of bandwidth at most k?" by a depth-first search that
 * fills positions left to right, and finds such an order when there is one. Exhaustive: a "no" is a
 * proof.
 *
 * <h2>Design</h2>
 * After some vertices are placed, every unplaced vertex u has a deadline: the last position it may
 * take, min over placed x of f(x) + k·dist(x, u) (each edge of a shortest path spans at most k
 * positions). Filling positions left to right is then scheduling unit jobs with deadlines, and the
 * earliest-deadline test is exact for that relaxation: if for some D more than D − t unplaced
 * vertices must be placed by D, no completion exists. This is the pruning of Del Corso and Manzini
 * ("Finding exact solutions to the bandwidth minimization problem", Computing 62, 1999) with the
 * distance-based deadlines that give their "PS" variant its strength; deadlines fall as vertices
 * are placed, and each placement updates them in O(n) with the precomputed distances.
 *
 * <p>Candidates for the next position are tried in increasing deadline; a vertex whose deadline is
 * the current position is forced. Twins — vertices with the same neighbours apart from each other —
 * are interchangeable in any order, so only the lowest-numbered unplaced twin of a class is tried
 * (this is what makes hubs with many leaves cheap). Every vertex also has a static window of
 * positions from the density argument (see {@code windows()}), which gives release times and first
 * deadlines, and reversal symmetry keeps one vertex in the first half. Worst case exponential, as
 * it must be.
 */
final class BandwidthDecision {

    /** Outcome of a decision. */
    enum Answer { YES, NO, UNKNOWN }

    private final CommGraph graph;
    private final int n;
    private final int k;
    private final short[] distance;
    private final int[] twinPredecessor;
    private final long nanoDeadline;
    private final java.util.function.BooleanSupplier cancelled;

    private final int[] position;
    private final int[] order;
    private final int[] due;
    private final int[] release;
    private final int[] dueCount;
    private final int[] trailVertex;
    private final int[] trailOld;
    private int trailTop;
    private final int[] unplaced;
    private final int[] unplacedSlot;
    private int unplacedCount;
    private long nodes;
    private boolean timedOut;
    /** Placed vertices as a bitset: half of a search state's key. */
    private final long[] placedBits;
    /** Search states known to have no completion. */
    private final java.util.HashSet<StateKey> failed = new java.util.HashSet<>();

    private BandwidthDecision(CommGraph graph, short[] distance, int[] twinPredecessor, int k, long nanoDeadline,
                              java.util.function.BooleanSupplier cancelled) {
        this.graph = graph;
        this.n = graph.vertexCount();
        this.k = k;
        this.distance = distance;
        this.twinPredecessor = twinPredecessor;
        this.nanoDeadline = nanoDeadline;
        this.cancelled = cancelled;
        this.position = new int[n];
        this.order = new int[n];
        this.due = new int[n];
        this.release = new int[n];
        this.dueCount = new int[n + 1];
        this.trailVertex = new int[n * n + n];
        this.trailOld = new int[n * n + n];
        this.unplaced = new int[n];
        this.unplacedSlot = new int[n];
        this.placedBits = new long[(n + 63) >>> 6];
    }

    /** Most failed states remembered; past it the search goes on without adding more. */
    private static final int MAX_REMEMBERED = 1_500_000;

    /**
     * A search state: which vertices are placed, and where the placed vertices that still have
     * unplaced neighbours sit relative to the next position. Every deadline follows from these
     * alone — a placed vertex with no unplaced neighbour is dominated by its neighbours, which sit
     * at most k after it — so two partial orders with the same key have the same completions.
     */
    private record StateKey(long[] words, int hash) {
        @Override
        public boolean equals(Object other) {
            return other instanceof StateKey key && key.hash == hash && Arrays.equals(key.words, words);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private StateKey key(int t) {
        int frontier = 0;
        long[] recent = new long[Math.min(k, t)];
        for (int p = t - 1; p >= 0 && p >= t - k; p--) {
            int v = order[p];
            for (int a = graph.firstArc(v), end = graph.endArc(v); a < end; a++) {
                if (position[graph.target(a)] < 0) {
                    recent[frontier++] = ((long) v << 32) | (t - p);
                    break;
                }
            }
        }
        long[] words = Arrays.copyOf(placedBits, placedBits.length + frontier);
        System.arraycopy(recent, 0, words, placedBits.length, frontier);
        return new StateKey(words, Arrays.hashCode(words));
    }

    /** What the decision found: the answer, an order when YES, and the search nodes it took. */
    record Result(Answer answer, int[] order, long nodes) {
    }

    /** Precomputed data for deciding several k on the same graph. */
    static final class Problem {
        final CommGraph graph;
        final short[] distance;
        final int[] twinPredecessor;

        Problem(CommGraph graph) {
            this.graph = graph;
            int n = graph.vertexCount();
            if (n > 4096) {
                throw new IllegalArgumentException("the exact decision holds all distances; " + n + " vertices is too many");
            }
            this.distance = new short[n * n];
            BreadthFirstSearch bfs = new BreadthFirstSearch(graph);
            for (int v = 0; v < n; v++) {
                var levels = bfs.levels(v);
                if (levels.size() != n) {
                    throw new IllegalArgumentException("the graph is not connected");
                }
                for (int level = 0; level < levels.levelCount(); level++) {
                    for (int i = levels.levelStart()[level]; i < levels.levelStart()[level + 1]; i++) {
                        distance[v * n + levels.vertices()[i]] = (short) level;
                    }
                }
            }
            this.twinPredecessor = twins(graph);
        }

        Result decide(int k, long nanoDeadline) {
            return decide(k, nanoDeadline, () -> false);
        }

        /** Decides k until the deadline, or until {@code cancelled} says the answer is no longer wanted. */
        Result decide(int k, long nanoDeadline, java.util.function.BooleanSupplier cancelled) {
            return new BandwidthDecision(graph, distance, twinPredecessor, k, nanoDeadline, cancelled).run();
        }
    }

    /**
     * For each vertex, the next lower-numbered vertex with the same neighbourhood (ignoring an edge
     * between the two), or -1: a vertex may be placed only after that twin.
     */
    private static int[] twins(CommGraph graph) {
        int n = graph.vertexCount();
        int[] predecessor = new int[n];
        Arrays.fill(predecessor, -1);
        long[] signature = new long[n];
        for (int v = 0; v < n; v++) {
            long hash = 0;
            for (int a = graph.firstArc(v); a < graph.endArc(v); a++) {
                hash += mix(graph.target(a));
            }
            signature[v] = hash;
        }
        Integer[] byKey = new Integer[n];
        for (int v = 0; v < n; v++) {
            byKey[v] = v;
        }
        // Open twins share N(v); closed twins share N[v]. Sort by both signatures and compare exactly.
        for (boolean closed : new boolean[] {false, true}) {
            long[] key = new long[n];
            for (int v = 0; v < n; v++) {
                key[v] = closed ? signature[v] + mix(v) : signature[v];
            }
            Arrays.sort(byKey, (a, b) -> key[a] != key[b] ? Long.compare(key[a], key[b]) : Integer.compare(a, b));
            for (int i = 1; i < n; i++) {
                int a = byKey[i - 1];
                int b = byKey[i];
                if (key[a] == key[b] && predecessor[b] < 0 && sameNeighbours(graph, a, b, closed) && !dependsOn(predecessor, a, b)) {
                    predecessor[b] = a;
                }
            }
        }
        return predecessor;
    }

    private static boolean dependsOn(int[] predecessor, int from, int target) {
        for (int v = from; v >= 0; v = predecessor[v]) {
            if (v == target) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameNeighbours(CommGraph graph, int a, int b, boolean closed) {
        if (graph.degree(a) != graph.degree(b)) {
            return false;
        }
        if (closed != graph.hasEdge(a, b)) {
            return false;
        }
        for (int arc = graph.firstArc(a); arc < graph.endArc(a); arc++) {
            int x = graph.target(arc);
            if (x != b && !graph.hasEdge(b, x)) {
                return false;
            }
        }
        return true;
    }

    private static long mix(long x) {
        x = (x + 0x9E3779B97F4A7C15L) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        return x ^ (x >>> 31);
    }

    private Result run() {
        if (n == 0) {
            return new Result(Answer.YES, new int[0], 0);
        }
        if (graph.maxDegree() > 2 * k) {
            return new Result(Answer.NO, null, 0);
        }
        Arrays.fill(position, -1);
        for (int v = 0; v < n; v++) {
            unplaced[v] = v;
            unplacedSlot[v] = v;
        }
        unplacedCount = n;
        if (!windows()) {
            return new Result(Answer.NO, null, 0);
        }
        for (int v = 0; v < n; v++) {
            dueCount[due[v]]++;
        }
        // The static deadlines alone may already be too many for the positions before them.
        int pending = 0;
        for (int d = 0; d < n; d++) {
            pending += dueCount[d];
            if (pending > d + 1) {
                return new Result(Answer.NO, null, 0);
            }
        }
        for (int root : roots()) {
            int mark = trailTop;
            if (place(root, 0) && search(1)) {
                return new Result(Answer.YES, order.clone(), nodes);
            }
            unplace(root, mark);
            if (timedOut) {
                return new Result(Answer.UNKNOWN, null, nodes);
            }
        }
        return new Result(timedOut ? Answer.UNKNOWN : Answer.NO, null, nodes);
    }

    /**
     * Static windows: of the |N_j(u)| − 1 vertices within j hops of u at most j·k follow it and at
     * most j·k precede it, so u sits in [r, n − 1 − r] with r = max over j of |N_j(u)| − 1 − j·k.
     * Fills the release times and the initial deadlines. Reversing an order keeps its bandwidth, so
     * one vertex without twins may also be kept in the first half. False when some window is empty.
     */
    private boolean windows() {
        int[] atDistance = new int[n];
        int pivot = -1;
        boolean[] hasTwin = new boolean[n];
        for (int v = 0; v < n; v++) {
            if (twinPredecessor[v] >= 0) {
                hasTwin[v] = true;
                hasTwin[twinPredecessor[v]] = true;
            }
        }
        for (int u = 0; u < n; u++) {
            Arrays.fill(atDistance, 0);
            int eccentricity = 0;
            for (int w = 0; w < n; w++) {
                int d = distance[u * n + w];
                atDistance[d]++;
                eccentricity = Math.max(eccentricity, d);
            }
            long ball = 0;
            long r = 0;
            for (int j = 0; j <= eccentricity; j++) {
                ball += atDistance[j];
                r = Math.max(r, ball - 1 - (long) j * k);
            }
            if (r > (n - 1) / 2) {
                return false;
            }
            release[u] = (int) r;
            due[u] = n - 1 - (int) r;
            if (!hasTwin[u] && (pivot < 0 || release[u] > release[pivot])) {
                pivot = u;
            }
        }
        if (pivot >= 0) {
            due[pivot] = Math.min(due[pivot], (n - 1) / 2);
        }
        return true;
    }

    /** First vertices that pass the one-sided density test, farthest-reaching first. */
    private int[] roots() {
        int[] candidates = new int[n];
        long[] keyed = new long[n];
        int count = 0;
        int[] atDistance = new int[n];
        for (int v = 0; v < n; v++) {
            if (twinPredecessor[v] >= 0 || release[v] > 0) {
                continue;
            }
            Arrays.fill(atDistance, 0);
            int eccentricity = 0;
            for (int w = 0; w < n; w++) {
                int d = distance[v * n + w];
                atDistance[d]++;
                eccentricity = Math.max(eccentricity, d);
            }
            boolean fits = true;
            int ball = 0;
            for (int j = 0; j <= eccentricity && fits; j++) {
                ball += atDistance[j];
                fits = ball <= (long) j * k + 1;
            }
            if (fits) {
                keyed[count++] = ((long) (n - eccentricity) << 32) | v;
            }
        }
        Arrays.sort(keyed, 0, count);
        for (int i = 0; i < count; i++) {
            candidates[i] = (int) keyed[i];
        }
        return Arrays.copyOf(candidates, count);
    }

    private boolean search(int t) {
        if (t == n) {
            return true;
        }
        if ((++nodes & 1023) == 0 && (System.nanoTime() - nanoDeadline > 0 || cancelled.getAsBoolean())) {
            timedOut = true;
        }
        if (timedOut) {
            return false;
        }
        StateKey key = key(t);
        if (failed.contains(key)) {
            return false;
        }
        // Candidates in increasing deadline; a vertex due now is the only choice.
        int count = unplacedCount;
        long[] keyed = new long[count];
        int size = 0;
        for (int i = 0; i < count; i++) {
            int u = unplaced[i];
            int predecessor = twinPredecessor[u];
            if (predecessor >= 0 && position[predecessor] < 0 || release[u] > t) {
                continue;
            }
            keyed[size++] = ((long) due[u] << 32) | u;
        }
        Arrays.sort(keyed, 0, size);
        if (size > 0 && (int) (keyed[0] >>> 32) == t) {
            size = 1;
        }
        for (int i = 0; i < size; i++) {
            int u = (int) keyed[i];
            int mark = trailTop;
            if (place(u, t) && search(t + 1)) {
                return true;
            }
            unplace(u, mark);
            if (timedOut) {
                return false;
            }
        }
        if (failed.size() < MAX_REMEMBERED) {
            failed.add(key);
        }
        return false;
    }

    /** Places u at t, tightens the deadlines, and tells whether the earliest-deadline test still passes. */
    private boolean place(int u, int t) {
        position[u] = t;
        placedBits[u >>> 6] |= 1L << u;
        order[t] = u;
        removeUnplaced(u);
        dueCount[due[u]]--;
        int base = u * n;
        boolean windowsOpen = true;
        for (int i = 0; i < unplacedCount; i++) {
            int w = unplaced[i];
            long candidate = t + (long) k * distance[base + w];
            if (candidate < due[w]) {
                trailVertex[trailTop] = w;
                trailOld[trailTop++] = due[w];
                dueCount[due[w]]--;
                due[w] = (int) candidate;
                dueCount[due[w]]++;
                windowsOpen &= candidate >= release[w];
            }
        }
        if (!windowsOpen) {
            return false;
        }
        // Position t is taken: at most D − t more vertices may be due by position D, for every D ≥ t.
        int pending = 0;
        for (int d = t; d < n; d++) {
            pending += dueCount[d];
            if (pending > d - t) {
                return false;
            }
        }
        return true;
    }

    private void unplace(int u, int mark) {
        while (trailTop > mark) {
            int w = trailVertex[--trailTop];
            dueCount[due[w]]--;
            due[w] = trailOld[trailTop];
            dueCount[due[w]]++;
        }
        dueCount[due[u]]++;
        addUnplaced(u);
        position[u] = -1;
        placedBits[u >>> 6] &= ~(1L << u);
    }

    private void removeUnplaced(int u) {
        int slot = unplacedSlot[u];
        int last = unplaced[--unplacedCount];
        unplaced[slot] = last;
        unplacedSlot[last] = slot;
        unplaced[unplacedCount] = u;
        unplacedSlot[u] = unplacedCount;
    }

    private void addUnplaced(int u) {
        // u sits just past the end since removals and additions are strictly nested.
        unplacedCount++;
    }
}
