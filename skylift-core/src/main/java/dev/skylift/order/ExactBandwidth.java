package dev.skylift.order;

import dev.skylift.graph.CommGraph;
import dev.skylift.graph.ConnectedComponents;
import java.time.Duration;

/**
 * Minimum bandwidth with a proof. A heuristic order comes first ({@link BandwidthSearch} from
 * reverse Cuthill–McKee, for a share of the time); then, for k one below the best bandwidth
 * known, an exhaustive decision ({@link BandwidthDecision}) either finds an order of bandwidth ≤ k
 * — and k goes down — or proves that none exists, which raises the lower bound to k + 1 and makes
 * the best order optimal. Components are decided one by one: the graph's bandwidth is the largest
 * of theirs, so one component without an order of bandwidth k proves the bound for the whole.
 *
 * <p>On time-out the best order and the best bound found are returned, and the ordering is optimal
 * only if they meet. Exponential in the worst case; the decision holds a distance matrix, so
 * components above {@value #MAX_DECIDED_VERTICES} vertices are left to the heuristic.
 */
public final class ExactBandwidth implements Orderer {

    /** The largest component the exhaustive decision takes on. */
    public static final int MAX_DECIDED_VERTICES = 2000;

    /** Share of the time limit given to the heuristic before the proof starts. */
    private static final double SEARCH_SHARE = 0.25;

    @Override
    public String name() {
        return "exact";
    }

    @Override
    public Ordering order(CommGraph graph, OrderingOptions options) {
        long started = System.nanoTime();
        long deadline = started + options.timeLimit().toNanos();
        LowerBound bound = BandwidthLowerBounds.of(graph);
        int[] best = BandwidthSearch.improve(graph, CuthillMcKee.reverse().permutation(graph), bound.value(),
                options, started + (long) (options.timeLimit().toNanos() * SEARCH_SHARE));
        int n = graph.vertexCount();
        int bandwidth = Bandwidth.of(graph, Bandwidth.positions(best, n));
        if (bandwidth > bound.value()) {
            ConnectedComponents components = ConnectedComponents.of(graph);
            CommGraph[] parts = components.subgraphs(graph);
            BandwidthDecision.Problem[] problems = new BandwidthDecision.Problem[parts.length];
            long nodes = 0;
            while (bandwidth > bound.value()) {
                int k = bandwidth - 1;
                int[][] layouts = new int[parts.length][];
                boolean allYes = true;
                LowerBound proved = null;
                for (int c = 0; c < parts.length && proved == null && allYes; c++) {
                    CommGraph part = parts[c];
                    if (part.vertexCount() - 1 <= k) {
                        layouts[c] = identity(part.vertexCount());
                        continue;
                    }
                    if (part.vertexCount() > MAX_DECIDED_VERTICES) {
                        allYes = false;
                        break;
                    }
                    if (problems[c] == null) {
                        problems[c] = new BandwidthDecision.Problem(part);
                    }
                    BandwidthDecision.Result result = problems[c].decide(k, deadline);
                    nodes += result.nodes();
                    switch (result.answer()) {
                        case YES -> layouts[c] = result.order();
                        case NO -> proved = new LowerBound(k + 1, "exhaustive search: "
                                + (parts.length == 1 ? "the graph" : "the component of " + part.labels().label(0))
                                + " has no order of bandwidth " + k + " (" + nodes + " search nodes)");
                        case UNKNOWN -> allYes = false;
                    }
                }
                if (proved != null) {
                    bound = bound.max(proved);
                    break;
                }
                if (!allYes) {
                    break;
                }
                best = assemble(components, layouts, n);
                bandwidth = Bandwidth.of(graph, Bandwidth.positions(best, n));
            }
        }
        return Ordering.certify(graph, best, name(), bound, Duration.ofNanos(System.nanoTime() - started));
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    /** Lays the components' orders one after another, mapping back to the whole graph's vertices. */
    private static int[] assemble(ConnectedComponents components, int[][] layouts, int n) {
        int[] order = new int[n];
        int next = 0;
        for (int c = 0; c < components.count(); c++) {
            int[] vertices = components.vertices(c);
            for (int local : layouts[c]) {
                order[next++] = vertices[local];
            }
        }
        return order;
    }
}
