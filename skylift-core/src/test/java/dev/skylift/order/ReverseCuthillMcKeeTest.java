package dev.skylift.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skylift.graph.CommGraph;
import dev.skylift.graph.TestGraphs;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReverseCuthillMcKeeTest extends AbstractOrdererTest {

    @Override
    protected Orderer orderer() {
        return CuthillMcKee.reverse();
    }

    @ParameterizedTest
    @CsvSource({"2, 1", "3, 2", "10, 3", "100, 4", "1000, 5", "5000, 6"})
    void numbersAPathUnderAnyLabellingWithBandwidthOne(int n, long seed) {
        CommGraph path = TestGraphs.shuffled(TestGraphs.path(n), seed);

        Ordering ordering = orderer().order(path);

        assertThat(ordering.bandwidth()).isEqualTo(1);
        assertThat(ordering.optimal()).isTrue();
    }

    /**
     * The bandwidth of a k×l grid is min(k, l) (Chvátalová 1975), and a breadth-first numbering from
     * a corner reaches it when it lists each anti-diagonal starting at the end that lags behind
     * along the long side; listed from the other end, the band is min(k, l) + 1. Which end comes
     * first is decided at the corner, between its two neighbours of equal degree, by their index:
     * under a random labelling both pseudo-diameter ends choose badly about one time in four. RCM
     * promises no optimum, so one more than the shorter side is what it must stay within.
     */
    @ParameterizedTest
    @CsvSource({"3, 4", "4, 6", "5, 7", "7, 5", "10, 30", "30, 10", "3, 40"})
    void numbersAGridUnderAnyLabellingWithinOneOfItsShorterSide(int rows, int columns) {
        for (long seed = 1; seed <= 12; seed++) {
            CommGraph grid = TestGraphs.shuffled(TestGraphs.grid(rows, columns), seed);

            Ordering ordering = orderer().order(grid);

            assertThat(ordering.bandwidth()).as("seed %d", seed)
                    .isBetween(Math.min(rows, columns), Math.min(rows, columns) + 1);
        }
    }

    /**
     * Square grids have no run of full-width diagonals, and on a two-row grid the corner's
     * neighbour across the short side is itself a corner of lower degree, so it comes first: in
     * both cases either direction of the diagonals gives the optimum.
     */
    @ParameterizedTest
    @CsvSource({"2, 2", "2, 9", "9, 2", "2, 50", "3, 3", "6, 6", "8, 8", "1, 12", "12, 1"})
    void numbersSquareAndTwoRowGridsUnderAnyLabellingWithBandwidthOfItsShorterSide(int rows, int columns) {
        for (long seed = 1; seed <= 12; seed++) {
            CommGraph grid = TestGraphs.shuffled(TestGraphs.grid(rows, columns), seed);

            Ordering ordering = orderer().order(grid);

            assertThat(ordering.bandwidth()).as("seed %d", seed).isEqualTo(Math.min(rows, columns));
        }
    }

    /**
     * A star's optimum is ⌈d/2⌉ (the hub in the middle), but any breadth-first numbering puts the
     * hub second (from a leaf) or first (from the hub), so RCM stays between ⌈d/2⌉ and d; starting
     * from a peripheral vertex (a leaf) it never needs the full d.
     */
    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 5, 10, 51})
    void numbersAStarWithinTheHubsReach(int leaves) {
        CommGraph star = TestGraphs.shuffled(TestGraphs.star(leaves), leaves);

        Ordering ordering = orderer().order(star);

        assertThat(ordering.bandwidth()).isBetween((leaves + 1) / 2, leaves - 1);
    }

    @Test
    void laysEachComponentInOneBlockIsolatedVerticesFirstThenByLeastDegreeVertex() {
        CommGraph graph = TestGraphs.shuffled(TestGraphs.disjointUnion(
                TestGraphs.grid(3, 4), TestGraphs.edgeless(3), TestGraphs.cycle(7), TestGraphs.complete(4),
                TestGraphs.path(2), TestGraphs.star(5), TestGraphs.randomTree(30, 3)), 99);

        int[] order = orderer().order(graph).order();

        List<int[]> blocks = CuthillMcKeeShape.componentBlocks(graph, order);
        assertThat(blocks).as("six connected parts and three isolated vertices").hasSize(9);
    }

    @Test
    void reversesACuthillMcKeeNumberingOfEachComponent() {
        CommGraph graph = TestGraphs.shuffled(TestGraphs.disjointUnion(
                TestGraphs.randomSparse(300, 450, 1), TestGraphs.grid(6, 9), TestGraphs.star(12)), 12);

        int[] order = orderer().order(graph).order();

        List<int[]> blocks = CuthillMcKeeShape.componentBlocks(graph, order);
        int[] forward = CuthillMcKeeShape.reverseBlocks(order, blocks);
        for (int[] block : blocks) {
            CuthillMcKeeShape.assertCuthillMcKee(graph, forward, block[0], block[1]);
        }
    }

    @Test
    void ordersASingleVertexAloneAndOptimally() {
        Ordering ordering = orderer().order(TestGraphs.singleVertex());

        assertThat(ordering.order()).containsExactly(0);
        assertThat(ordering.bandwidth()).isZero();
        assertThat(ordering.optimal()).isTrue();
    }

    @Test
    void ordersTheEmptyGraphAsAnEmptyOrder() {
        Ordering ordering = orderer().order(TestGraphs.empty());

        assertThat(ordering.order()).isEmpty();
        assertThat(ordering.bandwidth()).isZero();
        assertThat(ordering.lowerBound().value()).isZero();
    }

    @Test
    void keepsIsolatedVerticesInIncreasingOrder() {
        Ordering ordering = orderer().order(TestGraphs.edgeless(6));

        assertThat(ordering.order()).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(ordering.bandwidth()).isZero();
        assertThat(ordering.optimal()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphs")
    void ordersTheSameGraphTheSameWayEveryTime(CommGraph graph) {
        int[] first = orderer().order(graph).order();
        int[] second = orderer().order(graph).order();
        int[] permutation = CuthillMcKee.reverse().permutation(graph);

        assertThat(second).isEqualTo(first);
        assertThat(permutation).isEqualTo(first);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphs")
    void hasTheBandwidthOfTheForwardOrderItReverses(CommGraph graph) {
        int[] reverse = orderer().order(graph).order();
        int[] forward = CuthillMcKee.forward().order(graph).order();

        List<int[]> blocks = CuthillMcKeeShape.componentBlocks(graph, forward);
        assertThat(reverse).isEqualTo(CuthillMcKeeShape.reverseBlocks(forward, blocks));
        assertThat(bandwidthOf(graph, reverse)).isEqualTo(bandwidthOf(graph, forward));
    }

    @Test
    void ordersALargeComponentAsAReversedCuthillMcKeeNumbering() {
        CommGraph grid = TestGraphs.shuffled(TestGraphs.grid(260, 200), 260);

        Ordering ordering = orderer().order(grid);
        int[] again = orderer().order(grid).order();

        assertThat(ordering.bandwidth()).isEqualTo(bandwidthOf(grid, ordering.order())).isBetween(200, 201);
        assertThat(again).isEqualTo(ordering.order());
        CuthillMcKeeShape.assertCuthillMcKee(grid, CuthillMcKeeShape.reverseBlocks(ordering.order(),
                List.<int[]>of(new int[] {0, grid.vertexCount()})), 0, grid.vertexCount());
    }

    @Test
    void namesItselfAsTheMethodOfItsOrderings() {
        Ordering ordering = orderer().order(TestGraphs.cycle(5));

        assertThat(orderer().name()).isEqualTo("rcm");
        assertThat(ordering.method()).isEqualTo("rcm");
        assertThat(Orderers.byName("rcm").order(TestGraphs.cycle(5)).order()).isEqualTo(ordering.order());
    }
}
