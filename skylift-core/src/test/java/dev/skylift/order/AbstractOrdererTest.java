package dev.skylift.order;

import static dev.skylift.graph.TestGraphs.completeBipartite;
import static dev.skylift.graph.TestGraphs.disjointUnion;
import static dev.skylift.graph.TestGraphs.shuffled;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skylift.graph.CommGraph;
import dev.skylift.graph.TestGraphs;
import dev.skylift.graph.VertexLabels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The invariants every {@link Orderer} keeps, checked on one shared set of graphs in the manner of
 * JGraphT's {@code BaseColoringTest}: a subclass supplies only the orderer. An ordering must be a
 * permutation, must report the bandwidth it really has, must never beat a proven lower bound, and
 * may call itself optimal only when it meets its bound; on graphs small enough to solve by brute
 * force, neither the bandwidth nor the lower bound may cross the true optimum.
 */
abstract class AbstractOrdererTest {

    /** Graphs with at most this many vertices are also solved by brute force. */
    static final int BRUTE_FORCE_LIMIT = 8;

    private static final List<Named<CommGraph>> GRAPHS = buildGraphs();
    private static final Map<CommGraph, Integer> OPTIMA = new ConcurrentHashMap<>();

    /** The orderer under test. */
    protected abstract Orderer orderer();

    /** The options every check orders with; a search may bound its run here (e.g. by iterations). */
    protected OrderingOptions options() {
        return OrderingOptions.defaults();
    }

    private Ordering order(CommGraph graph) {
        return orderer().order(graph, options());
    }

    static Stream<Named<CommGraph>> graphs() {
        return GRAPHS.stream();
    }

    static Stream<Named<CommGraph>> smallGraphs() {
        return GRAPHS.stream().filter(g -> g.getPayload().vertexCount() <= BRUTE_FORCE_LIMIT);
    }

    /**
     * Benchmark instances with their literature values: the best known bandwidth (achieved by
     * someone, so no valid lower bound exceeds it) and, where proven, the optimum.
     */
    static Stream<Arguments> benchmarks() {
        return Stream.of(
                Arguments.of("pores_1", 7, false),
                Arguments.of("ibm32", 11, false),
                Arguments.of("bcspwr01", 5, true),
                Arguments.of("will57", 6, true),
                Arguments.of("ash85", 9, false),
                Arguments.of("nos4", 10, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphs")
    void ordersEveryVertexExactlyOnce(CommGraph graph) {
        Ordering ordering = order(graph);

        int[] order = ordering.order();
        assertThat(order).hasSize(graph.vertexCount());
        int[] sorted = order.clone();
        Arrays.sort(sorted);
        assertThat(sorted).isEqualTo(IntStream.range(0, graph.vertexCount()).toArray());
        assertThat(ordering.vertexCount()).isEqualTo(graph.vertexCount());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphs")
    void positionsAreTheInverseOfTheOrder(CommGraph graph) {
        Ordering ordering = order(graph);

        int[] positions = ordering.positions();
        for (int i = 0; i < graph.vertexCount(); i++) {
            int v = ordering.vertexAt(i);
            assertThat(positions[v]).as("position of vertex %d", v).isEqualTo(i);
            assertThat(ordering.positionOf(v)).isEqualTo(i);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphs")
    void reportsTheBandwidthItsOrderHas(CommGraph graph) {
        Ordering ordering = order(graph);

        assertThat(ordering.bandwidth()).isEqualTo(bandwidthOf(graph, ordering.order()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphs")
    void neverBeatsItsReportedLowerBound(CommGraph graph) {
        Ordering ordering = order(graph);

        assertThat(ordering.lowerBound().value()).isGreaterThanOrEqualTo(0);
        assertThat(ordering.bandwidth()).isGreaterThanOrEqualTo(ordering.lowerBound().value());
        assertThat(ordering.lowerBound().reason()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphs")
    void neverBeatsHalfTheMaximumDegree(CommGraph graph) {
        int[][] edges = TestGraphs.edges(graph);
        int half = (TestGraphs.maxDegree(graph.vertexCount(), edges) + 1) / 2;

        Ordering ordering = order(graph);

        assertThat(ordering.bandwidth()).isGreaterThanOrEqualTo(half);
        assertThat(ordering.lowerBound().value()).isGreaterThanOrEqualTo(half);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphs")
    void callsItselfOptimalOnlyWhenItMeetsItsLowerBound(CommGraph graph) {
        Ordering ordering = order(graph);

        assertThat(ordering.optimal()).isEqualTo(ordering.bandwidth() == ordering.lowerBound().value());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("smallGraphs")
    void neverBeatsTheBruteForceOptimum(CommGraph graph) {
        int optimum = OPTIMA.computeIfAbsent(graph, BruteForce::optimum);

        Ordering ordering = order(graph);

        assertThat(ordering.bandwidth()).isGreaterThanOrEqualTo(optimum);
        if (ordering.optimal()) {
            assertThat(ordering.bandwidth()).isEqualTo(optimum);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("smallGraphs")
    void reportsALowerBoundNoNumberingBeats(CommGraph graph) {
        int optimum = OPTIMA.computeIfAbsent(graph, BruteForce::optimum);

        Ordering ordering = order(graph);

        assertThat(ordering.lowerBound().value()).isLessThanOrEqualTo(optimum);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("benchmarks")
    void staysWithinTheLiteratureOnBenchmarkInstances(String instance, int bestKnown, boolean provenOptimal) {
        CommGraph graph = TestGraphs.resource(instance);

        Ordering ordering = order(graph);

        assertThat(ordering.bandwidth()).isEqualTo(bandwidthOf(graph, ordering.order()));
        assertThat(ordering.lowerBound().value()).as("lower bound vs best known").isLessThanOrEqualTo(bestKnown);
        if (provenOptimal) {
            assertThat(ordering.bandwidth()).as("bandwidth vs proven optimum").isGreaterThanOrEqualTo(bestKnown);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphs")
    void namesAKnownMethodForItsOrderings(CommGraph graph) {
        Orderer orderer = orderer();

        Ordering ordering = orderer.order(graph, options().withSeed(7));

        assertThat(orderer.name()).isIn(Orderers.names());
        assertThat(ordering.method()).isIn(Orderers.names());
        assertThat(ordering.elapsed().isNegative()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphs")
    void listsLabelsInMigrationOrder(CommGraph graph) {
        VertexLabels labels = graph.labels();

        Ordering ordering = order(graph);

        List<String> expected = new ArrayList<>();
        for (int v : ordering.order()) {
            expected.add(labels.label(v));
        }
        assertThat(ordering.labels(labels)).containsExactlyElementsOf(expected);
    }

    /** The bandwidth of an order, recomputed here: the largest position gap over the edges. */
    static int bandwidthOf(CommGraph graph, int[] order) {
        int[] position = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            position[order[i]] = i;
        }
        return BruteForce.bandwidth(TestGraphs.edges(graph), position);
    }

    private static List<Named<CommGraph>> buildGraphs() {
        List<Named<CommGraph>> graphs = new ArrayList<>();
        graphs.add(Named.of("empty graph", TestGraphs.empty()));
        graphs.add(Named.of("single vertex", TestGraphs.singleVertex()));
        graphs.add(Named.of("5 isolated vertices", TestGraphs.edgeless(5)));
        for (int n : new int[] {2, 3, 7, 8, 50}) {
            graphs.add(Named.of("path " + n, shuffled(TestGraphs.path(n), n)));
        }
        for (int n : new int[] {3, 4, 8, 31}) {
            graphs.add(Named.of("cycle " + n, shuffled(TestGraphs.cycle(n), n)));
        }
        for (int leaves : new int[] {1, 3, 4, 7, 20}) {
            graphs.add(Named.of("star with " + leaves + " leaves", shuffled(TestGraphs.star(leaves), leaves)));
        }
        for (int[] size : new int[][] {{2, 2}, {2, 4}, {3, 3}, {5, 7}, {7, 5}, {10, 10}, {1, 9}}) {
            graphs.add(Named.of("grid " + size[0] + "x" + size[1],
                    shuffled(TestGraphs.grid(size[0], size[1]), 31L * size[0] + size[1])));
        }
        for (int n : new int[] {2, 5, 8, 12}) {
            graphs.add(Named.of("complete " + n, TestGraphs.complete(n)));
        }
        graphs.add(Named.of("complete bipartite 3,4", shuffled(completeBipartite(3, 4), 34)));
        graphs.add(Named.of("complete bipartite 1,7", completeBipartite(1, 7)));
        graphs.add(Named.of("complete bipartite 5,6", shuffled(completeBipartite(5, 6), 56)));
        graphs.add(Named.of("triangle + edge + 3 isolated",
                shuffled(disjointUnion(TestGraphs.complete(3), TestGraphs.path(2), TestGraphs.edgeless(3)), 8)));
        graphs.add(Named.of("two paths of 4", shuffled(disjointUnion(TestGraphs.path(4), TestGraphs.path(4)), 44)));
        graphs.add(Named.of("K5 + grid 4x6 + 2 isolated + cycle 9 + star 6", shuffled(disjointUnion(
                TestGraphs.complete(5), TestGraphs.grid(4, 6), TestGraphs.edgeless(2), TestGraphs.cycle(9),
                TestGraphs.star(6)), 5)));
        graphs.add(Named.of("isolated vertices around a path",
                disjointUnion(TestGraphs.edgeless(3), TestGraphs.path(5), TestGraphs.edgeless(2))));
        graphs.add(Named.of("random tree 200", TestGraphs.randomTree(200, 200)));
        for (double p : new double[] {0.15, 0.3, 0.5, 0.8}) {
            for (long seed = 1; seed <= 4; seed++) {
                graphs.add(Named.of("random n=8 p=" + p + " seed " + seed, TestGraphs.random(8, p, seed)));
            }
        }
        for (long seed = 1; seed <= 3; seed++) {
            graphs.add(Named.of("random n=6 p=0.4 seed " + seed, TestGraphs.random(6, 0.4, seed)));
            graphs.add(Named.of("random n=7 p=0.35 seed " + seed, TestGraphs.random(7, 0.35, seed)));
        }
        for (double p : new double[] {0.03, 0.1, 0.3, 0.7}) {
            graphs.add(Named.of("random n=60 p=" + p, TestGraphs.random(60, p, 60)));
        }
        graphs.add(Named.of("random n=400 m=500", TestGraphs.randomSparse(400, 500, 400)));
        graphs.add(Named.of("random n=1500 m=4000", TestGraphs.randomSparse(1500, 4000, 1500)));
        for (String instance : new String[] {"pores_1", "ibm32", "bcspwr01", "will57", "ash85", "nos4"}) {
            graphs.add(Named.of(instance, TestGraphs.resource(instance)));
        }
        return List.copyOf(graphs);
    }
}
