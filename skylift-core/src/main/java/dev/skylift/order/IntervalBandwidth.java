package dev.skylift.order;

import dev.skylift.graph.CommGraph;
import dev.skylift.graph.ConnectedComponents;
import dev.skylift.graph.IntervalGraphInspector;
import dev.skylift.graph.IntervalModel;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * Minimum-bandwidth orders for interval graphs, in polynomial time and with proof: for an interval
 * graph the order it returns is optimal and its lower bound says so. Other graphs get reverse
 * Cuthill–McKee with the ordinary bounds of {@link BandwidthLowerBounds}.
 *
 * <h2>Design</h2>
 * Bandwidth is NP-hard in general but not on interval graphs. D. J. Kleitman and R. V. Vohra,
 * "Computing the bandwidth of interval graphs", SIAM J. Discrete Math. 3(3), 1990, decide
 * "bandwidth ≤ k?" for an interval graph in O(nk) by a greedy labelling that hands out the labels
 * 1, 2, … in turn:
 * <ul>
 *   <li>when a vertex receives label i, each unlabelled neighbour receives the deadline i + k (a
 *       deadline, once set, never moves: later neighbours carry larger labels);</li>
 *   <li>before handing out label i, find the first j ≥ i at which the vertices due by j fill all
 *       the labels i..j; more of them than labels means no labelling of bandwidth k exists;</li>
 *   <li>label i goes to the vertex whose interval ends first (ties: the one that starts last), among
 *       the vertices due by j if such a j exists, else among all unlabelled vertices.</li>
 * </ul>
 * Among the vertices that may take label i, the one ending first has the fewest neighbours still to
 * come, so it commits the fewest future labels. Kleitman and Vohra prove that the greedy finds a
 * labelling of bandwidth ≤ k whenever one exists; its "no" is what makes the result optimal: the
 * search below finds the least k the greedy accepts, and the greedy's rejection of k − 1 is the
 * lower bound. (The rule above is written from the published descriptions of the algorithm, not
 * copied from the paper; IntervalBandwidthTest holds it to exhaustive search on random interval
 * graphs. D. Kratsch, "Finding the minimum bandwidth of an interval graph", Inform. and Comput.
 * 74(2), 1987, gave the first polynomial algorithm; A. P. Sprague, "An O(n log n) algorithm for
 * bandwidth of interval graphs", SIAM J. Discrete Math. 7(2), 1994, speeds up the decision.)
 *
 * <p>Here each connected component is solved on its own and the components are laid side by side,
 * so the bandwidth is the largest over the components. The search tries k from the clique and degree
 * bounds (a clique of ω vertices needs ω − 1, a vertex of degree Δ needs ⌈Δ/2⌉) upwards by doubling
 * steps, then bisects. The model comes from {@link IntervalGraphInspector}. One decision takes
 * O(n (k + log n) + m): the deadline scan is O(k) per label, and the vertex ending first among those
 * due by j is found in O(log n) from a segment tree over the vertices sorted by right end; the search
 * makes O(log n) decisions per component. Being polynomial, it runs to the end whatever the time
 * limit (a sparse interval graph of a million vertices took under two seconds in testing,
 * recognition included).
 */
public final class IntervalBandwidth implements Orderer {

    @Override
    public String name() {
        return "interval";
    }

    @Override
    public Ordering order(CommGraph graph, OrderingOptions options) {
        long started = System.nanoTime();
        Optional<IntervalModel> model = IntervalGraphInspector.intervalModel(graph);
        if (model.isEmpty()) {
            int[] order = CuthillMcKee.reverse().permutation(graph);
            LowerBound bound = BandwidthLowerBounds.of(graph);
            return Ordering.certify(graph, order, name(), bound, Duration.ofNanos(System.nanoTime() - started));
        }
        Solution solution = solve(graph, model.get());
        return Ordering.certify(graph, solution.order, name(), solution.bound,
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** An optimal order of an interval graph, given an interval model of it, with its proof. */
    static Solution solve(CommGraph graph, IntervalModel model) {
        int n = graph.vertexCount();
        int[] order = new int[n];
        LowerBound bound = new LowerBound(0, "no edges");
        ConnectedComponents components = ConnectedComponents.of(graph);
        Greedy greedy = new Greedy(graph);
        int next = 0;
        for (int c = 0; c < components.count(); c++) {
            int[] vertices = components.vertices(c);
            if (vertices.length == 1) {
                order[next++] = vertices[0];
                continue;
            }
            greedy.prepare(vertices, model);
            LowerBound low = cliqueOrDegreeBound(graph, model, vertices);
            // Gallop up from the bound, then bisect; the greedy always succeeds at n_c − 1.
            int failed = low.value() - 1;
            int probe = low.value();
            int step = 1;
            while (!greedy.label(probe, null, 0)) {
                if (probe == vertices.length - 1) {
                    throw new IllegalStateException("the greedy rejected bandwidth " + probe + " on "
                            + vertices.length + " vertices, which any order meets");
                }
                failed = probe;
                probe = Math.min(vertices.length - 1, failed + step);
                step *= 2;
            }
            int succeeded = probe;
            while (succeeded - failed > 1) {
                int middle = (failed + succeeded) >>> 1;
                if (greedy.label(middle, null, 0)) {
                    succeeded = middle;
                } else {
                    failed = middle;
                }
            }
            greedy.label(succeeded, order, next);
            next += vertices.length;
            LowerBound proven = succeeded == low.value()
                    ? low
                    : new LowerBound(succeeded, "interval graph: no order of bandwidth " + failed
                            + " exists for the component of " + graph.labels().label(vertices[0])
                            + " (Kleitman–Vohra)");
            bound = bound.max(proven);
        }
        return new Solution(order, bound);
    }

    /**
     * The better of two bounds that need no search: a clique of ω vertices needs ω − 1, a vertex of
     * degree Δ needs ⌈Δ/2⌉. The clique number is the most intervals sharing a point.
     */
    private static LowerBound cliqueOrDegreeBound(CommGraph graph, IntervalModel model, int[] vertices) {
        int first = Integer.MAX_VALUE;
        int last = 0;
        int hub = vertices[0];
        for (int v : vertices) {
            first = Math.min(first, model.left(v));
            last = Math.max(last, model.right(v));
            if (graph.degree(v) > graph.degree(hub)) {
                hub = v;
            }
        }
        int[] change = new int[last - first + 2];
        for (int v : vertices) {
            change[model.left(v) - first]++;
            change[model.right(v) - first + 1]--;
        }
        int omega = 0;
        int open = 0;
        for (int p = 0; p < change.length; p++) {
            open += change[p];
            omega = Math.max(omega, open);
        }
        int degree = graph.degree(hub);
        LowerBound byDegree = new LowerBound((degree + 1) / 2, "vertex " + graph.labels().label(hub) + " has "
                + degree + " neighbours: ⌈" + degree + "/2⌉");
        LowerBound byClique = new LowerBound(omega - 1, "interval graph: the component of "
                + graph.labels().label(vertices[0]) + " has a clique of " + omega + " vertices");
        return byClique.max(byDegree);
    }

    /** An order and the lower bound that proves it optimal. */
    record Solution(int[] order, LowerBound bound) {
    }

    /**
     * The Kleitman–Vohra decision procedure for one component at a time. Owns its work arrays, sized
     * for the whole graph, so that the trials of the search allocate nothing per vertex.
     */
    static final class Greedy {
        private static final int NO_DEADLINE = Integer.MAX_VALUE - 1;
        private static final int LABELLED = Integer.MAX_VALUE;

        private final CommGraph graph;
        private final int[] deadline;
        /** The rank of each vertex of the component: its place by right end, then by later start. */
        private final int[] rankOf;
        private int[] byRank = new int[0];
        private int count;
        /** Per label d, how many unlabelled vertices are due by exactly d. */
        private int[] dueCount = new int[0];
        /** A min-segment tree over the ranks: each unlabelled vertex's deadline, LABELLED once labelled. */
        private int[] tree = new int[0];
        private int leaves;

        Greedy(CommGraph graph) {
            this.graph = graph;
            this.deadline = new int[graph.vertexCount()];
            this.rankOf = new int[graph.vertexCount()];
        }

        /** Ranks a component's vertices by right end, ties to the later start, then index. */
        void prepare(int[] vertices, IntervalModel model) {
            count = vertices.length;
            long[] keys = new long[count];
            for (int i = 0; i < count; i++) {
                int v = vertices[i];
                keys[i] = ((long) model.right(v) << 32) | (Integer.MAX_VALUE - model.left(v));
            }
            Integer[] ranked = new Integer[count];
            for (int i = 0; i < count; i++) {
                ranked[i] = i;
            }
            Arrays.sort(ranked, (x, y) -> keys[x] != keys[y] ? Long.compare(keys[x], keys[y])
                    : Integer.compare(vertices[x], vertices[y]));
            if (byRank.length < count) {
                byRank = new int[count];
            }
            for (int r = 0; r < count; r++) {
                byRank[r] = vertices[ranked[r]];
                rankOf[byRank[r]] = r;
            }
            leaves = Integer.highestOneBit(Math.max(1, count - 1)) << 1;
            if (tree.length < 2 * leaves) {
                tree = new int[2 * leaves];
            }
        }

        /**
         * Whether the prepared component has a labelling of bandwidth ≤ k; if so and {@code out} is
         * not null, writes it to {@code out[offset ..]} in label order.
         */
        boolean label(int k, int[] out, int offset) {
            if (dueCount.length < count + k + 1) {
                dueCount = new int[count + k + 1];
            } else {
                Arrays.fill(dueCount, 0, count + k + 1, 0);
            }
            for (int r = 0; r < leaves; r++) {
                tree[leaves + r] = r < count ? NO_DEADLINE : LABELLED;
            }
            for (int node = leaves - 1; node >= 1; node--) {
                tree[node] = Math.min(tree[2 * node], tree[2 * node + 1]);
            }
            for (int r = 0; r < count; r++) {
                deadline[byRank[r]] = NO_DEADLINE;
            }
            int latestDue = -1;
            for (int i = 0; i < count; i++) {
                // The first j ≥ i by which as many vertices are due as there are labels i..j.
                int due = 0;
                int tight = -1;
                for (int j = i; j <= latestDue; j++) {
                    due += dueCount[j];
                    int labels = j - i + 1;
                    if (due > labels) {
                        return false;
                    }
                    if (due == labels) {
                        tight = j;
                        break;
                    }
                }
                int rank = firstRankDueBy(tight >= 0 ? tight : NO_DEADLINE);
                int v = byRank[rank];
                if (deadline[v] != NO_DEADLINE) {
                    dueCount[deadline[v]]--;
                }
                deadline[v] = LABELLED;
                update(rank, LABELLED);
                if (out != null) {
                    out[offset + i] = v;
                }
                for (int a = graph.firstArc(v), end = graph.endArc(v); a < end; a++) {
                    int w = graph.target(a);
                    if (deadline[w] == NO_DEADLINE) {
                        deadline[w] = i + k;
                        dueCount[i + k]++;
                        latestDue = i + k;
                        update(rankOf[w], i + k);
                    }
                }
            }
            return true;
        }

        /** The lowest rank whose vertex is unlabelled and due by {@code limit}. */
        private int firstRankDueBy(int limit) {
            int node = 1;
            while (node < leaves) {
                node = tree[2 * node] <= limit ? 2 * node : 2 * node + 1;
            }
            return node - leaves;
        }

        private void update(int rank, int value) {
            int node = leaves + rank;
            tree[node] = value;
            for (node >>= 1; node >= 1; node >>= 1) {
                tree[node] = Math.min(tree[2 * node], tree[2 * node + 1]);
            }
        }
    }
}
