package dev.skylift.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommGraphTest {

    @Test
    void anInducedSubgraphKeepsTheMarkedVerticesInOrderWithTheirLabelsAndThePairsAmongThem() {
        CommGraph graph = CommGraph.builder(5)
                .addEdge(0, 1, 2.0)
                .addEdge(1, 2, 3.0)
                .addEdge(2, 4, 7.0)
                .addEdge(0, 4, 1.5)
                .addEdge(3, 4, 4.0)
                .build(VertexLabels.of(List.of("a", "b", "c", "d", "e")));

        CommGraph induced = graph.induced(new boolean[] {true, false, true, false, true});

        assertThat(induced.vertexCount()).isEqualTo(3);
        assertThat(List.of(induced.labels().label(0), induced.labels().label(1), induced.labels().label(2)))
                .containsExactly("a", "c", "e");
        assertThat(induced.edgeCount()).isEqualTo(2);
        assertThat(weightBetween(induced, 1, 2)).isEqualTo(7.0);
        assertThat(weightBetween(induced, 0, 2)).isEqualTo(1.5);
        assertThat(induced.hasEdge(0, 1)).isFalse();
        assertThatThrownBy(() -> graph.induced(new boolean[4])).hasMessageContaining("4 marks for 5 vertices");
    }

    @Test
    void mergesRepeatedPairsAndSumsTheirWeightsInEitherOrientation() {
        CommGraph graph = CommGraph.builder(4)
                .addEdge(0, 1, 2.0)
                .addEdge(1, 0, 3.0)
                .addEdge(2, 3, 1.0)
                .addEdge(3, 2, 0.5)
                .addEdge(2, 3, 4.0)
                .build();

        assertThat(graph.edgeCount()).isEqualTo(2);
        assertThat(weightBetween(graph, 0, 1)).isEqualTo(5.0);
        assertThat(weightBetween(graph, 1, 0)).isEqualTo(5.0);
        assertThat(weightBetween(graph, 2, 3)).isEqualTo(5.5);
        assertThat(weightBetween(graph, 3, 2)).isEqualTo(5.5);
        assertThat(graph.totalWeight()).isEqualTo(10.5);
        assertThat(graph.isWeighted()).isTrue();
    }

    @Test
    void findsTheArcBetweenTwoVerticesInEitherDirection() {
        CommGraph graph = CommGraph.builder(4).addEdge(2, 0).addEdge(0, 3).addEdge(1, 2).build();

        for (int u = 0; u < 4; u++) {
            for (int v = 0; v < 4; v++) {
                int arc = graph.arc(u, v);
                if (graph.hasEdge(u, v)) {
                    assertThat(arc).isBetween(graph.firstArc(u), graph.endArc(u) - 1);
                    assertThat(graph.target(arc)).isEqualTo(v);
                } else {
                    assertThat(arc).as("%d-%d", u, v).isNegative();
                }
            }
        }
        assertThat(graph.hasEdge(0, 2)).isTrue();
        assertThat(graph.hasEdge(0, 1)).isFalse();
    }

    @Test
    void dropsSelfLoopsAndCountsThem() {
        CommGraph.Builder builder = CommGraph.builder(3).addEdge(0, 0).addEdge(1, 2).addEdge(2, 2, 5.0).addEdge(0, 0);

        assertThat(builder.selfLoopsDropped()).isEqualTo(3);
        CommGraph graph = builder.build();
        assertThat(graph.edgeCount()).isEqualTo(1);
        assertThat(graph.hasEdge(0, 0)).isFalse();
        assertThat(graph.hasEdge(2, 2)).isFalse();
        assertThat(graph.degree(0)).isZero();
        assertThat(graph.degree(2)).isEqualTo(1);
        assertThat(graph.isWeighted()).isFalse();
    }

    @Test
    void keepsEveryRowSortedByNeighbour() {
        CommGraph graph = CommGraph.builder(6)
                .addEdge(3, 5).addEdge(3, 0).addEdge(4, 3).addEdge(1, 3).addEdge(3, 2).addEdge(5, 0).addEdge(0, 4)
                .build();

        assertThat(neighbours(graph, 3)).containsExactly(0, 1, 2, 4, 5);
        assertThat(neighbours(graph, 0)).containsExactly(3, 4, 5);
        assertThat(neighbours(graph, 5)).containsExactly(0, 3);
    }

    @Test
    void answersHasEdgeInBothDirectionsAndOnlyForEdges() {
        CommGraph graph = CommGraph.builder(5).addEdge(0, 3).addEdge(4, 1).build();

        assertThat(graph.hasEdge(0, 3)).isTrue();
        assertThat(graph.hasEdge(3, 0)).isTrue();
        assertThat(graph.hasEdge(1, 4)).isTrue();
        assertThat(graph.hasEdge(4, 1)).isTrue();
        assertThat(graph.hasEdge(0, 1)).isFalse();
        assertThat(graph.hasEdge(2, 2)).isFalse();
        assertThat(graph.hasEdge(2, 3)).isFalse();
    }

    @Test
    void countsDegreesAndTheMaximumDegree() {
        CommGraph graph = CommGraph.builder(5).addEdge(0, 1).addEdge(0, 2).addEdge(0, 3).addEdge(1, 2).addEdge(1, 0)
                .build();

        assertThat(graph.degree(0)).isEqualTo(3);
        assertThat(graph.degree(1)).isEqualTo(2);
        assertThat(graph.degree(2)).isEqualTo(2);
        assertThat(graph.degree(3)).isEqualTo(1);
        assertThat(graph.degree(4)).isZero();
        assertThat(graph.maxDegree()).isEqualTo(3);
        assertThat(graph.edgeCount()).isEqualTo(4);
        assertThat(graph.endArc(4) - graph.firstArc(0)).isEqualTo(2 * graph.edgeCount());
    }

    @Test
    void reportsAGraphWhoseWeightsAreAllOneAsUnweighted() {
        CommGraph graph = CommGraph.builder(3).addEdge(0, 1, 1.0).addEdge(1, 2).build();

        assertThat(graph.isWeighted()).isFalse();
        assertThat(graph.totalWeight()).isEqualTo(2.0);
        assertThat(weightBetween(graph, 1, 2)).isEqualTo(1.0);
    }

    @Test
    void reportsMergedUnitWeightsAsWeighted() {
        CommGraph graph = CommGraph.builder(3).addEdge(0, 1).addEdge(1, 0).addEdge(1, 2).build();

        assertThat(graph.isWeighted()).isTrue();
        assertThat(weightBetween(graph, 0, 1)).isEqualTo(2.0);
        assertThat(weightBetween(graph, 1, 2)).isEqualTo(1.0);
        assertThat(graph.totalWeight()).isEqualTo(3.0);
    }

    @Test
    void reportsHalvesThatSumToOneAsUnweighted() {
        CommGraph graph = CommGraph.builder(2).addEdge(0, 1, 0.5).addEdge(1, 0, 0.5).build();

        assertThat(graph.isWeighted()).isFalse();
        assertThat(weightBetween(graph, 0, 1)).isEqualTo(1.0);
    }

    @Test
    void givesEveryEdgeWeightOneInAnUnweightedBuilder() {
        CommGraph graph = CommGraph.builder(3, 4, false).addEdge(0, 1, 5.0).addEdge(1, 0, 2.0).addEdge(1, 2, 0.25)
                .build();

        assertThat(graph.isWeighted()).isFalse();
        assertThat(graph.edgeCount()).isEqualTo(2);
        assertThat(weightBetween(graph, 0, 1)).isEqualTo(1.0);
        assertThat(weightBetween(graph, 2, 1)).isEqualTo(1.0);
        assertThat(graph.totalWeight()).isEqualTo(2.0);
    }

    @Test
    void givesBothArcsOfAnEdgeItsWeight() {
        SplittableRandom random = new SplittableRandom(5);
        CommGraph.Builder builder = CommGraph.builder(30);
        for (int e = 0; e < 200; e++) {
            builder.addEdge(random.nextInt(30), random.nextInt(30), random.nextInt(1, 10));
        }
        CommGraph graph = builder.build();

        for (int u = 0; u < graph.vertexCount(); u++) {
            for (int a = graph.firstArc(u); a < graph.endArc(u); a++) {
                assertThat(weightBetween(graph, graph.target(a), u)).isEqualTo(graph.weight(a));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1.0, -1e-300, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void rejectsAWeightThatIsNotAFiniteNonNegativeNumber(double weight) {
        CommGraph.Builder builder = CommGraph.builder(2);

        assertThatThrownBy(() -> builder.addEdge(0, 1, weight))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(String.valueOf(weight))
                .hasMessageContaining("{0, 1}");
    }

    @Test
    void acceptsAZeroWeight() {
        CommGraph graph = CommGraph.builder(2).addEdge(0, 1, 0.0).build();

        assertThat(graph.edgeCount()).isEqualTo(1);
        assertThat(graph.isWeighted()).isTrue();
        assertThat(graph.weight(graph.firstArc(0))).isZero();
        assertThat(graph.totalWeight()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 4, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void rejectsAVertexOutsideTheGraph(int vertex) {
        CommGraph.Builder builder = CommGraph.builder(4);

        assertThatThrownBy(() -> builder.addEdge(vertex, 0)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining(String.valueOf(vertex)).hasMessageContaining("0..3");
        assertThatThrownBy(() -> builder.addEdge(1, vertex)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(builder.build().edgeCount()).isZero();
    }

    @Test
    void rejectsANegativeVertexCount() {
        assertThatThrownBy(() -> CommGraph.builder(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }

    @Test
    void buildsOnlyOnce() {
        CommGraph.Builder builder = CommGraph.builder(3).addEdge(0, 1);
        builder.build();

        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> builder.addEdge(1, 2)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void buildsTheEmptyGraph() {
        CommGraph graph = CommGraph.builder(0).build();

        assertThat(graph.vertexCount()).isZero();
        assertThat(graph.edgeCount()).isZero();
        assertThat(graph.maxDegree()).isZero();
        assertThat(graph.totalWeight()).isZero();
        assertThat(graph.labels().size()).isZero();
    }

    @Test
    void labelsVerticesFromOneByDefault() {
        CommGraph graph = CommGraph.builder(3).addEdge(0, 2).build();

        assertThat(graph.labels().label(0)).isEqualTo("1");
        assertThat(graph.labels().label(2)).isEqualTo("3");
    }

    @Test
    void rejectsLabelsForAnotherNumberOfVertices() {
        CommGraph.Builder builder = CommGraph.builder(3);

        assertThatThrownBy(() -> builder.build(VertexLabels.of("a", "b"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 labels for 3 vertices");
    }

    @Test
    void keepsStructureAndWeightsUnderNewLabels() {
        CommGraph graph = CommGraph.builder(3).addEdge(0, 1, 2.5).addEdge(1, 2).build();

        CommGraph renamed = graph.withLabels(VertexLabels.of("web", "app", "db"));

        assertThat(renamed.labels().label(2)).isEqualTo("db");
        assertThat(renamed.edgeCount()).isEqualTo(2);
        assertThat(neighbours(renamed, 1)).containsExactly(0, 2);
        assertThat(weightBetween(renamed, 1, 0)).isEqualTo(2.5);
        assertThat(graph.labels().label(2)).isEqualTo("3");
        assertThatThrownBy(() -> graph.withLabels(VertexLabels.oneBased(4))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void growsPastTheExpectedNumberOfEdges() {
        CommGraph.Builder builder = CommGraph.builder(100, 1, true);
        for (int v = 1; v < 100; v++) {
            builder.addEdge(0, v, v);
        }

        CommGraph graph = builder.build();

        assertThat(graph.degree(0)).isEqualTo(99);
        assertThat(graph.totalWeight()).isEqualTo(99 * 100 / 2.0);
    }

    static Stream<Arguments> edgeMultisets() {
        List<Arguments> cases = new ArrayList<>();
        long seed = 1;
        for (KeyPatterns pattern : KeyPatterns.values()) {
            for (int size : new int[] {0, 1, 2, 23, 24, 25, 26, 200, 3000}) {
                cases.add(Arguments.of(pattern, size, seed++));
            }
        }
        return cases.stream();
    }

    /**
     * Builds a graph from a multiset of edges whose keys come in a chosen shape (so that the
     * builder's in-place sort runs through insertion sort, quicksort and its heapsort fallback),
     * with random orientations, self-loops and integer weights (exact sums), and compares it with
     * a plain map from pair to summed weight.
     */
    @ParameterizedTest(name = "{0}, {1} edges")
    @MethodSource("edgeMultisets")
    void matchesAMapModelOnRandomEdgeMultisets(KeyPatterns pattern, int size, long seed) {
        int n = 90;
        int[][] pairs = pairsInKeyOrder(n);
        long[] ranks = pattern.keys(size, seed);
        SplittableRandom random = new SplittableRandom(seed);
        CommGraph.Builder weighted = CommGraph.builder(n, size / 2, true);
        CommGraph.Builder unweighted = CommGraph.builder(n, size / 2, false);
        Map<Long, Double> model = new HashMap<>();
        long selfLoops = 0;
        for (long rank : ranks) {
            int[] pair = pairs[(int) rank];
            boolean flip = random.nextBoolean();
            int u = flip ? pair[1] : pair[0];
            int v = flip ? pair[0] : pair[1];
            double weight = random.nextInt(1, 4);
            weighted.addEdge(u, v, weight);
            unweighted.addEdge(u, v, weight);
            model.merge(key(u, v), weight, Double::sum);
            if (random.nextInt(10) == 0) {
                int w = random.nextInt(n);
                weighted.addEdge(w, w, 2.0);
                unweighted.addEdge(w, w);
                selfLoops++;
            }
        }

        assertThat(weighted.selfLoopsDropped()).isEqualTo(selfLoops);
        assertThat(unweighted.selfLoopsDropped()).isEqualTo(selfLoops);
        assertMatches(weighted.build(), n, model, true);
        assertMatches(unweighted.build(), n, model, false);
    }

    private static void assertMatches(CommGraph graph, int n, Map<Long, Double> model, boolean weighted) {
        assertThat(graph.vertexCount()).isEqualTo(n);
        assertThat(graph.edgeCount()).isEqualTo(model.size());
        List<TreeSet<Integer>> rows = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            rows.add(new TreeSet<>());
        }
        boolean anyWeightOtherThanOne = false;
        double total = 0;
        for (Map.Entry<Long, Double> edge : model.entrySet()) {
            int u = (int) (edge.getKey() >>> 32);
            int v = (int) (long) edge.getKey();
            rows.get(u).add(v);
            rows.get(v).add(u);
            double weight = weighted ? edge.getValue() : 1.0;
            anyWeightOtherThanOne |= weight != 1.0;
            total += weight;
        }
        int maxDegree = 0;
        for (int v = 0; v < n; v++) {
            assertThat(neighbours(graph, v)).as("row %d", v).containsExactlyElementsOf(rows.get(v));
            assertThat(graph.degree(v)).isEqualTo(rows.get(v).size());
            maxDegree = Math.max(maxDegree, rows.get(v).size());
            for (int a = graph.firstArc(v); a < graph.endArc(v); a++) {
                double expected = weighted ? model.get(key(v, graph.target(a))) : 1.0;
                assertThat(graph.weight(a)).as("weight of arc %d -> %d", v, graph.target(a)).isEqualTo(expected);
            }
            for (int w = 0; w < n; w++) {
                assertThat(graph.hasEdge(v, w)).isEqualTo(model.containsKey(key(v, w)));
            }
        }
        assertThat(graph.maxDegree()).isEqualTo(maxDegree);
        assertThat(graph.isWeighted()).isEqualTo(anyWeightOtherThanOne);
        assertThat(graph.totalWeight()).isEqualTo(total);
    }

    /** All pairs u < v of n vertices, in increasing order of the builder's packed key (u, v). */
    private static int[][] pairsInKeyOrder(int n) {
        int[][] pairs = new int[n * (n - 1) / 2][];
        int i = 0;
        for (int u = 0; u < n; u++) {
            for (int v = u + 1; v < n; v++) {
                pairs[i++] = new int[] {u, v};
            }
        }
        return pairs;
    }

    private static long key(int u, int v) {
        return ((long) Math.min(u, v) << 32) | Math.max(u, v);
    }

    static List<Integer> neighbours(CommGraph graph, int v) {
        List<Integer> neighbours = new ArrayList<>();
        for (int a = graph.firstArc(v); a < graph.endArc(v); a++) {
            neighbours.add(graph.target(a));
        }
        return neighbours;
    }

    /** The weight on v's arc to w; fails when there is none. */
    static double weightBetween(CommGraph graph, int v, int w) {
        for (int a = graph.firstArc(v); a < graph.endArc(v); a++) {
            if (graph.target(a) == w) {
                return graph.weight(a);
            }
        }
        throw new AssertionError("no arc " + v + " -> " + w);
    }
}
