package dev.skylift.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks recognition against two brute-force characterisations of interval graphs, each trusted on
 * its own: Olariu's (a graph is an interval graph iff some vertex order has no u < v < w with uw an
 * edge and uv not; S. Olariu, IPL 37, 1991) and Lekkerkerker–Boland's (chordal and free of
 * asteroidal triples, Fund. Math. 51, 1962), both searched exhaustively. Every model returned is
 * checked pair by pair here, not only by the inspector's own check.
 */
class IntervalGraphInspectorTest {

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6})
    void agreesWithBruteForceOnEveryGraphUpToSixVertices(int n) {
        int pairs = n * (n - 1) / 2;
        int intervalGraphs = 0;
        for (long mask = 0; mask < 1L << pairs; mask++) {
            boolean[][] adjacent = adjacencyOf(n, mask);
            CommGraph graph = graphOf(adjacent);

            boolean interval = checkAgainstBruteForce(graph, adjacent);

            if (interval) {
                intervalGraphs++;
                assertThat(IntervalGraphInspector.intervalModel(graph).orElseThrow().pointCount())
                        .as("points of the model of graph %d on %d vertices", mask, n)
                        .isEqualTo(maximalCliqueCount(adjacent));
            }
        }
        // The numbers of labelled interval graphs on 0..6 vertices.
        assertThat(intervalGraphs).isEqualTo(new int[] {1, 1, 2, 8, 61, 822, 17914}[n]);
    }

    @Test
    void agreesWithBruteForceOnSampledSevenVertexGraphs() {
        SplittableRandom random = new SplittableRandom(7);
        for (int sample = 0; sample < 20_000; sample++) {
            boolean[][] adjacent = adjacencyOf(7, random.nextLong(1L << 21));

            checkAgainstBruteForce(graphOf(adjacent), adjacent);
        }
    }

    @Test
    void agreesWithBruteForceNextToIntervalGraphs() {
        // An interval graph with one pair toggled is often just across the border: the hard cases.
        SplittableRandom random = new SplittableRandom(11);
        int rejected = 0;
        for (int sample = 0; sample < 30_000; sample++) {
            int n = 5 + random.nextInt(4);
            boolean[][] adjacent = matrixOf(TestGraphs.randomInterval(n, random.nextLong()));
            int u = random.nextInt(n);
            int v = (u + 1 + random.nextInt(n - 1)) % n;
            adjacent[u][v] = !adjacent[u][v];
            adjacent[v][u] = adjacent[u][v];

            if (!checkAgainstBruteForce(graphOf(adjacent), adjacent)) {
                rejected++;
            }
        }
        assertThat(rejected).as("toggled graphs that are not interval graphs").isGreaterThan(1_500);
    }

    static Stream<Named<CommGraph>> nonIntervalGraphs() {
        return Stream.of(
                Named.of("C4", TestGraphs.cycle(4)),
                Named.of("C5", TestGraphs.cycle(5)),
                Named.of("C6", TestGraphs.cycle(6)),
                Named.of("C40", TestGraphs.shuffled(TestGraphs.cycle(40), 40)),
                Named.of("path and 2x3 grid", TestGraphs.disjointUnion(TestGraphs.path(5), TestGraphs.grid(2, 3))),
                // The long claw (tripod): a claw with every edge subdivided; chordal, with an asteroidal triple.
                Named.of("long claw", TestGraphs.of(7, new int[][] {{0, 1}, {1, 2}, {0, 3}, {3, 4}, {0, 5}, {5, 6}})),
                // The net: a triangle with a pendant vertex at each corner.
                Named.of("net", TestGraphs.of(6, new int[][] {{0, 1}, {1, 2}, {0, 2}, {0, 3}, {1, 4}, {2, 5}})),
                // The tent (3-sun): a triangle with a vertex on each side, seeing that side's two ends.
                Named.of("tent", TestGraphs.of(6, new int[][] {{0, 1}, {1, 2}, {0, 2}, {0, 3}, {1, 3}, {1, 4}, {2, 4},
                        {0, 5}, {2, 5}})),
                Named.of("long claw among interval components", TestGraphs.shuffled(TestGraphs.disjointUnion(
                        TestGraphs.complete(4), TestGraphs.of(7, new int[][] {{0, 1}, {1, 2}, {0, 3}, {3, 4}, {0, 5},
                                {5, 6}}), TestGraphs.star(5)), 3)),
                Named.of("grid 10x10", TestGraphs.grid(10, 10)),
                Named.of("complete bipartite 2,3", TestGraphs.completeBipartite(2, 3)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nonIntervalGraphs")
    void rejectsGraphsThatAreNotIntervalGraphs(CommGraph graph) {
        if (graph.vertexCount() <= 8) {
            assertThat(hasUmbrellaFreeOrder(matrixOf(graph))).as("brute force").isFalse();
        }

        assertThat(IntervalGraphInspector.intervalModel(graph)).isEmpty();
        assertThat(IntervalGraphInspector.isIntervalGraph(graph)).isFalse();
    }

    static Stream<Named<CommGraph>> intervalGraphs() {
        List<Named<CommGraph>> graphs = new ArrayList<>(List.of(
                Named.of("empty graph", TestGraphs.empty()),
                Named.of("single vertex", TestGraphs.singleVertex()),
                Named.of("7 isolated vertices", TestGraphs.edgeless(7)),
                Named.of("path 30", TestGraphs.shuffled(TestGraphs.path(30), 30)),
                Named.of("star with 12 leaves", TestGraphs.star(12)),
                Named.of("complete 9", TestGraphs.complete(9)),
                Named.of("complete bipartite 1,6", TestGraphs.completeBipartite(1, 6)),
                Named.of("random tree that is a caterpillar", caterpillar()),
                Named.of("paths, cliques and isolated vertices", TestGraphs.shuffled(TestGraphs.disjointUnion(
                        TestGraphs.path(6), TestGraphs.edgeless(2), TestGraphs.complete(5), TestGraphs.star(3)), 9))));
        for (int n : new int[] {10, 40, 120, 300}) {
            for (long seed = 1; seed <= 6; seed++) {
                graphs.add(Named.of("random interval n=" + n + " seed " + seed, TestGraphs.randomInterval(n, 1000L * n + seed)));
            }
        }
        return graphs.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("intervalGraphs")
    void acceptsIntervalGraphsWithAModelOfThem(CommGraph graph) {
        Optional<IntervalModel> model = IntervalGraphInspector.intervalModel(graph);

        assertThat(model).isPresent();
        assertModelOf(graph, model.get());
        assertThat(IntervalGraphInspector.represents(graph, model.get())).isTrue();
    }

    @Test
    void recognisesALargeIntervalGraph() {
        int n = 100_000;
        SplittableRandom random = new SplittableRandom(n);
        int[] left = new int[n];
        int[] right = new int[n];
        for (int v = 0; v < n; v++) {
            left[v] = random.nextInt(3 * n);
            right[v] = left[v] + (random.nextInt(50) == 0 ? random.nextInt(200) : random.nextInt(8));
        }
        CommGraph graph = TestGraphs.shuffled(TestGraphs.intervals(left, right), n);

        Optional<IntervalModel> model = IntervalGraphInspector.intervalModel(graph);

        assertThat(model).isPresent();
        assertThat(IntervalGraphInspector.represents(graph, model.get())).isTrue();
    }

    @Test
    void rejectsTheSquareOfALongCycle() {
        // Every vertex's neighbourhood looks like part of an interval graph, but the even vertices
        // form a hole of 10,000 vertices.
        int n = 20_000;
        List<int[]> edges = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            edges.add(new int[] {v, (v + 1) % n});
            edges.add(new int[] {v, (v + 2) % n});
        }
        CommGraph ring = TestGraphs.shuffled(TestGraphs.of(n, edges.toArray(int[][]::new)), 5);

        assertThat(IntervalGraphInspector.intervalModel(ring)).isEmpty();
    }

    @Test
    void rejectsATreeWithThreeLongLegs() {
        // Chordal, so the rejection has to come from the clique arrangement: the three legs' far
        // ends are an asteroidal triple.
        List<int[]> edges = new ArrayList<>();
        int next = 1;
        for (int leg = 0; leg < 3; leg++) {
            int previous = 0;
            for (int step = 0; step < 3000; step++) {
                edges.add(new int[] {previous, next});
                previous = next++;
            }
        }
        CommGraph tripod = TestGraphs.shuffled(TestGraphs.of(next, edges.toArray(int[][]::new)), 3);

        assertThat(IntervalGraphInspector.intervalModel(tripod)).isEmpty();
    }

    @Test
    void checksAModelEdgeForEdge() {
        CommGraph path = TestGraphs.path(4);
        IntervalModel model = IntervalGraphInspector.intervalModel(path).orElseThrow();

        assertThat(IntervalGraphInspector.represents(path, model)).isTrue();
        // The same intervals do not model the 4-cycle (one edge short) nor the path less an edge.
        assertThat(IntervalGraphInspector.represents(TestGraphs.cycle(4), model)).isFalse();
        assertThat(IntervalGraphInspector.represents(TestGraphs.of(4, new int[][] {{0, 1}, {1, 2}}), model)).isFalse();
        assertThat(IntervalGraphInspector.represents(TestGraphs.path(5), model)).isFalse();
    }

    /** Recognises the graph, checks the answer against both brute-force tests and any model pairwise. */
    private static boolean checkAgainstBruteForce(CommGraph graph, boolean[][] adjacent) {
        boolean byOlariu = hasUmbrellaFreeOrder(adjacent);
        boolean byLekkerkerkerBoland = isChordal(adjacent) && !hasAsteroidalTriple(adjacent);
        assertThat(byLekkerkerkerBoland).as("the two brute-force tests on %s", graph).isEqualTo(byOlariu);

        Optional<IntervalModel> model = IntervalGraphInspector.intervalModel(graph);

        assertThat(model.isPresent()).as("recognition of %s with edges %s", graph, edgeList(graph)).isEqualTo(byOlariu);
        model.ifPresent(m -> assertModelOf(graph, m));
        return byOlariu;
    }

    private static void assertModelOf(CommGraph graph, IntervalModel model) {
        int n = graph.vertexCount();
        assertThat(model.vertexCount()).isEqualTo(n);
        int[][] adjacency = TestGraphs.adjacency(graph);
        boolean[] adjacent = new boolean[n];
        for (int u = 0; u < n; u++) {
            assertThat(model.left(u)).isBetween(0, model.right(u));
            assertThat(model.right(u)).isLessThan(Math.max(1, model.pointCount()));
            for (int w : adjacency[u]) {
                adjacent[w] = true;
            }
            for (int v = 0; v < n; v++) {
                if (v != u) {
                    boolean meet = Math.max(model.left(u), model.left(v)) <= Math.min(model.right(u), model.right(v));
                    assertThat(meet).as("intervals of %d and %d", u, v).isEqualTo(adjacent[v]);
                    assertThat(model.intersects(u, v)).isEqualTo(meet);
                }
            }
            for (int w : adjacency[u]) {
                adjacent[w] = false;
            }
        }
    }

    // ---- brute force ----

    /** Olariu: some order has no u < v < w with uw an edge and uv a non-edge. Built position by position. */
    private static boolean hasUmbrellaFreeOrder(boolean[][] adjacent) {
        int n = adjacent.length;
        return extendOrder(adjacent, new int[n], new boolean[n], 0);
    }

    private static boolean extendOrder(boolean[][] adjacent, int[] order, boolean[] used, int placed) {
        int n = adjacent.length;
        if (placed == n) {
            return true;
        }
        for (int w = 0; w < n; w++) {
            if (used[w] || !umbrellaFree(adjacent, order, placed, w)) {
                continue;
            }
            used[w] = true;
            order[placed] = w;
            boolean found = extendOrder(adjacent, order, used, placed + 1);
            used[w] = false;
            if (found) {
                return true;
            }
        }
        return false;
    }

    /** Whether appending w keeps every placed u that sees w adjacent to all vertices placed after u. */
    private static boolean umbrellaFree(boolean[][] adjacent, int[] order, int placed, int w) {
        for (int i = 0; i < placed; i++) {
            if (adjacent[order[i]][w]) {
                for (int j = i + 1; j < placed; j++) {
                    if (!adjacent[order[i]][order[j]]) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** No vertex subset of size ≥ 4 induces a cycle: connected with every degree 2 inside. */
    private static boolean isChordal(boolean[][] adjacent) {
        int n = adjacent.length;
        for (int subset = 0; subset < 1 << n; subset++) {
            if (Integer.bitCount(subset) >= 4 && inducesCycle(adjacent, subset)) {
                return false;
            }
        }
        return true;
    }

    private static boolean inducesCycle(boolean[][] adjacent, int subset) {
        int n = adjacent.length;
        for (int v = 0; v < n; v++) {
            if ((subset >> v & 1) != 0) {
                int degree = 0;
                for (int w = 0; w < n; w++) {
                    if ((subset >> w & 1) != 0 && adjacent[v][w]) {
                        degree++;
                    }
                }
                if (degree != 2) {
                    return false;
                }
            }
        }
        int start = Integer.numberOfTrailingZeros(subset);
        return reachable(adjacent, start, subset) == subset;
    }

    /** Three pairwise non-adjacent vertices, each pair joined by a path avoiding the third's neighbourhood. */
    private static boolean hasAsteroidalTriple(boolean[][] adjacent) {
        int n = adjacent.length;
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                for (int c = b + 1; c < n; c++) {
                    if (!adjacent[a][b] && !adjacent[a][c] && !adjacent[b][c]
                            && joinedAvoiding(adjacent, a, b, c) && joinedAvoiding(adjacent, a, c, b)
                            && joinedAvoiding(adjacent, b, c, a)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean joinedAvoiding(boolean[][] adjacent, int from, int to, int avoided) {
        int n = adjacent.length;
        int allowed = (1 << n) - 1;
        allowed &= ~(1 << avoided);
        for (int w = 0; w < n; w++) {
            if (adjacent[avoided][w]) {
                allowed &= ~(1 << w);
            }
        }
        return (reachable(adjacent, from, allowed) >> to & 1) != 0;
    }

    /** The vertices of {@code allowed} reachable from {@code start} inside it, as a bit set. */
    private static int reachable(boolean[][] adjacent, int start, int allowed) {
        int n = adjacent.length;
        int seen = 1 << start;
        int frontier = seen;
        while (frontier != 0) {
            int next = 0;
            for (int v = 0; v < n; v++) {
                if ((frontier >> v & 1) != 0) {
                    for (int w = 0; w < n; w++) {
                        if (adjacent[v][w] && (allowed >> w & 1) != 0 && (seen >> w & 1) == 0) {
                            next |= 1 << w;
                        }
                    }
                }
            }
            seen |= next;
            frontier = next;
        }
        return seen;
    }

    /** Maximal cliques by trying every vertex subset. */
    private static int maximalCliqueCount(boolean[][] adjacent) {
        int n = adjacent.length;
        int count = 0;
        for (int subset = 1; subset < 1 << n; subset++) {
            if (isClique(adjacent, subset)) {
                boolean maximal = true;
                for (int v = 0; v < n && maximal; v++) {
                    maximal = (subset >> v & 1) != 0 || !isClique(adjacent, subset | 1 << v);
                }
                if (maximal) {
                    count++;
                }
            }
        }
        return count;
    }

    private static boolean isClique(boolean[][] adjacent, int subset) {
        int n = adjacent.length;
        for (int u = 0; u < n; u++) {
            for (int v = u + 1; v < n; v++) {
                if ((subset >> u & 1) != 0 && (subset >> v & 1) != 0 && !adjacent[u][v]) {
                    return false;
                }
            }
        }
        return true;
    }

    // ---- graphs ----

    /** Graph number {@code mask}: bit i says whether the i-th pair (in order 01, 02, …, 12, …) is an edge. */
    private static boolean[][] adjacencyOf(int n, long mask) {
        boolean[][] adjacent = new boolean[n][n];
        int bit = 0;
        for (int u = 0; u < n; u++) {
            for (int v = u + 1; v < n; v++) {
                if ((mask >> bit++ & 1) != 0) {
                    adjacent[u][v] = true;
                    adjacent[v][u] = true;
                }
            }
        }
        return adjacent;
    }

    private static CommGraph graphOf(boolean[][] adjacent) {
        List<int[]> edges = new ArrayList<>();
        for (int u = 0; u < adjacent.length; u++) {
            for (int v = u + 1; v < adjacent.length; v++) {
                if (adjacent[u][v]) {
                    edges.add(new int[] {u, v});
                }
            }
        }
        return TestGraphs.of(adjacent.length, edges.toArray(int[][]::new));
    }

    private static boolean[][] matrixOf(CommGraph graph) {
        boolean[][] adjacent = new boolean[graph.vertexCount()][graph.vertexCount()];
        for (int[] e : TestGraphs.edges(graph)) {
            adjacent[e[0]][e[1]] = true;
            adjacent[e[1]][e[0]] = true;
        }
        return adjacent;
    }

    private static List<String> edgeList(CommGraph graph) {
        List<String> edges = new ArrayList<>();
        for (int[] e : TestGraphs.edges(graph)) {
            edges.add(e[0] + "-" + e[1]);
        }
        return edges;
    }

    /** A spine 0..9 with two or three leaves on every spine vertex: a tree and an interval graph. */
    private static CommGraph caterpillar() {
        List<int[]> edges = new ArrayList<>();
        int next = 10;
        for (int v = 0; v < 10; v++) {
            if (v + 1 < 10) {
                edges.add(new int[] {v, v + 1});
            }
            for (int leaf = 0; leaf < 2 + v % 2; leaf++) {
                edges.add(new int[] {v, next++});
            }
        }
        return TestGraphs.shuffled(TestGraphs.of(next, edges.toArray(int[][]::new)), 10);
    }
}
