package dev.skylift.order;

import dev.skylift.graph.CommGraph;
import dev.skylift.graph.ConnectedComponents;
import dev.skylift.graph.IntervalGraphInspector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Picks the method per connected component, within one time limit for the whole graph: the
 * polynomial {@link IntervalBandwidth} for interval graphs, the exhaustive {@link ExactBandwidth}
 * (search beside proof, the proof for at most {@value #PROOF_SHARE} of the time) for other
 * components of at most {@value #EXACT_LIMIT} vertices,
 * {@link BandwidthSearch} for larger ones. Every method starts from
 * reverse Cuthill–McKee and never returns anything worse, so neither does this.
 *
 * <p>The graph's bandwidth is the largest of its components', so only components whose reverse
 * Cuthill–McKee band exceeds the best lower bound of the whole graph get any time, the widest
 * first, each a share of the remaining time in proportion to its edges.
 */
public final class AutoOrderer implements Orderer {

    /** Components up to this size get the exact method. */
    static final int EXACT_LIMIT = 200;
    /** The exact method's proof gets this share of the time; then both cores search. */
    static final double PROOF_SHARE = 0.4;

    @Override
    public String name() {
        return "auto";
    }

    @Override
    public Ordering order(CommGraph graph, OrderingOptions options) {
        long started = System.nanoTime();
        long deadline = started + options.timeLimit().toNanos();
        ConnectedComponents components = ConnectedComponents.of(graph);
        if (components.count() == 1) {
            Ordering ordering = methodFor(graph).order(graph, options);
            return Ordering.certify(graph, ordering.order(), ordering.method(), ordering.lowerBound(),
                    Duration.ofNanos(System.nanoTime() - started));
        }
        CommGraph[] parts = components.subgraphs(graph);
        int[][] layouts = new int[parts.length][];
        LowerBound bound = BandwidthLowerBounds.of(graph);
        List<Integer> work = new ArrayList<>();
        int[] rcmBandwidth = new int[parts.length];
        for (int c = 0; c < parts.length; c++) {
            layouts[c] = CuthillMcKee.reverse().permutation(parts[c]);
            rcmBandwidth[c] = Bandwidth.of(parts[c], Bandwidth.positions(layouts[c], parts[c].vertexCount()));
            if (rcmBandwidth[c] > bound.value()) {
                work.add(c);
            }
        }
        work.sort(Comparator.comparingInt((Integer c) -> -rcmBandwidth[c]).thenComparingInt(c -> c));
        long remainingEdges = work.stream().mapToLong(c -> parts[c].edgeCount()).sum();
        List<String> methods = new ArrayList<>();
        for (int c : work) {
            long now = System.nanoTime();
            long share = (long) ((deadline - now) * (parts[c].edgeCount() / (double) Math.max(1, remainingEdges)));
            remainingEdges -= parts[c].edgeCount();
            if (share <= 0) {
                continue;
            }
            Ordering part = methodFor(parts[c]).order(parts[c], options.withTimeLimit(Duration.ofNanos(share)));
            layouts[c] = part.order();
            bound = bound.max(part.lowerBound());
            if (!methods.contains(part.method())) {
                methods.add(part.method());
            }
        }
        int[] order = components.concatenate(layouts);
        // The method that made the order: one name when one method did all the work.
        String method = methods.isEmpty() ? "rcm" : methods.size() == 1 ? methods.get(0) : name();
        return Ordering.certify(graph, order, method, bound, Duration.ofNanos(System.nanoTime() - started));
    }

    private static Orderer methodFor(CommGraph component) {
        if (IntervalGraphInspector.isIntervalGraph(component)) {
            return new IntervalBandwidth();
        }
        return component.vertexCount() <= EXACT_LIMIT ? new ExactBandwidth(PROOF_SHARE) : new BandwidthSearch();
    }
}
