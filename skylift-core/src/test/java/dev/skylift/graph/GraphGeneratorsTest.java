package dev.skylift.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GraphGeneratorsTest {

    @ParameterizedTest
    @CsvSource({"1, 1, 1", "5, 1, 1", "4, 3, 1", "3, 4, 5", "2, 2, 2"})
    void buildsGridsWithTheirEdgeCountsAndDegrees(int a, int b, int c) {
        CommGraph grid = GraphGenerators.grid(a, b, c);

        assertThat(grid.vertexCount()).isEqualTo(a * b * c);
        assertThat(grid.edgeCount()).isEqualTo((a - 1) * b * c + a * (b - 1) * c + a * b * (c - 1));
        for (int z = 0; z < c; z++) {
            for (int y = 0; y < b; y++) {
                for (int x = 0; x < a; x++) {
                    int v = x + a * (y + b * z);
                    int degree = (x > 0 ? 1 : 0) + (x + 1 < a ? 1 : 0) + (y > 0 ? 1 : 0) + (y + 1 < b ? 1 : 0)
                            + (z > 0 ? 1 : 0) + (z + 1 < c ? 1 : 0);
                    assertThat(grid.degree(v)).isEqualTo(degree);
                    if (x + 1 < a) {
                        assertThat(grid.hasEdge(v, v + 1)).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void rejectsAnEmptyGrid() {
        assertThatThrownBy(() -> GraphGenerators.grid(0, 3, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void drawsRandomGraphsFromTheSeed() {
        CommGraph first = GraphGenerators.random(200, 600, 1.0, 9);
        CommGraph again = GraphGenerators.random(200, 600, 1.0, 9);
        CommGraph weighted = GraphGenerators.random(200, 600, 5.0, 9);

        assertThat(TestGraphs.edges(again)).isDeepEqualTo(TestGraphs.edges(first));
        assertThat(first.edgeCount()).isBetween(550, 600);
        assertThat(first.isWeighted()).isFalse();
        assertThat(weighted.isWeighted()).isTrue();
        for (int a = 0; a < weighted.endArc(199); a++) {
            assertThat(weighted.weight(a)).isGreaterThanOrEqualTo(1.0);
        }
    }

    @Test
    void drawsPermutations() {
        int[] permutation = GraphGenerators.randomPermutation(500, 3);

        assertThat(IntStream.of(permutation).sorted().toArray()).isEqualTo(IntStream.range(0, 500).toArray());
        assertThat(GraphGenerators.randomPermutation(500, 3)).isEqualTo(permutation);
        assertThat(GraphGenerators.randomPermutation(500, 4)).isNotEqualTo(permutation);
    }

    @Test
    void relabelsEdgesWeightsAndNames() {
        CommGraph graph = CommGraph.builder(4).addEdge(0, 1, 2.0).addEdge(1, 2, 3.0).addEdge(2, 3, 4.0)
                .build(VertexLabels.of("a", "b", "c", "d"));
        int[] newIndex = {2, 0, 3, 1};

        CommGraph relabelled = GraphGenerators.relabel(graph, newIndex);

        Set<String> edges = new HashSet<>();
        for (int u = 0; u < 4; u++) {
            for (int a = relabelled.firstArc(u); a < relabelled.endArc(u); a++) {
                edges.add(relabelled.labels().label(u) + "-" + relabelled.labels().label(relabelled.target(a)) + "="
                        + relabelled.weight(a));
            }
        }
        assertThat(edges).containsExactlyInAnyOrder("a-b=2.0", "b-a=2.0", "b-c=3.0", "c-b=3.0", "c-d=4.0", "d-c=4.0");
        assertThat(relabelled.labels().label(2)).isEqualTo("a");
        assertThatThrownBy(() -> GraphGenerators.relabel(graph, new int[] {0, 0, 1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shufflesOneBasedGraphsKeepingOneBasedLabels() {
        CommGraph shuffled = GraphGenerators.shuffle(TestGraphs.path(50), 8);

        assertThat(shuffled.edgeCount()).isEqualTo(49);
        assertThat(shuffled.labels().label(0)).isEqualTo("1");
        int[] degrees = IntStream.range(0, 50).map(shuffled::degree).sorted().toArray();
        int[] expected = new int[50];
        Arrays.fill(expected, 2);
        expected[0] = 1;
        expected[1] = 1;
        assertThat(degrees).isEqualTo(expected);
    }
}
