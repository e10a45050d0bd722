package dev.skylift.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skylift.graph.CommGraph;
import dev.skylift.graph.TestGraphs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExactBandwidthTest extends AbstractOrdererTest {

    private static final OrderingOptions QUICK =
            new OrderingOptions(Duration.ofMillis(300), 1L).withIterationLimit(2_000);

    private static final Orderer MEMO = new MemoOrderer(new ExactBandwidth());

    @Override
    protected Orderer orderer() {
        return MEMO;
    }

    @Override
    protected OrderingOptions options() {
        return QUICK;
    }

    /**
     * The decision behind every proof, against brute force on every connected graph of up to six
     * labelled vertices: "no" exactly below the optimum, "yes" with a valid order at it.
     */
    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 5, 6})
    void decidesEveryConnectedGraphOnFewVerticesLikeBruteForce(int n) {
        List<CommGraph> graphs = TestGraphs.allConnected(n);
        assertThat(graphs).isNotEmpty();
        for (CommGraph graph : graphs) {
            checkDecisions(graph);
        }
    }

    @Test
    void decidesSeededRandomGraphsOfSevenToNineVerticesLikeBruteForce() {
        for (CommGraph graph : TestGraphs.randomConnected(new SplittableRandom(2026), 300, 7, 9, 0.2, 0.6)) {
            checkDecisions(graph);
        }
    }

    /**
     * The same with the search split between two and three workers sharing the failed states: a
     * worker that saw only its share of a state must never make it count as failed for the others.
     */
    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void decidesSeededRandomGraphsLikeBruteForceWithTheSearchSplitBetweenWorkers(int workers) {
        for (CommGraph graph : TestGraphs.randomConnected(new SplittableRandom(2027 + workers), 200, 6, 9, 0.2, 0.6)) {
            checkDecisions(graph, workers);
        }
    }

    /**
     * Grids are past brute force but have a known bandwidth, min(rows, columns) (Chvátalová 1975):
     * renumbered at random, every decision says "no" one below it and "yes", with a valid order, at
     * it — graphs large enough for the remembered failed states and the probing to prune.
     */
    @Test
    void decidesRenumberedGridsAtTheirKnownBandwidth() {
        long far = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        for (int rows = 2; rows <= 5; rows++) {
            for (int columns = rows; columns <= 8; columns++) {
                CommGraph grid = TestGraphs.shuffled(TestGraphs.grid(rows, columns), 31L * rows + columns);
                BandwidthDecision.Problem problem = new BandwidthDecision.Problem(grid);

                for (int workers = 1; workers <= 2; workers++) {
                    BandwidthDecision.Result no = problem.decide(rows - 1, far, () -> false, workers);
                    BandwidthDecision.Result yes = problem.decide(rows, far, () -> false, workers);

                    assertThat(no.answer()).as("%d×%d at k=%d, %d workers", rows, columns, rows - 1, workers)
                            .isEqualTo(BandwidthDecision.Answer.NO);
                    assertThat(yes.answer()).as("%d×%d at k=%d, %d workers", rows, columns, rows, workers)
                            .isEqualTo(BandwidthDecision.Answer.YES);
                    int[] position = Bandwidth.positions(yes.order(), grid.vertexCount());
                    assertThat(BruteForce.bandwidth(TestGraphs.edges(grid), position)).isLessThanOrEqualTo(rows);
                }
            }
        }
    }

    @Test
    void provesOptimalityOnSmallGraphsIncludingDisconnectedOnes() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 150; i++) {
            int n = 2 + random.nextInt(8);
            CommGraph graph = TestGraphs.random(n, 0.1 + 0.6 * random.nextDouble(), random.nextLong());

            Ordering ordering = new ExactBandwidth().order(graph, QUICK);

            assertThat(ordering.bandwidth()).as("graph %d", i).isEqualTo(BruteForce.optimum(graph));
            assertThat(ordering.optimal()).as("graph %d", i).isTrue();
        }
    }

    @Test
    void provesTheLiteratureOptimumOfBcspwr01() {
        // bcspwr01: 39 vertices, bandwidth 5 proven optimal in the literature; our closed-form bounds say 4.
        CommGraph graph = TestGraphs.resource("bcspwr01");

        Ordering ordering = orderer().order(graph, QUICK);

        assertThat(ordering.bandwidth()).isEqualTo(5);
        assertThat(ordering.lowerBound().value()).isEqualTo(5);
        assertThat(ordering.lowerBound().reason()).contains("no order of bandwidth 4");
        assertThat(ordering.optimal()).isTrue();
    }

    /**
     * Components of at least {@link ExactBandwidth#SAT_MIN_VERTICES} vertices, with seconds to
     * spare, are decided by the DFS and CP-SAT side by side: instances whose closed-form bounds fall short
     * of the literature's optimum (bcspwr01 5, ash85 9, nos4 10), alone and beside a grid
     * (bandwidth min(rows, columns), Chvátalová 1975), come out at it with the bound to prove it.
     */
    @Test
    void provesLiteratureOptimaWithBothEnginesRacing() {
        OrderingOptions options = new OrderingOptions(Duration.ofSeconds(30), 1L);
        List<CommGraph> graphs = List.of(
                TestGraphs.resource("bcspwr01"),
                TestGraphs.shuffled(TestGraphs.resource("ash85"), 2),
                TestGraphs.resource("nos4"),
                TestGraphs.shuffled(TestGraphs.disjointUnion(TestGraphs.grid(4, 9), TestGraphs.resource("bcspwr01")), 3));
        int[] expected = {5, 9, 10, 5};
        for (int i = 0; i < graphs.size(); i++) {
            assertThat(graphs.get(i).vertexCount()).isGreaterThanOrEqualTo(ExactBandwidth.SAT_MIN_VERTICES);
            assertThat(BandwidthLowerBounds.of(graphs.get(i)).value()).isLessThan(expected[i]);

            Ordering ordering = new ExactBandwidth().order(graphs.get(i), options);

            assertThat(ordering.bandwidth()).as("graph %d", i).isEqualTo(expected[i]);
            assertThat(ordering.lowerBound().value()).as("graph %d", i).isEqualTo(expected[i]);
            assertThat(ordering.optimal()).as("graph %d", i).isTrue();
        }
    }

    @Test
    void returnsTheBestOrderAndBoundWhenTimeRunsOut() {
        // A 12×12 grid relabelled: bandwidth 12, far more than a few milliseconds of proof.
        CommGraph graph = TestGraphs.shuffled(TestGraphs.grid(12, 12), 3);
        OrderingOptions hurried = new OrderingOptions(Duration.ofMillis(50), 1L);

        Ordering ordering = orderer().order(graph, hurried);

        assertThat(ordering.bandwidth()).isGreaterThanOrEqualTo(12);
        assertThat(ordering.lowerBound().value()).isLessThanOrEqualTo(12);
        assertThat(ordering.optimal()).isEqualTo(ordering.bandwidth() == ordering.lowerBound().value());
    }

    private static void checkDecisions(CommGraph graph) {
        checkDecisions(graph, 1);
    }

    private static void checkDecisions(CommGraph graph, int workers) {
        int optimum = BruteForce.optimum(graph);
        BandwidthDecision.Problem problem = new BandwidthDecision.Problem(graph);
        long far = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        if (optimum > 0) {
            assertThat(problem.decide(optimum - 1, far, () -> false, workers).answer())
                    .as("%s at k=%d", edgeList(graph), optimum - 1).isEqualTo(BandwidthDecision.Answer.NO);
        }
        BandwidthDecision.Result yes = problem.decide(optimum, far, () -> false, workers);
        assertThat(yes.answer()).as("%s at k=%d", edgeList(graph), optimum).isEqualTo(BandwidthDecision.Answer.YES);
        int[] position = Bandwidth.positions(yes.order(), graph.vertexCount());
        assertThat(BruteForce.bandwidth(TestGraphs.edges(graph), position)).isLessThanOrEqualTo(optimum);
    }

    private static String edgeList(CommGraph graph) {
        List<String> edges = new ArrayList<>();
        for (int[] e : TestGraphs.edges(graph)) {
            edges.add(e[0] + "-" + e[1]);
        }
        return edges.toString();
    }

}
