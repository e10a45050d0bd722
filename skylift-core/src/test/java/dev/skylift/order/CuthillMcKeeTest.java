package dev.skylift.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skylift.graph.CommGraph;
import dev.skylift.graph.TestGraphs;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CuthillMcKeeTest extends AbstractOrdererTest {

    @Override
    protected Orderer orderer() {
        return CuthillMcKee.forward();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphs")
    void numbersEachComponentBreadthFirstWithNeighboursInIncreasingDegree(CommGraph graph) {
        int[] order = orderer().order(graph).order();

        for (int[] block : CuthillMcKeeShape.componentBlocks(graph, order)) {
            CuthillMcKeeShape.assertCuthillMcKee(graph, order, block[0], block[1]);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 5, 64, 65, 129})
    void walksAPathFromOneEndToTheOther(int n) {
        int[] relabelling = TestGraphs.permutation(n, n);
        CommGraph path = TestGraphs.relabel(TestGraphs.path(n), relabelling);

        int[] order = orderer().order(path).order();

        int[] original = new int[n];
        for (int v = 0; v < n; v++) {
            original[relabelling[v]] = v;
        }
        int step = original[order[0]] == 0 ? 1 : -1;
        for (int i = 0; i < n; i++) {
            assertThat(original[order[i]]).as("position %d", i).isEqualTo(step == 1 ? i : n - 1 - i);
        }
    }

    @Test
    void startsAStarFromALeafNotFromTheHub() {
        // A leaf is the peripheral vertex: from the hub every other vertex is one level away.
        CommGraph star = TestGraphs.star(9);

        int[] order = orderer().order(star).order();

        assertThat(order[0]).isNotZero();
        assertThat(order[1]).isZero();
    }

    @Test
    void givesEveryComponentItsOwnBlock() {
        CommGraph graph = TestGraphs.disjointUnion(TestGraphs.path(3), TestGraphs.singleVertex(), TestGraphs.cycle(4));

        int[] order = orderer().order(graph).order();

        List<int[]> blocks = CuthillMcKeeShape.componentBlocks(graph, order);
        // Isolated vertices first, then by least-degree vertex: the path (an end has degree 1), the cycle.
        assertThat(blocks).extracting(b -> b[1] - b[0]).containsExactly(1, 3, 4);
        assertThat(order[0]).isEqualTo(3);
    }

    @Test
    void namesItselfAsTheMethodOfItsOrderings() {
        Ordering ordering = orderer().order(TestGraphs.cycle(5));

        assertThat(orderer().name()).isEqualTo("cm");
        assertThat(ordering.method()).isEqualTo("cm");
        assertThat(Orderers.byName("cm").order(TestGraphs.cycle(5)).order()).isEqualTo(ordering.order());
    }
}
