package dev.skylift.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skylift.graph.CommGraph;
import dev.skylift.graph.TestGraphs;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class BandwidthSearchTest extends AbstractOrdererTest {

    /** Bounded by iterations, not time: the same result on any machine, and quick. */
    private static final OrderingOptions BUDGET =
            new OrderingOptions(Duration.ofMinutes(1), 1L).withIterationLimit(20_000);

    @Override
    protected Orderer orderer() {
        return new BandwidthSearch();
    }

    @Override
    protected OrderingOptions options() {
        return BUDGET;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphs")
    void isNeverWiderThanReverseCuthillMcKee(CommGraph graph) {
        Ordering search = orderer().order(graph, BUDGET);
        Ordering rcm = CuthillMcKee.reverse().order(graph);

        assertThat(search.bandwidth()).isLessThanOrEqualTo(rcm.bandwidth());
    }

    @Test
    void givesTheSameOrderForTheSameSeedAndIterationLimit() {
        CommGraph graph = TestGraphs.resource("ash85");
        OrderingOptions options = BUDGET.withSeed(42).withIterationLimit(50_000);

        Ordering first = orderer().order(graph, options);
        Ordering second = orderer().order(graph, options);

        assertThat(second.order()).isEqualTo(first.order());
    }

    @Test
    void narrowsTheBandOfTheBenchmarkGraphsBelowReverseCuthillMcKee() {
        // ash85: RCM gives 10, the literature's best is 9; nos4: RCM 13, best (and optimum) 10.
        for (String name : new String[] {"ash85", "nos4"}) {
            CommGraph graph = TestGraphs.resource(name);

            Ordering search = orderer().order(graph, BUDGET.withIterationLimit(400_000));

            assertThat(search.bandwidth()).as(name).isLessThan(CuthillMcKee.reverse().order(graph).bandwidth());
        }
    }

    /** A k×l grid has bandwidth min(k, l) (Chvátalová 1975), whatever its labelling. */
    @ParameterizedTest
    @CsvSource({"3, 4", "5, 7", "6, 6", "8, 13"})
    void findsTheBandwidthOfRelabelledGrids(int rows, int columns) {
        for (long seed = 1; seed <= 3; seed++) {
            CommGraph grid = TestGraphs.shuffled(TestGraphs.grid(rows, columns), seed);

            Ordering ordering = orderer().order(grid, BUDGET.withIterationLimit(300_000));

            assertThat(ordering.bandwidth()).as("seed %d", seed).isEqualTo(Math.min(rows, columns));
        }
    }

    @Test
    void stopsAtTheLowerBoundAndCallsTheOrderOptimal() {
        // RCM gives 4 on this labelling of the 3×4 grid; the bound proves 3.
        int[] relabelling = {0, 1, 2, 3, 4, 5, 6, 10, 8, 9, 7, 11};
        CommGraph grid = TestGraphs.relabel(TestGraphs.grid(3, 4), relabelling);

        Ordering ordering = orderer().order(grid, BUDGET.withIterationLimit(OrderingOptions.UNLIMITED));

        assertThat(ordering.bandwidth()).isEqualTo(3);
        assertThat(ordering.lowerBound().value()).isEqualTo(3);
        assertThat(ordering.optimal()).isTrue();
    }

    /**
     * The walk updates its costs incrementally after swaps, insertions and the weighting of its
     * too-long edges; they must match a recount, and both arcs of an edge must weigh the same.
     */
    @ParameterizedTest
    @CsvSource({"1, 40, 0.15", "2, 80, 0.08", "3, 150, 0.05"})
    void keepsItsIncrementalCostsEqualToARecount(long seed, int n, double density) {
        CommGraph graph = TestGraphs.random(n, density, seed);
        int[] start = CuthillMcKee.reverse().permutation(graph);
        for (long limit : new long[] {1, 7, 100, 1_000, 10_000, 50_000}) {
            var walk = new BandwidthSearch.Walk(graph, start, BandwidthSearch.restartRoots(graph, seed), 0, seed, 0.3, 0,
                    Long.MAX_VALUE, limit, new java.util.concurrent.atomic.AtomicBoolean(), null);

            walk.run();

            assertThat(walk.consistent()).as("after %d iterations", limit).isTrue();
            assertThat(Bandwidth.of(graph, Bandwidth.positions(walk.bestOrder(), n))).isEqualTo(walk.bestBandwidth);
            if (limit == 50_000) {
                assertThat(walk.bumps).as("the edge weighting was exercised").isGreaterThan(0);
            }
        }
    }

    /**
     * The temperature is steered so that the share of worsening moves taken meets the walk's aim,
     * whatever the scale of the costs: a cool and a warm walk on the same graph must each end near
     * their own aim (and so far apart).
     */
    @ParameterizedTest
    @CsvSource({"0.15, 1", "0.45, 1", "0.15, 2", "0.45, 2"})
    void steersItsTemperatureToItsAcceptanceAim(double aim, long seed) {
        CommGraph graph = TestGraphs.random(120, 0.06, seed);
        int[] start = CuthillMcKee.reverse().permutation(graph);
        var walk = new BandwidthSearch.Walk(graph, start, BandwidthSearch.restartRoots(graph, seed), 0, seed, aim, 0,
                Long.MAX_VALUE, 400_000, new java.util.concurrent.atomic.AtomicBoolean(), null);

        walk.run();

        assertThat(walk.totalWorseProposed).isGreaterThan(50_000);
        double share = walk.totalWorseAccepted / (double) walk.totalWorseProposed;
        assertThat(share).as("accepted share of worsening moves").isBetween(aim - 0.05, aim + 0.05);
    }

    /** Walk 0 runs alone beside the exact method's proof, where the wide-band instances want it cool. */
    @Test
    void makesTheFirstWalkTheCoolestOfThePortfolio() {
        for (int i = 1; i < BandwidthSearch.ACCEPTANCE.length; i++) {
            assertThat(BandwidthSearch.ACCEPTANCE[0]).isLessThan(BandwidthSearch.ACCEPTANCE[i]);
        }
    }

    /** Past its stall limit a walk starts afresh from another root; its state and best order must stay right. */
    @Test
    void restartsFromFreshStartsAndKeepsItsCostsAndBestOrder() {
        CommGraph graph = TestGraphs.random(40, 0.15, 1);
        int[] start = CuthillMcKee.reverse().permutation(graph);
        var walk = new BandwidthSearch.Walk(graph, start, BandwidthSearch.restartRoots(graph, 1), 0, 1, 0.3, 0,
                Long.MAX_VALUE, 3_000_000, new java.util.concurrent.atomic.AtomicBoolean(), null);

        walk.run();

        assertThat(walk.episodes()).isGreaterThan(0);
        assertThat(walk.consistent()).isTrue();
        assertThat(Bandwidth.of(graph, Bandwidth.positions(walk.bestOrder(), 40))).isEqualTo(walk.bestBandwidth);
        assertThat(walk.bestBandwidth).isLessThanOrEqualTo(Bandwidth.of(graph, Bandwidth.positions(start, 40)));
    }

    /** A path's narrowest level structures are those from its two ends (one vertex per level). */
    @Test
    void ranksThePathsEndsFirstAsRestartRoots() {
        int n = 12;
        int[] relabelling = {5, 11, 0, 7, 3, 9, 1, 10, 4, 8, 2, 6};
        CommGraph path = TestGraphs.relabel(TestGraphs.path(n), relabelling);

        int[] roots = BandwidthSearch.restartRoots(path, 1);

        assertThat(new int[] {roots[0], roots[1]}).containsExactlyInAnyOrder(relabelling[0], relabelling[n - 1]);
        int[] order = CuthillMcKee.fromRoot(path, roots[0]);
        assertThat(Bandwidth.of(path, Bandwidth.positions(order, n))).isEqualTo(1);
    }

    @Test
    void makesNoRestartRootsForADisconnectedGraph() {
        CommGraph twoPaths = TestGraphs.disjointUnion(TestGraphs.path(4), TestGraphs.path(5));

        assertThat(BandwidthSearch.restartRoots(twoPaths, 1)).isEmpty();
    }
}
