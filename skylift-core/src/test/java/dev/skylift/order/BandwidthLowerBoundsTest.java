package dev.skylift.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skylift.graph.BreadthFirstSearch;
import dev.skylift.graph.CommGraph;
import dev.skylift.graph.ConnectedComponents;
import dev.skylift.graph.TestGraphs;
import dev.skylift.graph.VertexLabels;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class BandwidthLowerBoundsTest {

    /**
     * Every graph on n labelled vertices (2^(n(n−1)/2) of them: 32,768 for n = 6, which covers all
     * graphs on fewer vertices too, padded with isolated ones): the bound never exceeds the exact
     * bandwidth, and it is the best of the three documented bounds, recomputed here.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6})
    void neverExceedsTheBandwidthOfAnyGraphOnAtMostSixVertices(int n) {
        int[][] pairs = TestGraphs.allPairs(n);
        int[] optimum = allOptima(n, pairs);

        for (int mask = 0; mask < optimum.length; mask++) {
            CommGraph graph = TestGraphs.ofMask(n, pairs, mask);

            LowerBound bound = BandwidthLowerBounds.of(graph);

            assertThat(bound.value()).as("graph %s", edgesOf(pairs, mask)).isLessThanOrEqualTo(optimum[mask])
                    .isEqualTo(bestDocumentedBound(graph));
        }
    }

    @ParameterizedTest
    @CsvSource({"7, 0.2", "7, 0.5", "8, 0.15", "8, 0.3", "8, 0.5", "8, 0.75"})
    void neverExceedsTheBandwidthOfRandomGraphsOnSevenOrEightVertices(int n, double p) {
        for (long seed = 1; seed <= 40; seed++) {
            CommGraph graph = TestGraphs.random(n, p, seed);

            LowerBound bound = BandwidthLowerBounds.of(graph);

            assertThat(bound.value()).as("seed %d", seed).isLessThanOrEqualTo(BruteForce.optimum(graph))
                    .isEqualTo(bestDocumentedBound(graph));
        }
    }

    @ParameterizedTest
    @CsvSource({"pores_1, 7", "ibm32, 11", "bcspwr01, 5", "will57, 6", "ash85, 9", "nos4, 10"})
    void neverExceedsTheBestKnownBandwidthOfBenchmarkInstances(String instance, int bestKnown) {
        CommGraph graph = TestGraphs.resource(instance);

        LowerBound bound = BandwidthLowerBounds.of(graph);

        assertThat(bound.value()).isLessThanOrEqualTo(bestKnown).isEqualTo(bestDocumentedBound(graph));
    }

    @Test
    void isZeroWithoutEdges() {
        assertThat(BandwidthLowerBounds.of(TestGraphs.empty()).value()).isZero();
        assertThat(BandwidthLowerBounds.of(TestGraphs.singleVertex()).value()).isZero();
        assertThat(BandwidthLowerBounds.of(TestGraphs.edgeless(7)).value()).isZero();
        assertThat(BandwidthLowerBounds.degreeBound(TestGraphs.empty()).value()).isZero();
    }

    @Test
    void boundsACompleteGraphByItsOptimum() {
        // K_n has diameter 1, so ⌈(n − 1)/1⌉ = n − 1, which every numbering reaches.
        assertThat(BandwidthLowerBounds.of(TestGraphs.complete(9)).value()).isEqualTo(8);
    }

    @Test
    void boundsAGridByItsShorterSide() {
        // The bandwidth of the 6×6 grid is 6 (Chvátalová 1975).
        CommGraph grid = TestGraphs.shuffled(TestGraphs.grid(6, 6), 6);

        assertThat(BandwidthLowerBounds.of(grid).value()).isEqualTo(bestDocumentedBound(grid)).isLessThanOrEqualTo(6);
    }

    @Test
    void namesTheHubInTheDegreeBound() {
        String[] names = {"web-1", "web-2", "web-3", "db-primary", "web-4", "web-5", "cache"};
        CommGraph.Builder builder = CommGraph.builder(7);
        for (int v : new int[] {0, 1, 2, 4, 5}) {
            builder.addEdge(3, v);
        }
        builder.addEdge(5, 6);
        CommGraph graph = builder.build(VertexLabels.of(names));

        LowerBound bound = BandwidthLowerBounds.degreeBound(graph);

        assertThat(bound.value()).isEqualTo(3);
        assertThat(bound.reason()).contains("db-primary").contains("5");
        assertThat(bound.reason()).doesNotContain("web-").doesNotContain("cache");
    }

    @Test
    void namesTheComponentWhoseDiameterGivesTheBound() {
        // A path (bound 1) beside K5 (diameter 1: bound 4, beating degree and density, both 2).
        CommGraph graph = TestGraphs.disjointUnion(TestGraphs.path(3), TestGraphs.complete(5))
                .withLabels(VertexLabels.of("p1", "p2", "p3", "k-a", "k-b", "k-c", "k-d", "k-e"));

        LowerBound bound = BandwidthLowerBounds.of(graph);

        assertThat(bound.value()).isEqualTo(4);
        assertThat(bound.reason()).contains("k-a");
    }

    @ParameterizedTest
    @CsvSource({"12, 14", "60, 70", "300, 380", "700, 1000"})
    void findsTheExactDiameterOfEachComponentWithinItsBudget(int n, int m) {
        // (searches + 3) · (2m + n) stays far below the budget of arc visits, so iFUB always finishes.
        for (long seed = 1; seed <= 6; seed++) {
            CommGraph graph = TestGraphs.randomSparse(n, m, seed * 7919 + n);
            assertExactDiameters(graph);
        }
    }

    static Stream<Named<CommGraph>> structuredGraphs() {
        return Stream.of(
                Named.of("path 40", TestGraphs.shuffled(TestGraphs.path(40), 1)),
                Named.of("cycle 41", TestGraphs.shuffled(TestGraphs.cycle(41), 2)),
                Named.of("cycle 40", TestGraphs.cycle(40)),
                Named.of("grid 7x13", TestGraphs.shuffled(TestGraphs.grid(7, 13), 3)),
                Named.of("star 30", TestGraphs.star(30)),
                Named.of("random tree 500", TestGraphs.randomTree(500, 4)),
                Named.of("complete bipartite 4,9", TestGraphs.completeBipartite(4, 9)),
                Named.of("two lollipops", TestGraphs.disjointUnion(lollipop(8, 20), lollipop(3, 50))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("structuredGraphs")
    void findsTheExactDiameterOfStructuredGraphs(CommGraph graph) {
        assertExactDiameters(graph);
    }

    /**
     * Graphs large enough (n·(2m + n) above 60,000,000) that the bound takes its diameters from iFUB
     * rather than from a search per vertex. The diameter may only be overestimated: that keeps
     * ⌈(n − 1)/D⌉ a valid bound. The cycle makes iFUB run out of budget (its centre's levels hold two
     * vertices each and every vertex has the same eccentricity).
     */
    static Stream<Arguments> largeGraphs() {
        return Stream.of(
                Arguments.of(Named.of("grid 3000x3", TestGraphs.grid(3000, 3)), 3000 - 1 + 3 - 1),
                Arguments.of(Named.of("cycle 10000", TestGraphs.shuffled(TestGraphs.cycle(10_000), 10)), 5000),
                Arguments.of(Named.of("path 12000", TestGraphs.shuffled(TestGraphs.path(12_000), 12)), 11_999),
                Arguments.of(Named.of("random tree 20000", TestGraphs.randomTree(20_000, 20)), -1),
                Arguments.of(Named.of("random n=4000 m=6000", TestGraphs.randomSparse(4000, 6000, 4000)), -1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("largeGraphs")
    void neverUnderestimatesTheDiameterOfLargeGraphs(CommGraph graph, int knownDiameter) {
        int n = graph.vertexCount();
        assertThat((long) n * (2L * graph.edgeCount() + n)).isGreaterThan(60_000_000L);
        int[][] adjacency = TestGraphs.adjacency(graph);
        ConnectedComponents components = ConnectedComponents.of(graph);
        BreadthFirstSearch bfs = new BreadthFirstSearch(graph);

        for (int c = 0; c < components.count(); c++) {
            int[] vertices = components.vertices(c);
            if (vertices.length < 2) {
                continue;
            }
            int diameter = knownDiameter >= 0 ? knownDiameter
                    : isTree(graph, vertices) ? doubleSweep(adjacency, vertices[0]) : diameter(adjacency, vertices);

            assertThat(BandwidthLowerBounds.diameterUpperBound(graph, bfs, vertices))
                    .as("component of %d vertices", vertices.length).isGreaterThanOrEqualTo(diameter);
        }
        LowerBound bound = BandwidthLowerBounds.of(graph);
        assertThat(bound.value()).isGreaterThanOrEqualTo((graphMaxDegree(graph) + 1) / 2);
        assertThat(bound.value()).isLessThanOrEqualTo(
                AbstractOrdererTest.bandwidthOf(graph, IntStream.range(0, n).toArray()));
        assertThat(bound.value()).isLessThanOrEqualTo(
                AbstractOrdererTest.bandwidthOf(graph, CuthillMcKee.reverse().permutation(graph)));
    }

    // ---- reference computations ----

    private static void assertExactDiameters(CommGraph graph) {
        int[][] adjacency = TestGraphs.adjacency(graph);
        ConnectedComponents components = ConnectedComponents.of(graph);
        BreadthFirstSearch bfs = new BreadthFirstSearch(graph);
        for (int c = 0; c < components.count(); c++) {
            int[] vertices = components.vertices(c);
            if (vertices.length < 2) {
                continue;
            }
            assertThat(BandwidthLowerBounds.diameterUpperBound(graph, bfs, vertices))
                    .as("component %d of %d vertices", c, vertices.length)
                    .isEqualTo(diameter(adjacency, vertices));
        }
    }

    /** The diameter of a component: the largest eccentricity, one search per vertex. */
    private static int diameter(int[][] adjacency, int[] component) {
        int diameter = 0;
        for (int v : component) {
            diameter = Math.max(diameter, TestGraphs.eccentricity(adjacency, v));
        }
        return diameter;
    }

    /** The diameter of a tree: the eccentricity of a vertex farthest from any vertex (exact on trees). */
    private static int doubleSweep(int[][] adjacency, int start) {
        int[] distance = TestGraphs.distances(adjacency, start);
        int far = start;
        for (int v = 0; v < distance.length; v++) {
            if (distance[v] > distance[far]) {
                far = v;
            }
        }
        return TestGraphs.eccentricity(adjacency, far);
    }

    private static boolean isTree(CommGraph graph, int[] component) {
        long arcs = 0;
        for (int v : component) {
            arcs += graph.degree(v);
        }
        return arcs == 2L * (component.length - 1);
    }

    /**
     * The best of the three bounds the class documents, recomputed from breadth-first distances:
     * ⌈Δ/2⌉; ⌈(n_c − 1)/D_c⌉ per component; ⌈(|N_k(v)| − 1)/2k⌉ over all v and k.
     */
    static int bestDocumentedBound(CommGraph graph) {
        int n = graph.vertexCount();
        int[][] edges = TestGraphs.edges(graph);
        if (edges.length == 0) {
            return 0;
        }
        int best = (TestGraphs.maxDegree(n, edges) + 1) / 2;
        int[][] adjacency = TestGraphs.adjacency(graph);
        int[] eccentricity = new int[n];
        for (int v = 0; v < n; v++) {
            int[] distance = TestGraphs.distances(adjacency, v);
            int[] atDistance = new int[n];
            for (int d : distance) {
                if (d >= 0) {
                    atDistance[d]++;
                    eccentricity[v] = Math.max(eccentricity[v], d);
                }
            }
            int ball = atDistance[0];
            for (int k = 1; k <= eccentricity[v]; k++) {
                ball += atDistance[k];
                best = Math.max(best, (ball - 1 + 2 * k - 1) / (2 * k));
            }
        }
        int[] root = TestGraphs.componentRoots(n, edges);
        int[] size = new int[n];
        int[] diameter = new int[n];
        for (int v = 0; v < n; v++) {
            size[root[v]]++;
            diameter[root[v]] = Math.max(diameter[root[v]], eccentricity[v]);
        }
        for (int r = 0; r < n; r++) {
            if (size[r] >= 2) {
                best = Math.max(best, (size[r] - 1 + diameter[r] - 1) / diameter[r]);
            }
        }
        return best;
    }

    private static int graphMaxDegree(CommGraph graph) {
        return TestGraphs.maxDegree(graph.vertexCount(), TestGraphs.edges(graph));
    }

    /** K_k with a path of {@code tail} more vertices hanging off one of its vertices. */
    private static CommGraph lollipop(int k, int tail) {
        List<int[]> edges = new ArrayList<>();
        for (int u = 0; u < k; u++) {
            for (int v = u + 1; v < k; v++) {
                edges.add(new int[] {u, v});
            }
        }
        for (int v = k; v < k + tail; v++) {
            edges.add(new int[] {v - 1, v});
        }
        return TestGraphs.of(k + tail, edges.toArray(int[][]::new));
    }


    private static String edgesOf(int[][] pairs, int mask) {
        StringBuilder s = new StringBuilder();
        for (int e = 0; e < pairs.length; e++) {
            if ((mask & (1 << e)) != 0) {
                s.append(pairs[e][0]).append('-').append(pairs[e][1]).append(' ');
            }
        }
        return s.toString().trim();
    }

    /**
     * The exact bandwidth of every graph on n vertices, by trying all n! numberings at once: a
     * graph has bandwidth ≤ b exactly when its edges are a subset of the pairs some numbering puts
     * at most b apart. Those pair sets are marked for each numbering, then every subset of a marked
     * set is marked (a pass per edge over all masks).
     */
    private static int[] allOptima(int n, int[][] pairs) {
        int masks = 1 << pairs.length;
        int[] optimum = new int[masks];
        java.util.Arrays.fill(optimum, Math.max(0, n - 1));
        List<int[]> numberings = new ArrayList<>();
        permutations(new int[n], new boolean[n], 0, numberings);
        for (int b = 0; b < n - 1; b++) {
            boolean[] fits = new boolean[masks];
            for (int[] position : numberings) {
                int mask = 0;
                for (int e = 0; e < pairs.length; e++) {
                    if (Math.abs(position[pairs[e][0]] - position[pairs[e][1]]) <= b) {
                        mask |= 1 << e;
                    }
                }
                fits[mask] = true;
            }
            for (int e = 0; e < pairs.length; e++) {
                int bit = 1 << e;
                for (int mask = 0; mask < masks; mask++) {
                    if ((mask & bit) != 0 && fits[mask]) {
                        fits[mask ^ bit] = true;
                    }
                }
            }
            for (int mask = 0; mask < masks; mask++) {
                if (fits[mask]) {
                    optimum[mask] = Math.min(optimum[mask], b);
                }
            }
        }
        return optimum;
    }

    private static void permutations(int[] position, boolean[] used, int vertex, List<int[]> out) {
        if (vertex == position.length) {
            out.add(position.clone());
            return;
        }
        for (int p = 0; p < position.length; p++) {
            if (!used[p]) {
                used[p] = true;
                position[vertex] = p;
                permutations(position, used, vertex + 1, out);
                used[p] = false;
            }
        }
    }
}
