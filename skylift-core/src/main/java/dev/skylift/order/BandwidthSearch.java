package dev.skylift.order;

import dev.skylift.graph.BreadthFirstSearch;
import dev.skylift.graph.CommGraph;
import dev.skylift.graph.LevelStructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Improves a reverse Cuthill–McKee order towards the minimum bandwidth by local search on the
 * decision problem: "is there an order of bandwidth k?", for k one below the best found so far.
 *
 * <h2>Design</h2>
 * For a target k, the cost of an order is the total excess Σ max(0, |f(u) − f(v)| − k) over the
 * edges; an order of cost 0 has bandwidth ≤ k, and the search then lowers k and goes on from there.
 * This is the k-feasibility view of the tabu and VNS searches of Martí, Laguna, Glover and Campos
 * ("Reducing the bandwidth of a sparse matrix with tabu search", EJOR 135, 2001) and Mladenović,
 * Urošević, Pérez-Brito and García-González ("Variable neighbourhood search for bandwidth
 * reduction", EJOR 200, 2010): an excess measure tells apart two orders of the same bandwidth by how
 * many edges are too long and by how much, the idea behind the evaluation function of
 * Rodriguez-Tello, Hao and Torres-Jimenez ("An improved simulated annealing algorithm for bandwidth
 * minimization", EJOR 185, 2008), so the search has a slope to follow where the bandwidth alone is
 * flat.
 *
 * <p>A move takes a vertex u with a too-long edge and swaps it with the vertex at a position where u
 * would fit: inside the interval [max f(N(u)) − k, min f(N(u)) + k] when it is not empty, else near
 * the middle of its neighbours (VNS's "mid" of a critical vertex). Some steps (one in five in the
 * warm walks, one in twenty in the cool ones: see {@link #SHIFT_SHARE}) insert u there instead, the
 * vertices in between shifting by one towards u's old place (the "rotation" or shift
 * neighbourhood of Rodriguez-Tello, Hao and Torres-Jimenez, and of Lim, Rodrigues and Xiao,
 * "Heuristics for matrix bandwidth reduction", EJOR 174, 2006): a shift moves a whole block of a
 * banded order at once, which no single swap can, and costs O(distance · degree) to evaluate, so
 * two insertions are compared against four swaps. Of these candidate moves the best is
 * taken and accepted by the Metropolis rule: improving and sideways moves always, worsening ones with
 * probability exp(−Δ/T), where the temperature T is steered so that a fixed share of the worsening
 * moves proposed are taken — the cost scale differs widely between graphs and targets, the
 * acceptance rate does not. The walks form a portfolio: even-numbered walks aim at 15 % and
 * odd-numbered ones at 45 %, since graphs with a wide band fare better cooler and narrow-band ones
 * warmer. The cool walk is walk 0 because it is the one {@link ExactBandwidth} runs alone beside its
 * proof ({@code auto} on small components), and there the wide bands are the hard cases: on
 * fs_183_1 (band 60 on 183 vertices) and will199 (64 on 199), single walks of 15 s reached the
 * best-known on 3 and 2 seeds of 4 at 10 or 20 %, on 3 and 0 at 30 %, and on none at 45 %, where
 * the walk wanders at an excess of 100–200 with a third of the vertices in conflict; the other
 * small instances reach theirs at any of these aims within two seconds. A swap is evaluated in
 * O(deg u + deg v). When the cost stops falling the order is shaken by random swaps of vertices at
 * most k apart, 1 + 3 % of n more per failed shake up to twelve, then from one again (VNS's
 * shaking of growing size; smaller shakes left sherman1 stuck). Before each shake, every edge then
 * too long weighs one more in the excess until k changes: the breakout method of Morris (AAAI 1993),
 * which steers the walk away from the minima it keeps falling back into by making their conflicts
 * dearer (see {@link Walk#bump}).
 *
 * <p>The search runs in episodes. When the lowest excess at k has not fallen for a while (10 000
 * iterations per vertex, at least a million, half as long again each episode), the walk starts
 * afresh from the Cuthill–McKee order of another root and steps k down from that order's own band:
 * the roots are those with the narrowest level structures (the root choice of Gibbs, Poole and
 * Stockmeyer), the walks taking them in turn. A walk keeps its best order apart. The basin matters
 * more than the time spent in it: from reverse Cuthill–McKee every walk on ash292
 * stalled at an excess of 4 or 5 at k = 19 for 30 s, from most narrow roots it reached 19 in a
 * few seconds. Each core runs its own walk from its own seed; the best walk wins (ties to the lowest seed),
 * so with an iteration limit instead of a time limit the result is the same on any machine.
 *
 * <p>The search stops at its time or iteration limit, or when it meets the lower bound.
 */
public final class BandwidthSearch implements Orderer {

    /**
     * The share of worsening moves each walk's temperature aims to accept, by walk number: walk 0,
     * the one that runs alone beside a proof, is the cool one (see the class comment).
     */
    static final double[] ACCEPTANCE = {0.15, 0.45};

    /**
     * The share of steps that move a vertex by insertion instead of a swap, by walk number as
     * {@link #ACCEPTANCE}: an insertion costs O(distance · degree) to evaluate, a distance up to 2k,
     * so on the wide bands that the cool walk is for, an insertion costs as much as dozens of swaps. On
     * will199 (k = 64; single 10 s walks with the edge weights, seeds 1–10 on three numberings of
     * the vertices) a share of 5 % reached 64 on 20 of 30 seeds, 20 % on 12; 0 % and 10 % on 11 and
     * 12 of 20 on two of them. The warm walk keeps 20 %, with which the insertions came in (they
     * move a whole block of a banded order at once).
     */
    static final double[] SHIFT_SHARE = {0.05, 0.2};

    @Override
    public String name() {
        return "search";
    }

    @Override
    public Ordering order(CommGraph graph, OrderingOptions options) {
        long started = System.nanoTime();
        LowerBound bound = BandwidthLowerBounds.of(graph);
        int[] start = CuthillMcKee.reverse().permutation(graph);
        int[] best = improve(graph, start, bound.value(), options, started + options.timeLimit().toNanos());
        return Ordering.certify(graph, best, name(), bound, Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * The best order found from {@code start} before the deadline (System.nanoTime) or the
     * iteration limit, stopping early at bandwidth {@code target}. Never worse than {@code start}.
     */
    public static int[] improve(CommGraph graph, int[] start, int target, OrderingOptions options, long deadline) {
        int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        return improve(graph, start, target, options, deadline, threads, 0, new AtomicBoolean(), null);
    }

    /** Told of each better order a walk finds: its bandwidth and the order itself. */
    public interface Listener {
        void improved(int bandwidth, int[] order);
    }

    /**
     * The same with the number of walks (threads) given and the number of the first (walk i of a
     * portfolio has its own seed and temperature aim), a flag that stops the search when set (and
     * that the search sets when it meets the target), and an optional listener of every
     * improvement, for methods that run the search beside other work.
     */
    public static int[] improve(CommGraph graph, int[] start, int target, OrderingOptions options, long deadline,
                                int threads, int firstWalk, AtomicBoolean reached, Listener listener) {
        int n = graph.vertexCount();
        int startBandwidth = Bandwidth.of(graph, Bandwidth.positions(start, n));
        if (startBandwidth <= target || n < 3) {
            return start.clone();
        }
        int[] roots = restartRoots(graph, options.seed());
        List<Walk> walks = new ArrayList<>();
        for (int i = firstWalk; i < firstWalk + threads; i++) {
            walks.add(new Walk(graph, start, roots, i, options.seed() * 31 + i, ACCEPTANCE[i % ACCEPTANCE.length], target,
                    deadline, options.iterationLimit(), reached, listener));
        }
        if (threads == 1) {
            walks.get(0).run();
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
                Thread thread = new Thread(runnable, "bandwidth-search");
                thread.setDaemon(true);
                return thread;
            });
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (Walk walk : walks) {
                    futures.add(pool.submit(walk));
                }
                for (Future<?> future : futures) {
                    future.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                reached.set(true);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a search thread failed", e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        Walk best = walks.get(0);
        for (Walk walk : walks) {
            if (walk.bestBandwidth < best.bestBandwidth) {
                best = walk;
            }
        }
        return best.bestOrder();
    }

    /** How many roots of narrow level structures the restarts cycle through. */
    static final int RESTART_ROOTS = 16;
    /** From this many vertices on, the roots are ranked from a seeded sample instead of all vertices. */
    private static final int ROOT_SAMPLE = 512;
    /** The ranking's breadth-first searches visit at most about this many vertices and arcs in all. */
    private static final long ROOT_WORK = 50_000_000L;

    /**
     * Roots for the restarts, best first: the vertices whose breadth-first level structure is
     * narrowest (fewest vertices in its widest level; deeper first on ties), as in the root choice
     * of Gibbs, Poole and Stockmeyer ("An algorithm for reducing the bandwidth and profile of a
     * sparse matrix", SIAM J. Numer. Anal. 13, 1976): a Cuthill–McKee order has band at most about
     * twice its widest level. Empty for a disconnected graph (one root cannot number it all).
     */
    static int[] restartRoots(CommGraph graph, long seed) {
        int n = graph.vertexCount();
        int[] candidates;
        long perRoot = n + 2L * graph.edgeCount();
        int sample = (int) Math.max(8, Math.min(ROOT_SAMPLE, ROOT_WORK / perRoot));
        if (n <= sample) {
            candidates = new int[n];
            for (int v = 0; v < n; v++) {
                candidates[v] = v;
            }
        } else {
            SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
            candidates = random.ints(0, n).distinct().limit(sample).toArray();
        }
        BreadthFirstSearch bfs = new BreadthFirstSearch(graph);
        long[] keys = new long[candidates.length];
        for (int c = 0; c < candidates.length; c++) {
            LevelStructure levels = bfs.levels(candidates[c]);
            if (levels.size() < n) {
                return new int[0];
            }
            int width = levels.width();
            int depth = levels.depth();
            // Narrowest first, then deepest, then the candidate's rank: packed into one sortable key.
            keys[c] = ((long) width << 42) | ((long) (n - depth) << 21) | c;
        }
        java.util.Arrays.sort(keys);
        int[] roots = new int[Math.min(RESTART_ROOTS, keys.length)];
        for (int i = 0; i < roots.length; i++) {
            roots[i] = candidates[(int) (keys[i] & ((1 << 21) - 1))];
        }
        return roots;
    }

    /** One seeded walk of the search. Not thread-safe; each thread owns one. */
    static final class Walk implements Runnable {
        /** The share of steps that move a vertex by insertion (the vertices between shift by one) instead of a swap. */
        private final double shiftShare;
        /** Insertions cost O(distance · degree) to evaluate, so fewer are compared per step than swaps. */
        private static final int SHIFT_CANDIDATES = 2;
        private static final int CANDIDATES = 4;
        /** Fewest iterations without a lower excess at k before an episode ends (grows by half each time). */
        private static final long STALL_MIN = 1_000_000;
        private static final long STALL_PER_VERTEX = 10_000;
        /** The share of worsening moves the temperature is steered to accept. */
        private final double acceptance;

        private final CommGraph graph;
        private final int n;
        private final int[] pos;
        private final int[] vert;
        private final int[] bestPos;
        private final SplittableRandom random;
        private final int target;
        private final long deadline;
        private final long iterationLimit;
        private final AtomicBoolean reached;
        private final Listener listener;
        /** Roots of the fresh starts, shared by the walks; walk i takes every other one from the i-th. */
        private final int[] roots;
        private final int walkIndex;
        private int episode;
        /** The best bandwidth of the current episode (since the last fresh start); k is one below it. */
        private int episodeBandwidth;
        /** Number of too-long edges at each vertex. */
        private final int[] conflicts;
        /** The vertices with conflicts, as an indexed set for O(1) random choice. */
        private final int[] conflicted;
        private final int[] slot;
        private int conflictedCount;
        /** How many edges have each length; the largest non-empty length is the bandwidth. */
        private final int[] lengthCount;
        /**
         * The weight of each arc's edge in the excess (both arcs of an edge alike): 1 when k is set,
         * one more each time the walk stalls with the edge too long (the breakout, see {@link #bump}).
         */
        private final int[] weight;
        /** The arc of the same edge in the other direction. */
        private final int[] twin;
        private int bandwidth;
        private int k;
        private long cost;
        private double temperature = 1.0;
        private int worseProposed;
        private int worseAccepted;
        /** Worsening moves proposed and accepted over the whole walk, for tests of the steering. */
        long totalWorseProposed;
        long totalWorseAccepted;
        int bestBandwidth;
        long iterations;
        /** How many times the walk has weighted its too-long edges (see {@link #bump}), for tests. */
        long bumps;

        Walk(CommGraph graph, int[] start, int[] roots, int walkIndex, long seed, double acceptance, int target,
             long deadline, long iterationLimit, AtomicBoolean reached, Listener listener) {
            this.graph = graph;
            this.roots = roots;
            this.walkIndex = walkIndex;
            this.n = graph.vertexCount();
            this.vert = start.clone();
            this.pos = Bandwidth.positions(vert, n);
            this.bestPos = pos.clone();
            this.random = new SplittableRandom(seed);
            this.acceptance = acceptance;
            this.shiftShare = SHIFT_SHARE[walkIndex % SHIFT_SHARE.length];
            this.target = target;
            this.deadline = deadline;
            this.iterationLimit = iterationLimit;
            this.reached = reached;
            this.listener = listener;
            this.conflicts = new int[n];
            this.conflicted = new int[n];
            this.slot = new int[n];
            this.bestBandwidth = Bandwidth.of(graph, pos);
            this.lengthCount = new int[n];
            this.weight = new int[2 * graph.edgeCount()];
            java.util.Arrays.fill(weight, 1);
            this.twin = twins(graph);
            countLengths();
        }

        /** For each arc u→x, the arc x→u. */
        private static int[] twins(CommGraph graph) {
            int[] twin = new int[2 * graph.edgeCount()];
            for (int u = 0; u < graph.vertexCount(); u++) {
                for (int a = graph.firstArc(u), end = graph.endArc(u); a < end; a++) {
                    twin[a] = graph.arc(graph.target(a), u);
                }
            }
            return twin;
        }

        /** How many fresh starts the walk has made. For tests. */
        int episodes() {
            return episode;
        }

        int[] bestOrder() {
            int[] order = new int[n];
            for (int v = 0; v < n; v++) {
                order[bestPos[v]] = v;
            }
            return order;
        }

        @Override
        public void run() {
            episodeBandwidth = bestBandwidth;
            setTarget(bestBandwidth - 1);
            long sinceProgress = 0;
            long levelBest = cost;
            int shakes = 0;
            long patience = 20L * n + 2000;
            // Iterations since the lowest excess at this k last fell; past the stall limit the
            // episode ends with a fresh start, and each episode is allowed half as long again.
            long lowest = cost;
            long sinceLowest = 0;
            long stallLimit = Math.max(STALL_MIN, STALL_PER_VERTEX * n);
            while (true) {
                if (bandwidth < episodeBandwidth) {
                    episodeBandwidth = bandwidth;
                    if (bandwidth < bestBandwidth) {
                        bestBandwidth = bandwidth;
                        System.arraycopy(pos, 0, bestPos, 0, n);
                        if (listener != null) {
                            listener.improved(bestBandwidth, bestOrder());
                        }
                        if (bestBandwidth <= target) {
                            reached.set(true);
                            return;
                        }
                    }
                    if (k >= episodeBandwidth) {
                        setTarget(episodeBandwidth - 1);
                        levelBest = cost;
                        lowest = cost;
                        sinceLowest = 0;
                        sinceProgress = 0;
                        shakes = 0;
                    }
                }
                if (cost == 0) {
                    // bandwidth <= k < episodeBandwidth was handled above; this only happens when k is the target
                    setTarget(episodeBandwidth - 1);
                    continue;
                }
                if (iterations >= iterationLimit) {
                    return;
                }
                if ((iterations & 127) == 0 && (System.nanoTime() - deadline > 0 || reached.get())) {
                    return;
                }
                iterations++;
                step();
                if (cost < lowest) {
                    lowest = cost;
                    sinceLowest = 0;
                } else if (++sinceLowest > stallLimit && roots.length > 0) {
                    restartFresh();
                    stallLimit += stallLimit / 2;
                    levelBest = cost;
                    lowest = cost;
                    sinceLowest = 0;
                    sinceProgress = 0;
                    shakes = 0;
                    continue;
                }
                if (cost < levelBest) {
                    levelBest = cost;
                    sinceProgress = 0;
                    shakes = 0;
                } else if (++sinceProgress > patience) {
                    bump();
                    shakes = shakes >= 12 ? 1 : shakes + 1;
                    shake(1 + shakes * Math.max(1, 3 * n / 100));
                    levelBest = cost;
                    sinceProgress = 0;
                }
            }
        }

        /**
         * Starts a new episode from the Cuthill–McKee order of the next restart root, aiming one
         * below its own band and stepping down from there: on ash292 every walk from reverse
         * Cuthill–McKee stalled at an excess of 4 or 5 at k = 19, while walks from the narrowest
         * level structures reached 19 in seconds. The walk's best order is kept apart.
         */
        private void restartFresh() {
            int root = roots[(walkIndex + ACCEPTANCE.length * episode++) % roots.length];
            load(CuthillMcKee.fromRoot(graph, root));
            // A fresh start better than the walk's best is recorded by run() as any improvement is.
            episodeBandwidth = bandwidth < bestBandwidth ? bandwidth + 1 : bandwidth;
            setTarget(bandwidth - 1);
        }

        /** Makes {@code order} the current order. */
        private void load(int[] order) {
            for (int p = 0; p < n; p++) {
                vert[p] = order[p];
                pos[order[p]] = p;
            }
            countLengths();
        }

        /** Counts the edges of each length in the current order, and its bandwidth, from scratch. */
        private void countLengths() {
            java.util.Arrays.fill(lengthCount, 0);
            bandwidth = 0;
            for (int v = 0; v < n; v++) {
                for (int a = graph.firstArc(v), end = graph.endArc(v); a < end; a++) {
                    if (v < graph.target(a)) {
                        int length = Math.abs(pos[v] - pos[graph.target(a)]);
                        lengthCount[length]++;
                        bandwidth = Math.max(bandwidth, length);
                    }
                }
            }
        }

        /**
         * Aims at bandwidth k: recomputes every vertex's conflicts and the total excess, with every
         * edge's weight back at 1 when k changes (the weights learnt at one k are about its own
         * conflicts; carried over to the next k, they gave will199 64 on 15 seeds of 30 instead of 23,
         * with one insertion in five).
         */
        private void setTarget(int newK) {
            if (newK != k) {
                java.util.Arrays.fill(weight, 1);
            }
            k = newK;
            cost = 0;
            conflictedCount = 0;
            java.util.Arrays.fill(conflicts, 0);
            for (int v = 0; v < n; v++) {
                for (int a = graph.firstArc(v), end = graph.endArc(v); a < end; a++) {
                    int length = Math.abs(pos[v] - pos[graph.target(a)]);
                    if (v < graph.target(a)) {
                        cost += weight[a] * excess(length);
                    }
                    if (length > k) {
                        conflicts[v]++;
                    }
                }
            }
            for (int v = 0; v < n; v++) {
                if (conflicts[v] > 0) {
                    slot[v] = conflictedCount;
                    conflicted[conflictedCount++] = v;
                }
            }
        }

        /**
         * The breakout of Morris ("The breakout method for escaping from local minima", AAAI 1993),
         * the edge weighting of guided local search: every edge too long when the walk has stalled
         * weighs one more in the excess, so the walk's next minima are those that stretch other edges.
         * On will199 (k = 64, single walks of 10 s from seeds 1–30, one insertion in five) the walk
         * reached 64 on 23 seeds of 30, against 7 without the weights.
         */
        private void bump() {
            bumps++;
            for (int i = 0; i < conflictedCount; i++) {
                int v = conflicted[i];
                for (int a = graph.firstArc(v), end = graph.endArc(v); a < end; a++) {
                    int x = graph.target(a);
                    int length = Math.abs(pos[v] - pos[x]);
                    if (length > k && v < x) {
                        weight[a]++;
                        weight[twin[a]]++;
                        cost += length - k;
                    }
                }
            }
        }

        /** Random swaps of vertices at most k apart. */
        private void shake(int swaps) {
            for (int i = 0; i < swaps; i++) {
                int u = random.nextInt(n);
                int reach = Math.max(1, k);
                int p = pos[u] + random.nextInt(2 * reach + 1) - reach;
                if (p < 0 || p >= n || p == pos[u]) {
                    continue;
                }
                swap(u, vert[p], delta(u, vert[p]));
            }
        }

        private void step() {
            int u = conflicted[random.nextInt(conflictedCount)];
            int low = Integer.MAX_VALUE;
            int high = Integer.MIN_VALUE;
            for (int a = graph.firstArc(u), end = graph.endArc(u); a < end; a++) {
                int p = pos[graph.target(a)];
                low = Math.min(low, p);
                high = Math.max(high, p);
            }
            // Positions where u's edges all fit: [high - k, low + k]; empty means u cannot fit anywhere
            // yet, and the middle of its neighbours is the least bad place.
            int from = high - k;
            int to = low + k;
            if (from > to) {
                int mid = (low + high) >>> 1;
                from = mid - 1;
                to = mid + 1;
            }
            from = Math.max(0, from);
            to = Math.min(n - 1, to);
            boolean shift = random.nextDouble() < shiftShare;
            int bestV = -1;
            long bestDelta = Long.MAX_VALUE;
            int ties = 0;
            for (int c = 0; c < (shift ? SHIFT_CANDIDATES : CANDIDATES); c++) {
                int p = from + random.nextInt(to - from + 1);
                if (p == pos[u]) {
                    continue;
                }
                int v = vert[p];
                long d = shift ? shiftDelta(u, p) : delta(u, v);
                if (d < bestDelta) {
                    bestDelta = d;
                    bestV = v;
                    ties = 1;
                } else if (d == bestDelta && random.nextInt(++ties) == 0) {
                    bestV = v;
                }
            }
            if (bestV < 0) {
                return;
            }
            if (bestDelta > 0) {
                worseProposed++;
                totalWorseProposed++;
                if (worseProposed == 1024) {
                    // Keep the share of accepted worsening moves near its aim, whatever the scale of the costs.
                    temperature *= worseAccepted < acceptance * worseProposed ? 1.1 : 1 / 1.1;
                    worseProposed = 0;
                    worseAccepted = 0;
                }
                if (random.nextDouble() >= Math.exp(-bestDelta / temperature)) {
                    return;
                }
                worseAccepted++;
                totalWorseAccepted++;
            }
            if (shift) {
                shift(u, pos[bestV], bestDelta);
            } else {
                swap(u, bestV, bestDelta);
            }
        }

        /** Where vertex x would be if u moved to position p and the vertices between shifted by one. */
        private int shiftedPosition(int x, int u, int from, int p) {
            if (x == u) {
                return p;
            }
            int px = pos[x];
            if (from < p) {
                return px > from && px <= p ? px - 1 : px;
            }
            return px >= p && px < from ? px + 1 : px;
        }

        /** The change of the total excess if u moved to position p, the vertices between shifting by one. */
        private long shiftDelta(int u, int p) {
            int from = pos[u];
            int lo = Math.min(from, p);
            int hi = Math.max(from, p);
            long d = 0;
            for (int q = lo; q <= hi; q++) {
                int w = vert[q];
                int nw = shiftedPosition(w, u, from, p);
                for (int a = graph.firstArc(w), end = graph.endArc(w); a < end; a++) {
                    int x = graph.target(a);
                    int px = pos[x];
                    if (px >= lo && px <= hi && x < w) {
                        continue; // counted from x
                    }
                    int nx = shiftedPosition(x, u, from, p);
                    d += weight[a] * (excess(Math.abs(nw - nx)) - excess(Math.abs(q - px)));
                }
            }
            return d;
        }

        /** Moves u to position p, shifting the vertices between by one towards u's old position. */
        private void shift(int u, int p, long delta) {
            int from = pos[u];
            int lo = Math.min(from, p);
            int hi = Math.max(from, p);
            rangeEdges(lo, hi, -1);
            if (from < p) {
                for (int q = from; q < p; q++) {
                    vert[q] = vert[q + 1];
                    pos[vert[q]] = q;
                }
            } else {
                for (int q = from; q > p; q--) {
                    vert[q] = vert[q - 1];
                    pos[vert[q]] = q;
                }
            }
            vert[p] = u;
            pos[u] = p;
            rangeEdges(lo, hi, +1);
            cost += delta;
            while (lengthCount[bandwidth] == 0 && bandwidth > 0) {
                bandwidth--;
            }
        }

        /** Adds sign to the length counts and conflicts of every edge at a vertex in positions lo..hi. */
        private void rangeEdges(int lo, int hi, int sign) {
            for (int q = lo; q <= hi; q++) {
                int w = vert[q];
                for (int a = graph.firstArc(w), end = graph.endArc(w); a < end; a++) {
                    int x = graph.target(a);
                    int px = pos[x];
                    if (px >= lo && px <= hi && x < w) {
                        continue;
                    }
                    int length = Math.abs(q - px);
                    lengthCount[length] += sign;
                    if (sign > 0 && length > bandwidth) {
                        bandwidth = length;
                    }
                    if (length > k) {
                        adjust(w, sign);
                        adjust(x, sign);
                    }
                }
            }
        }

        /**
         * Whether the incremental state (positions, total excess, bandwidth, conflicts) equals the one
         * recomputed from scratch. For tests.
         */
        boolean consistent() {
            for (int p = 0; p < n; p++) {
                if (pos[vert[p]] != p) {
                    return false;
                }
            }
            for (int v = 0; v < n; v++) {
                for (int a = graph.firstArc(v), end = graph.endArc(v); a < end; a++) {
                    if (graph.target(twin[a]) != v || weight[twin[a]] != weight[a] || weight[a] < 1) {
                        return false;
                    }
                }
            }
            long total = 0;
            int width = 0;
            int[] expected = new int[n];
            for (int v = 0; v < n; v++) {
                for (int a = graph.firstArc(v), end = graph.endArc(v); a < end; a++) {
                    int length = Math.abs(pos[v] - pos[graph.target(a)]);
                    width = Math.max(width, length);
                    if (length > k) {
                        expected[v]++;
                        if (v < graph.target(a)) {
                            total += (long) weight[a] * (length - k);
                        }
                    }
                }
            }
            int count = 0;
            for (int v = 0; v < n; v++) {
                if (expected[v] != conflicts[v] || (expected[v] > 0 && conflicted[slot[v]] != v)) {
                    return false;
                }
                count += expected[v] > 0 ? 1 : 0;
            }
            return total == cost && width == bandwidth && count == conflictedCount;
        }

        private long excess(int length) {
            return length > k ? length - k : 0;
        }

        /** The change of the total excess if u and v swapped positions. */
        private long delta(int u, int v) {
            int pu = pos[u];
            int pv = pos[v];
            long d = 0;
            for (int a = graph.firstArc(u), end = graph.endArc(u); a < end; a++) {
                int x = graph.target(a);
                if (x != v) {
                    int px = pos[x];
                    d += weight[a] * (excess(Math.abs(pv - px)) - excess(Math.abs(pu - px)));
                }
            }
            for (int a = graph.firstArc(v), end = graph.endArc(v); a < end; a++) {
                int x = graph.target(a);
                if (x != u) {
                    int px = pos[x];
                    d += weight[a] * (excess(Math.abs(pu - px)) - excess(Math.abs(pv - px)));
                }
            }
            return d;
        }

        private void swap(int u, int v, long delta) {
            lengths(u, v, -1);
            lengths(v, u, -1);
            count(u, v, -1);
            int pu = pos[u];
            pos[u] = pos[v];
            pos[v] = pu;
            vert[pos[u]] = u;
            vert[pos[v]] = v;
            count(u, v, +1);
            lengths(u, v, +1);
            lengths(v, u, +1);
            cost += delta;
            while (lengthCount[bandwidth] == 0 && bandwidth > 0) {
                bandwidth--;
            }
        }

        private void lengths(int u, int other, int sign) {
            int pu = pos[u];
            for (int a = graph.firstArc(u), end = graph.endArc(u); a < end; a++) {
                int x = graph.target(a);
                if (x != other) {
                    int length = Math.abs(pu - pos[x]);
                    lengthCount[length] += sign;
                    if (sign > 0 && length > bandwidth) {
                        bandwidth = length;
                    }
                }
            }
        }

        /** Adds sign to the conflict counts of the too-long edges at u and v (the edge u–v keeps its length). */
        private void count(int u, int v, int sign) {
            countAt(u, v, sign);
            countAt(v, u, sign);
        }

        private void countAt(int u, int other, int sign) {
            int pu = pos[u];
            for (int a = graph.firstArc(u), end = graph.endArc(u); a < end; a++) {
                int x = graph.target(a);
                if (x != other && Math.abs(pu - pos[x]) > k) {
                    adjust(u, sign);
                    adjust(x, sign);
                }
            }
        }

        private void adjust(int v, int sign) {
            int before = conflicts[v];
            conflicts[v] = before + sign;
            if (before == 0) {
                slot[v] = conflictedCount;
                conflicted[conflictedCount++] = v;
            } else if (before + sign == 0) {
                int last = conflicted[--conflictedCount];
                conflicted[slot[v]] = last;
                slot[last] = slot[v];
            }
        }
    }
}
