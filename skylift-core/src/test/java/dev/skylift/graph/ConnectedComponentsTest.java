package dev.skylift.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConnectedComponentsTest {

    @Test
    void findsNoComponentInTheEmptyGraph() {
        ConnectedComponents components = ConnectedComponents.of(TestGraphs.empty());

        assertThat(components.count()).isZero();
        assertThat(components.largestSize()).isZero();
    }

    @Test
    void makesEachIsolatedVertexAComponent() {
        ConnectedComponents components = ConnectedComponents.of(TestGraphs.edgeless(4));

        assertThat(components.count()).isEqualTo(4);
        for (int v = 0; v < 4; v++) {
            assertThat(components.componentOf(v)).isEqualTo(v);
            assertThat(components.vertices(v)).containsExactly(v);
            assertThat(components.firstVertex(v)).isEqualTo(v);
        }
        assertThat(components.largestSize()).isEqualTo(1);
    }

    @Test
    void numbersComponentsByTheirLowestVertex() {
        // {0, 5}, {1}, {2, 3, 6}, {4}
        CommGraph graph = TestGraphs.of(7, new int[][] {{5, 0}, {6, 3}, {2, 6}});

        ConnectedComponents components = ConnectedComponents.of(graph);

        assertThat(components.count()).isEqualTo(4);
        assertThat(components.vertices(0)).containsExactly(0, 5);
        assertThat(components.vertices(1)).containsExactly(1);
        assertThat(components.vertices(2)).containsExactly(2, 3, 6);
        assertThat(components.vertices(3)).containsExactly(4);
        assertThat(components.componentOf(6)).isEqualTo(2);
        assertThat(components.size(2)).isEqualTo(3);
        assertThat(components.firstVertex(3)).isEqualTo(4);
        assertThat(components.largestSize()).isEqualTo(3);
    }

    @ParameterizedTest
    @CsvSource({"1, 0", "10, 4", "63, 40", "64, 50", "65, 60", "300, 200", "300, 290", "300, 400", "2000, 1700"})
    void agreesWithUnionFindOnRandomGraphs(int n, int m) {
        for (long seed = 1; seed <= 5; seed++) {
            CommGraph graph = n < 2 ? TestGraphs.edgeless(n) : TestGraphs.randomSparse(n, m, seed);
            int[] root = TestGraphs.componentRoots(n, TestGraphs.edges(graph));
            TreeMap<Integer, List<Integer>> expected = new TreeMap<>();
            for (int v = 0; v < n; v++) {
                expected.computeIfAbsent(root[v], r -> new ArrayList<>()).add(v);
            }

            ConnectedComponents components = ConnectedComponents.of(graph);

            assertThat(components.count()).isEqualTo(expected.size());
            int c = 0;
            int largest = 0;
            for (List<Integer> members : expected.values()) {
                assertThat(components.vertices(c)).as("component %d", c)
                        .isEqualTo(members.stream().mapToInt(Integer::intValue).toArray());
                assertThat(components.size(c)).isEqualTo(members.size());
                assertThat(components.firstVertex(c)).isEqualTo(members.get(0));
                for (int v : members) {
                    assertThat(components.componentOf(v)).isEqualTo(c);
                }
                largest = Math.max(largest, members.size());
                c++;
            }
            assertThat(components.largestSize()).isEqualTo(largest);
        }
    }
}
