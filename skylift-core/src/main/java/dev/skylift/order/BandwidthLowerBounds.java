package dev.skylift.order;

import dev.skylift.graph.BreadthFirstSearch;
import dev.skylift.graph.CommGraph;
import dev.skylift.graph.ConnectedComponents;
import dev.skylift.graph.LevelStructure;
import dev.skylift.graph.VertexLabels;

/**
 * Proven lower bounds on the bandwidth of a graph: no numbering can do better, so an ordering that
 * meets one is optimal.
 *
 * <ul>
 *   <li>Degree: a vertex with d neighbours has one of them at least ⌈d/2⌉ positions away.</li>
 *   <li>Diameter (per component of n_c vertices and diameter D): the ends of the numbering are
 *       joined by a path of at most D edges, each spanning at most b positions, so
 *       b ≥ ⌈(n_c − 1)/D⌉ (Chvátal 1970).</li>
 *   <li>Density: the k-ball around v holds |N_k(v)| vertices within k hops, which fit in 2kb + 1
 *       positions, so b ≥ ⌈(|N_k(v)| − 1)/2k⌉ (Chvátalová 1975); computed when n·m is small
 *       enough, since it needs a search from every vertex.</li>
 * </ul>
 *
 * <p>Diameters are exact: from all searches on small graphs, otherwise by the iFUB method
 * (Crescenzi, Grossi, Habib, Lanzi, Marino, "On computing the diameter of real-world undirected
 * graphs", TCS 514, 2013) from the middle of a double sweep, which usually needs a handful of
 * searches; past its budget it uses iFUB's upper bound on the diameter, which keeps the bound valid.
 */
public final class BandwidthLowerBounds {

    /** Arc visits allowed for the all-sources searches behind the density bound. */
    private static final long ALL_SOURCES_WORK = 60_000_000L;
    /** Arc visits allowed for iFUB on one component. */
    private static final long IFUB_WORK = 40_000_000L;

    private BandwidthLowerBounds() {
    }

    /** The best of the degree, diameter and (where affordable) density bounds. */
    public static LowerBound of(CommGraph graph) {
        VertexLabels labels = graph.labels();
        int n = graph.vertexCount();
        LowerBound best = new LowerBound(0, "no edges");
        if (graph.edgeCount() == 0) {
            return best;
        }
        best = best.max(degreeBound(graph));
        ConnectedComponents components = ConnectedComponents.of(graph);
        BreadthFirstSearch bfs = new BreadthFirstSearch(graph);
        boolean allSources = (long) n * (2L * graph.edgeCount() + n) <= ALL_SOURCES_WORK;
        int[] eccentricity = allSources ? new int[n] : null;
        int[] scratch = null;
        if (allSources) {
            best = best.max(densityBound(graph, bfs, eccentricity));
        }
        for (int c = 0; c < components.count(); c++) {
            int size = components.size(c);
            if (size < 2) {
                continue;
            }
            int[] vertices = components.vertices(c);
            if (!allSources && scratch == null) {
                scratch = new int[n];
                java.util.Arrays.fill(scratch, -1);
            }
            int diameter = allSources ? maxOf(eccentricity, vertices) : diameterUpperBound(graph, bfs, vertices, scratch);
            int value = ceilDiv(size - 1, diameter);
            String where = components.count() == 1
                    ? "the graph"
                    : "the component of " + labels.label(vertices[0]);
            best = best.max(new LowerBound(value, where + " has " + size + " vertices and diameter "
                    + (allSources ? "" : "at most ") + diameter + ": ⌈" + (size - 1) + "/" + diameter + "⌉"));
        }
        return best;
    }

    /** ⌈Δ/2⌉ with the vertex that has degree Δ. */
    public static LowerBound degreeBound(CommGraph graph) {
        int hub = 0;
        for (int v = 1; v < graph.vertexCount(); v++) {
            if (graph.degree(v) > graph.degree(hub)) {
                hub = v;
            }
        }
        if (graph.vertexCount() == 0) {
            return new LowerBound(0, "no vertices");
        }
        int degree = graph.degree(hub);
        return new LowerBound(ceilDiv(degree, 2),
                "vertex " + graph.labels().label(hub) + " has " + degree + " neighbours: ⌈" + degree + "/2⌉");
    }

    /** max over v, k of ⌈(|N_k(v)| − 1)/2k⌉, filling in each vertex's eccentricity on the way. */
    private static LowerBound densityBound(CommGraph graph, BreadthFirstSearch bfs, int[] eccentricity) {
        int best = 0;
        int bestVertex = 0;
        int bestK = 1;
        int bestBall = 1;
        for (int v = 0; v < graph.vertexCount(); v++) {
            int[] balls = bfs.ballSizes(v);
            eccentricity[v] = balls.length - 1;
            for (int k = 1; k < balls.length; k++) {
                int value = ceilDiv(balls[k] - 1, 2 * k);
                if (value > best) {
                    best = value;
                    bestVertex = v;
                    bestK = k;
                    bestBall = balls[k];
                }
            }
        }
        return new LowerBound(best, bestBall + " vertices lie within " + bestK + " hop" + (bestK == 1 ? "" : "s")
                + " of vertex " + graph.labels().label(bestVertex) + ": ⌈" + (bestBall - 1) + "/" + (2 * bestK) + "⌉");
    }

    /**
     * The diameter of a component by iFUB, or an upper bound on it when the work budget runs out.
     * Every vertex at distance ≥ i from the centre u has had its eccentricity computed once level
     * i is done, and any two vertices nearer to u than i are within 2(i − 1) of each other, so the
     * diameter is at most max(largest eccentricity seen, 2(i − 1)).
     */
    static int diameterUpperBound(CommGraph graph, BreadthFirstSearch bfs, int[] component) {
        int[] scratch = new int[graph.vertexCount()];
        java.util.Arrays.fill(scratch, -1);
        return diameterUpperBound(graph, bfs, component, scratch);
    }

    /** The same with a scratch array of −1s, one per vertex of the graph, left as it was found. */
    private static int diameterUpperBound(CommGraph graph, BreadthFirstSearch bfs, int[] component, int[] scratch) {
        int hub = component[0];
        for (int v : component) {
            if (graph.degree(v) > graph.degree(hub)) {
                hub = v;
            }
        }
        // Double sweep: a far vertex a, then the vertex halfway along a's search towards its farthest.
        LevelStructure fromHub = bfs.levels(hub);
        int a = fromHub.vertices()[fromHub.size() - 1];
        LevelStructure fromA = bfs.levels(a);
        int lower = fromA.depth();
        int centre = halfway(graph, fromA, scratch);
        LevelStructure fromCentre = bfs.levels(centre);
        lower = Math.max(lower, fromCentre.depth());
        long arcsPerSearch = 2L * sumDegrees(graph, component) + component.length;
        long work = 3 * arcsPerSearch;
        for (int level = fromCentre.depth(); level >= 1; level--) {
            for (int i = fromCentre.levelStart()[level]; i < fromCentre.levelStart()[level + 1]; i++) {
                if (work > IFUB_WORK) {
                    return Math.max(lower, 2 * level);
                }
                lower = Math.max(lower, bfs.eccentricity(fromCentre.vertices()[i]));
                work += arcsPerSearch;
            }
            if (lower >= 2 * (level - 1)) {
                return lower;
            }
        }
        return lower;
    }

    /** A vertex halfway between a search's root and its last vertex, along a shortest path. */
    private static int halfway(CommGraph graph, LevelStructure levels, int[] scratch) {
        int[] depthOf = scratch;
        for (int level = 0; level < levels.levelCount(); level++) {
            for (int i = levels.levelStart()[level]; i < levels.levelStart()[level + 1]; i++) {
                depthOf[levels.vertices()[i]] = level;
            }
        }
        int v = levels.vertices()[levels.size() - 1];
        for (int level = levels.depth(); level > levels.depth() / 2; level--) {
            for (int arc = graph.firstArc(v); arc < graph.endArc(v); arc++) {
                if (depthOf[graph.target(arc)] == level - 1) {
                    v = graph.target(arc);
                    break;
                }
            }
        }
        for (int u : levels.vertices()) {
            depthOf[u] = -1;
        }
        return v;
    }

    private static long sumDegrees(CommGraph graph, int[] vertices) {
        long sum = 0;
        for (int v : vertices) {
            sum += graph.degree(v);
        }
        return sum;
    }

    private static int maxOf(int[] values, int[] indices) {
        int max = 0;
        for (int i : indices) {
            max = Math.max(max, values[i]);
        }
        return max;
    }

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
