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
 * The search first fixes both ends: a vertex a at position 0 and a vertex b at position n − 1, for
 * every pair that can be the ends (each passes the one-sided density test, dist(a, b)·k ≥ n − 1).
 * Every other vertex u then has a window: a release time n − 1 − k·dist(u, b) — it must be within
 * dist(u, b) hops of the last position — and a deadline, the last position it may take, min over
 * placed x of f(x) + k·dist(x, u) (each edge of a shortest path spans at most k positions). The rest
 * is filled left to right, which is scheduling unit jobs with release times and deadlines; the
 * earliest-deadline sweep (Jackson's rule) decides that relaxation exactly, so a partial order is
 * abandoned as soon as no assignment of the remaining vertices to the remaining positions respects
 * every window. Fixing both ends is the idea of Caprara and Salazar-González ("Laying out sparse
 * graphs with provably minimum bandwidth", INFORMS J. Computing 17, 2005), whose bounds come from
 * such windows; the distance deadlines are the pruning of Del Corso and Manzini ("Finding exact
 * solutions to the bandwidth minimization problem", Computing 62, 1999). Deadlines fall as vertices
 * are placed, and each placement updates them in O(n) with the precomputed distances.
 *
 * <p>Each node probes both ends of the free block: every candidate for either end is placed
 * and its windows checked, a candidate that fails is dropped, a side with no candidate left fails
 * the node, and the search branches on the side with fewer survivors. This one-step lookahead
 * finds a dead end on one side before the other side's orders are multiplied in (on impcol_c at
 * k = 26 it cuts the tree 26-fold). Candidates are tried in increasing deadline; a vertex whose
 * deadline is the current position is forced. Twins — vertices with the same neighbours apart from
 * each other — are interchangeable in any order, so only the lowest-numbered unplaced twin of a
 * class is tried (this is what makes hubs with many leaves cheap). Every vertex also has a static
 * window of positions from the density argument (see {@code windows()}). Reversing an order keeps
 * its bandwidth and turns its ends (a, b) into (b, a) — up to twins, whose order is restored by
 * swapping them — so of the two end pairs that mirror each other only the one whose first
 * vertex's twin class comes first is searched.
 *
 * <p>States known to fail are remembered with what their placed vertices demand of the unplaced
 * ones (see {@code demands}); a state with the same placed vertices that demands no less fails
 * too, which prunes most of the orders of one placed set once one of them has failed. Worst case
 * exponential, as it must be.
 *
 * <p>A decision may split its search between threads: every worker walks the same end pairs and
 * the same first placements, and at the states with three vertices placed each takes its share of
 * the children; the workers share the failed states below that depth, and one worker's order
 * stops the others.
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
    /** Per unplaced vertex, the last position it may take. */
    private final int[] due;
    /** Per unplaced vertex, the first position it may take. */
    private final int[] release;
    private final int[] staticDue;
    private final int[] staticRelease;
    /** Per vertex, the twin that must come right after it, or -1. */
    private final int[] twinSuccessor;
    /** Per vertex, its largest distance to another. */
    private final int[] eccentricity;
    private final int[] bucketHead;
    private final int[] bucketNext;
    private final int[] heap;
    /** Undo log: a vertex (bitwise complement for a release) and the value it had. */
    private final int[] trailVertex;
    private final int[] trailOld;
    private int trailTop;
    private final int[] unplaced;
    private final int[] unplacedSlot;
    private int unplacedCount;
    private long nodes;
    private boolean timedOut;
    /** The placed vertices as a bitset, then the number placed from the left: most of a state's key. */
    private final long[] placedBits;
    private final int words;
    /** Search states known to have no completion. */
    /** Scratch for {@code demands}: per vertex and side the slack found so far (−1: none), and which are set. */
    private final int[] slack;
    private final int[] touched;
    /** What the workers of one decision share: the failed states, and whether to stop. */
    private final Shared shared;
    /** This worker's number and the number of workers splitting the search. */
    private final int worker;
    private final int workers;
    /**
     * The clock and the stop flags are read at nodes whose count has these bits clear: every
     * 1024th node on small graphs, every node from 256 vertices on, where a node's probing costs
     * O(n²) and 1024 of them overran a 300 ms limit by 20 s (a 1495-vertex component).
     */
    private final int clockMask;

    private BandwidthDecision(Problem problem, int k, long nanoDeadline,
                              java.util.function.BooleanSupplier cancelled, Shared shared, int worker, int workers) {
        this.shared = shared;
        this.worker = worker;
        this.workers = workers;
        this.graph = problem.graph;
        this.n = graph.vertexCount();
        this.k = k;
        this.distance = problem.distance;
        this.twinPredecessor = problem.twinPredecessor;
        this.eccentricity = problem.eccentricity;
        this.nanoDeadline = nanoDeadline;
        this.cancelled = cancelled;
        this.position = new int[n];
        this.order = new int[n];
        this.due = new int[n];
        this.release = new int[n];
        this.staticDue = new int[n];
        this.staticRelease = new int[n];
        this.twinSuccessor = new int[n];
        Arrays.fill(twinSuccessor, -1);
        for (int v = 0; v < n; v++) {
            if (twinPredecessor[v] >= 0) {
                twinSuccessor[twinPredecessor[v]] = v;
            }
        }
        this.bucketHead = new int[n];
        this.bucketNext = new int[n];
        this.heap = new int[n];
        this.trailVertex = new int[n * n + n];
        this.trailOld = new int[n * n + n];
        this.unplaced = new int[n];
        this.unplacedSlot = new int[n];
        this.words = (n + 63) >>> 6;
        this.placedBits = new long[words + 1];
        this.slack = new int[2 * n];
        Arrays.fill(slack, -1);
        this.touched = new int[2 * n];
        this.clockMask = n >= 256 ? 0 : 1023;
    }

    /**
     * Most words (8 bytes) of failed states remembered, about 400 MB with the lists; past it the
     * search goes on without adding more.
     */
    private static final long MAX_REMEMBERED = 40_000_000L;

    /**
     * The failed states of one decision, shared by its workers (each list is guarded by itself),
     * the words they take, and a flag that stops every worker once one has found an order.
     */
    private static final class Shared {
        final java.util.concurrent.ConcurrentHashMap<PlacedKey, java.util.ArrayList<long[]>> failed =
                new java.util.concurrent.ConcurrentHashMap<>();
        final java.util.concurrent.atomic.AtomicLong remembered = new java.util.concurrent.atomic.AtomicLong();
        volatile boolean stop;
    }

    /**
     * Placed vertices at which the search is split between workers: at a state with this many
     * placed (the two ends and one more), worker w takes the children i with (h + i) mod W = w for
     * a hash h of the state. Every worker walks the same states above, so together they take
     * every child; states at or above the split are not remembered as failed, since one worker
     * saw only its share of them.
     */
    private static final int SPLIT_PLACED = 3;

    /**
     * Which vertices are placed and how many of them from the left: with the demands below, a
     * search state. Which side a placed vertex took matters only through what it demands of its
     * unplaced neighbours (an unplaced vertex's placed twin predecessor is always on the left and
     * its placed twin successor on the right), so states reached from different end pairs or with
     * the closed vertices split differently between the sides share what is known of them.
     */
    private record PlacedKey(long[] words, int hash) {
        @Override
        public boolean equals(Object other) {
            return other instanceof PlacedKey key && key.hash == hash && Arrays.equals(key.words, words);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /**
     * What the placed vertices demand of the unplaced ones: for each unplaced vertex with a
     * neighbour placed from the left, how many positions past the free block's left end it may sit
     * at most (its nearest such neighbour's position plus k), and likewise from the right; as
     * (2·vertex + side) in the high half and the slack in the low, sorted. Every completion of a
     * state depends on its placed vertices and these alone — the distance deadlines follow from the
     * edges — and the vertices listed are the same for all states with the same placed vertices.
     */
    private long[] demands(int left, int right) {
        int count = 0;
        for (int p = Math.max(0, left - k); p < left; p++) {
            count = demand(order[p], p + k - left, 0, count);
        }
        for (int p = right + 1; p <= Math.min(n - 1, right + k); p++) {
            count = demand(order[p], right - (p - k), 1, count);
        }
        long[] demands = new long[count];
        for (int i = 0; i < count; i++) {
            int entry = touched[i];
            demands[i] = ((long) entry << 32) | slack[entry];
            slack[entry] = -1;
        }
        Arrays.sort(demands);
        return demands;
    }

    private int demand(int x, int value, int side, int count) {
        for (int a = graph.firstArc(x), end = graph.endArc(x); a < end; a++) {
            int w = graph.target(a);
            if (position[w] >= 0) {
                continue;
            }
            int entry = 2 * w + side;
            if (slack[entry] < 0) {
                touched[count++] = entry;
                slack[entry] = value;
            } else if (value < slack[entry]) {
                slack[entry] = value;
            }
        }
        return count;
    }

    /**
     * Whether a state with these placed vertices and these demands is known to fail: some failed
     * state had the same placed vertices and allowed every demanded vertex at least as much slack.
     * Its completions are then a superset of this one's, and it had none (a dominance rule over the
     * partial layouts of Saxe's dynamic programme, SIAM J. Algebraic Discrete Methods 1, 1980).
     */
    private static boolean dominated(long[] demands, java.util.List<long[]> failedStates) {
        synchronized (failedStates) {
            return dominatedBy(demands, failedStates);
        }
    }

    private static boolean dominatedBy(long[] demands, java.util.List<long[]> failedStates) {
        for (long[] other : failedStates) {
            if (other.length != demands.length) {
                continue;
            }
            boolean covers = true;
            for (int i = 0; i < demands.length && covers; i++) {
                covers = (other[i] >>> 32) == (demands[i] >>> 32) && (int) demands[i] <= (int) other[i];
            }
            if (covers) {
                return true;
            }
        }
        return false;
    }

    /** What the decision found: the answer, an order when YES, and the search nodes it took. */
    record Result(Answer answer, int[] order, long nodes) {
    }

    /** Precomputed data for deciding several k on the same graph. */
    static final class Problem {
        final CommGraph graph;
        final short[] distance;
        final int[] twinPredecessor;
        /** Per vertex, its largest distance to another. */
        final int[] eccentricity;

        Problem(CommGraph graph) {
            this.graph = graph;
            int n = graph.vertexCount();
            if (n > 4096) {
                throw new IllegalArgumentException("the exact decision holds all distances; " + n + " vertices is too many");
            }
            this.distance = new short[n * n];
            this.eccentricity = new int[n];
            BreadthFirstSearch bfs = new BreadthFirstSearch(graph);
            for (int v = 0; v < n; v++) {
                var levels = bfs.levels(v);
                if (levels.size() != n) {
                    throw new IllegalArgumentException("the graph is not connected");
                }
                eccentricity[v] = levels.levelCount() - 1;
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
            return decide(k, nanoDeadline, cancelled, 1);
        }

        /**
         * The same with the search split between {@code workers} threads (this one among them),
         * which share the failed states: the answer is the same, sooner on as many free cores.
         */
        Result decide(int k, long nanoDeadline, java.util.function.BooleanSupplier cancelled, int workers) {
            Shared shared = new Shared();
            if (workers <= 1) {
                return new BandwidthDecision(this, k, nanoDeadline, cancelled, shared, 0, 1)
                        .run();
            }
            Result[] results = new Result[workers];
            Thread[] threads = new Thread[workers];
            for (int w = 1; w < workers; w++) {
                int index = w;
                threads[w] = new Thread(() -> results[index] = new BandwidthDecision(this, k, nanoDeadline,
                        cancelled, shared, index, workers).run(), "bandwidth-decision-" + w);
                threads[w].setDaemon(true);
                threads[w].start();
            }
            results[0] = new BandwidthDecision(this, k, nanoDeadline, cancelled, shared, 0, workers).run();
            boolean interrupted = false;
            for (int w = 1; w < workers; w++) {
                while (true) {
                    try {
                        threads[w].join();
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true;
                        shared.stop = true;
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            long nodes = 0;
            Result yes = null;
            boolean unknown = false;
            for (Result result : results) {
                nodes += result.nodes();
                if (result.answer() == Answer.YES && yes == null) {
                    yes = result;
                } else if (result.answer() == Answer.UNKNOWN) {
                    unknown = true;
                }
            }
            if (yes != null) {
                return new Result(Answer.YES, yes.order(), nodes);
            }
            return new Result(unknown ? Answer.UNKNOWN : Answer.NO, null, nodes);
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
        boolean[] hasSuccessor = new boolean[n];
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
                if (key[a] == key[b] && predecessor[b] < 0 && !hasSuccessor[a] && sameNeighbours(graph, a, b, closed) && !dependsOn(predecessor, a, b)) {
                    predecessor[b] = a;
                    hasSuccessor[a] = true;
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
        if (n == 1) {
            return new Result(Answer.YES, new int[] {0}, 0);
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
        System.arraycopy(due, 0, staticDue, 0, n);
        System.arraycopy(release, 0, staticRelease, 0, n);
        int[] firsts = ends(true);
        int[] lasts = ends(false);
        for (int first : firsts) {
            for (int candidate : lasts) {
                if (candidate == first || (long) distance[first * n + candidate] * k < n - 1
                        || classHead(candidate) < first) {
                    continue;
                }
                if (tryEnds(first, candidate)) {
                    shared.stop = true;
                    return new Result(Answer.YES, order.clone(), nodes);
                }
                if (timedOut) {
                    return new Result(Answer.UNKNOWN, null, nodes);
                }
            }
        }
        return new Result(timedOut ? Answer.UNKNOWN : Answer.NO, null, nodes);
    }

    /** The first vertex of v's twin class, the one placed first. */
    private int classHead(int v) {
        while (twinPredecessor[v] >= 0) {
            v = twinPredecessor[v];
        }
        return v;
    }

    /**
     * Fixes {@code first} at position 0 and {@code end} at position n − 1 and searches the rest
     * from both sides.
     */
    private boolean tryEnds(int first, int end) {
        System.arraycopy(staticDue, 0, due, 0, n);
        System.arraycopy(staticRelease, 0, release, 0, n);
        if (release[first] > 0 || due[end] < n - 1) {
            return false;
        }
        int mark = trailTop;
        if (place(first, 0, true, 1, n - 1) && place(end, n - 1, false, 1, n - 2) && search(1, n - 2)) {
            return true;
        }
        if (position[end] >= 0) {
            unplace(end, mark);
        }
        unplace(first, mark);
        return false;
    }

    /**
     * Static windows: of the |N_j(u)| − 1 vertices within j hops of u at most j·k follow it and at
     * most j·k precede it, so u sits in [r, n − 1 − r] with r = max over j of |N_j(u)| − 1 − j·k.
     * Fills the release times and the initial deadlines. False when some window is empty.
     */
    private boolean windows() {
        int[] r = staticReleases(distance, eccentricity, n, k);
        if (r == null) {
            return false;
        }
        for (int u = 0; u < n; u++) {
            release[u] = r[u];
            due[u] = n - 1 - r[u];
        }
        return true;
    }

    /**
     * Per vertex u the r of its static window [r, n − 1 − r] at bandwidth k (see {@code windows()}),
     * from the n × n distances of a connected graph and its eccentricities; null when some window is
     * empty.
     */
    static int[] staticReleases(short[] distance, int[] eccentricity, int n, int k) {
        int[] release = new int[n];
        int[] atDistance = new int[n];
        for (int u = 0; u < n; u++) {
            Arrays.fill(atDistance, 0);
            for (int w = 0; w < n; w++) {
                atDistance[distance[u * n + w]]++;
            }
            long ball = 0;
            long r = 0;
            for (int j = 0; j <= eccentricity[u]; j++) {
                ball += atDistance[j];
                r = Math.max(r, ball - 1 - (long) j * k);
            }
            if (r > (n - 1) / 2) {
                return null;
            }
            release[u] = (int) r;
        }
        return release;
    }

    /**
     * Vertices that may sit at one end: a static window reaching that end (which is the one-sided
     * density test: all of N_j within j·k positions on one side), the twin order respected (a first
     * vertex heads its twin class, a last one closes it); farthest-reaching first.
     */
    private int[] ends(boolean first) {
        long[] keyed = new long[n];
        int count = 0;
        for (int v = 0; v < n; v++) {
            boolean fits = first ? twinPredecessor[v] < 0 && staticRelease[v] == 0
                    : twinSuccessor[v] < 0 && staticDue[v] == n - 1;
            if (fits) {
                keyed[count++] = ((long) (n - eccentricity[v]) << 32) | v;
            }
        }
        Arrays.sort(keyed, 0, count);
        int[] candidates = new int[count];
        for (int i = 0; i < count; i++) {
            candidates[i] = (int) keyed[i];
        }
        return candidates;
    }

    /**
     * Fills positions left..right. Each step places a vertex at one end of the free block: the end
     * with fewer candidates (a vertex whose window has shrunk to that end is the only candidate).
     */
    private boolean search(int left, int right) {
        if (left > right) {
            return true;
        }
        if ((++nodes & clockMask) == 0 && (shared.stop || System.nanoTime() - nanoDeadline > 0 || cancelled.getAsBoolean())) {
            timedOut = true;
        }
        if (timedOut) {
            return false;
        }
        placedBits[words] = left;
        PlacedKey placed = new PlacedKey(placedBits.clone(), Arrays.hashCode(placedBits));
        long[] demands = demands(left, right);
        int placedCount = n - unplacedCount;
        boolean whole = workers == 1 || placedCount > SPLIT_PLACED;
        java.util.ArrayList<long[]> failedHere = whole ? shared.failed.get(placed) : null;
        if (failedHere != null && dominated(demands, failedHere)) {
            return false;
        }
        long[] fromLeft = new long[unplacedCount];
        long[] fromRight = new long[unplacedCount];
        int leftCount = 0;
        int rightCount = 0;
        boolean leftForced = false;
        boolean rightForced = false;
        for (int i = 0; i < unplacedCount; i++) {
            int u = unplaced[i];
            int predecessor = twinPredecessor[u];
            if (release[u] <= left && (predecessor < 0 || position[predecessor] >= 0 && position[predecessor] < left)) {
                if (due[u] == left && !leftForced) {
                    leftForced = true;
                    leftCount = 0;
                }
                if (!leftForced || due[u] == left) {
                    fromLeft[leftCount++] = ((long) due[u] << 32) | u;
                }
            }
            int successor = twinSuccessor[u];
            if (due[u] >= right && (successor < 0 || position[successor] > right)) {
                if (release[u] == right && !rightForced) {
                    rightForced = true;
                    rightCount = 0;
                }
                if (!rightForced || release[u] == right) {
                    fromRight[rightCount++] = ((long) (n - release[u]) << 32) | u;
                }
            }
        }
        // Both ends are probed: a candidate whose placement already fails is dropped, a side left
        // with none fails the state at once, and the branching goes to the side with fewer left
        // (a forced side first). The side with fewer candidates is probed in full first; the
        // other's probing stops as soon as the choice is sure, which leaves the same choice and
        // so the same tree for fewer probes.
        if (leftCount <= rightCount) {
            leftCount = viable(fromLeft, leftCount, true, left, right, Integer.MAX_VALUE);
            int enough = leftForced ? 1 : rightForced ? Integer.MAX_VALUE : leftCount;
            rightCount = leftCount == 0 ? 0 : viable(fromRight, rightCount, false, left, right, enough);
        } else {
            rightCount = viable(fromRight, rightCount, false, left, right, Integer.MAX_VALUE);
            int enough = leftForced ? Integer.MAX_VALUE : rightForced ? 1 : rightCount + 1;
            leftCount = rightCount == 0 ? 0 : viable(fromLeft, leftCount, true, left, right, enough);
        }
        boolean leftSide = leftCount == 0 || rightCount != 0 && (leftForced || !rightForced && leftCount <= rightCount);
        long[] candidates = leftSide ? fromLeft : fromRight;
        int count = leftSide ? leftCount : rightCount;
        Arrays.sort(candidates, 0, count);
        int share = placedCount == SPLIT_PLACED && workers > 1 ? Math.floorMod(placed.hash(), workers) : -1;
        for (int i = 0; i < count; i++) {
            if (share >= 0 && (share + i) % workers != worker) {
                continue;
            }
            int u = (int) candidates[i];
            int mark = trailTop;
            boolean found = leftSide
                    ? place(u, left, true, left + 1, right) && search(left + 1, right)
                    : place(u, right, false, left, right - 1) && search(left, right - 1);
            if (found) {
                return true;
            }
            unplace(u, mark);
            if (timedOut) {
                return false;
            }
        }
        if (whole && shared.remembered.get() < MAX_REMEMBERED) {
            java.util.ArrayList<long[]> list = shared.failed.computeIfAbsent(placed, key -> new java.util.ArrayList<>(2));
            synchronized (list) {
                list.add(demands);
            }
            shared.remembered.addAndGet(demands.length + 4 + (failedHere == null ? placedBits.length + 8 : 0));
        }
        return false;
    }

    /**
     * Keeps the candidates for one end of the free block left..right whose placement
     * there leaves the windows schedulable; returns how many, or {@code enough} once that many
     * are kept (the rest left unprobed and dropped: the caller only needs to know there are so many).
     */
    private int viable(long[] candidates, int count, boolean fromLeft, int left, int right, int enough) {
        int kept = 0;
        for (int i = 0; i < count && kept < enough; i++) {
            int u = (int) candidates[i];
            int mark = trailTop;
            boolean ok = fromLeft ? place(u, left, true, left + 1, right) : place(u, right, false, left, right - 1);
            unplace(u, mark);
            if (ok) {
                candidates[kept++] = candidates[i];
            }
        }
        return kept;
    }

    /**
     * Places u at t (from the left or from the right), tightens the windows of the unplaced
     * vertices — deadlines t + k·dist from the left, release times t − k·dist from the right — and
     * tells whether the rest can still take positions from..to.
     */
    private boolean place(int u, int t, boolean fromLeft, int from, int to) {
        position[u] = t;
        placedBits[u >>> 6] |= 1L << u;
        order[t] = u;
        removeUnplaced(u);
        int base = u * n;
        boolean windowsOpen = true;
        for (int i = 0; i < unplacedCount; i++) {
            int w = unplaced[i];
            long reach = (long) k * distance[base + w];
            if (fromLeft) {
                if (t + reach < due[w]) {
                    trailVertex[trailTop] = w;
                    trailOld[trailTop++] = due[w];
                    due[w] = (int) (t + reach);
                    windowsOpen &= due[w] >= release[w];
                }
            } else if (t - reach > release[w]) {
                trailVertex[trailTop] = ~w;
                trailOld[trailTop++] = release[w];
                release[w] = (int) (t - reach);
                windowsOpen &= due[w] >= release[w];
            }
        }
        return windowsOpen && schedulable(from, to);
    }

    /**
     * Whether the unplaced vertices can take positions {@code from}..{@code to}, one each, inside their
     * windows [release, due]. Earliest deadline first is exact for unit jobs with release times and
     * deadlines (Jackson's rule): sweep the positions, make the vertices released there available,
     * give the position to the one due soonest. O(n log n).
     */
    private boolean schedulable(int from, int to) {
        if (unplacedCount == 0) {
            return true;
        }
        Arrays.fill(bucketHead, from, to + 1, -1);
        for (int i = 0; i < unplacedCount; i++) {
            int u = unplaced[i];
            int r = Math.max(release[u], from);
            if (r > to) {
                return false;
            }
            bucketNext[u] = bucketHead[r];
            bucketHead[r] = u;
        }
        int size = 0;
        for (int p = from; p <= to; p++) {
            for (int u = bucketHead[p]; u >= 0; u = bucketNext[u]) {
                int value = due[u];
                int child = size++;
                while (child > 0) {
                    int parent = (child - 1) >>> 1;
                    if (heap[parent] <= value) {
                        break;
                    }
                    heap[child] = heap[parent];
                    child = parent;
                }
                heap[child] = value;
            }
            if (size == 0 || heap[0] < p) {
                return false;
            }
            int moved = heap[--size];
            int hole = 0;
            while (true) {
                int child = 2 * hole + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && heap[child + 1] < heap[child]) {
                    child++;
                }
                if (heap[child] >= moved) {
                    break;
                }
                heap[hole] = heap[child];
                hole = child;
            }
            if (size > 0) {
                heap[hole] = moved;
            }
        }
        return true;
    }

    private void unplace(int u, int mark) {
        while (trailTop > mark) {
            int w = trailVertex[--trailTop];
            if (w >= 0) {
                due[w] = trailOld[trailTop];
            } else {
                release[~w] = trailOld[trailTop];
            }
        }
        addUnplaced(u);
        placedBits[u >>> 6] &= ~(1L << u);
        position[u] = -1;
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
