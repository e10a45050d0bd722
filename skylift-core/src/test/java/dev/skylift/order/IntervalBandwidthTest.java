package dev.skylift.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skylift.graph.CommGraph;
import dev.skylift.graph.ConnectedComponents;
import dev.skylift.graph.TestGraphs;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shared orderer invariants, and optimality on interval graphs checked three independent ways:
 * against {@link BruteForce#optimum} (n ≤ 9), against the exhaustive decision
 * {@link BruteForce#hasBandwidthAtMost} at the bandwidth and one below it (n ≤ 14), and, where no
 * exhaustive search is affordable (up to 60 vertices and on unit interval graphs of thousands),
 * against facts proven elsewhere: reverse Cuthill–McKee and a local search never do better, the
 * ordinary lower bounds never exceed it, and a unit interval graph's bandwidth is its clique
 * number less one.
 */
class IntervalBandwidthTest extends AbstractOrdererTest {

    @Override
    protected Orderer orderer() {
        return new IntervalBandwidth();
    }

    static LongStream smallSeeds() {
        return LongStream.rangeClosed(1, 200);
    }

    static LongStream mediumSeeds() {
        return LongStream.rangeClosed(1, 60);
    }

    static LongStream largeSeeds() {
        return LongStream.rangeClosed(1, 80);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("smallSeeds")
    void meetsTheBruteForceOptimumOnRandomIntervalGraphsUpToNineVertices(long seed) {
        CommGraph graph = TestGraphs.randomInterval(2 + (int) (seed % 8), seed);

        Ordering ordering = orderer().order(graph);

        assertThat(ordering.bandwidth()).as("bandwidth of %s", graph).isEqualTo(BruteForce.optimum(graph));
        assertThat(ordering.optimal()).isTrue();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("mediumSeeds")
    void isOptimalByExhaustiveSearchOnRandomIntervalGraphsOfTenToFourteenVertices(long seed) {
        CommGraph graph = TestGraphs.randomInterval(10 + (int) (seed % 5), 7919 * seed);

        Ordering ordering = orderer().order(graph);

        int bandwidth = ordering.bandwidth();
        assertThat(BruteForce.hasBandwidthAtMost(graph, bandwidth)).isTrue();
        if (bandwidth > 0) {
            assertThat(BruteForce.hasBandwidthAtMost(graph, bandwidth - 1)).as("an order of bandwidth %d", bandwidth - 1)
                    .isFalse();
        }
        assertThat(ordering.optimal()).isTrue();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("largeSeeds")
    void provesItsOrderOptimalOnRandomIntervalGraphsUpToSixtyVertices(long seed) {
        CommGraph graph = TestGraphs.randomInterval(15 + (int) (seed % 46), 104_729 * seed);

        Ordering ordering = orderer().order(graph);

        assertThat(ordering.optimal()).isTrue();
        assertThat(ordering.lowerBound().value()).isEqualTo(ordering.bandwidth())
                .isGreaterThanOrEqualTo(BandwidthLowerBounds.of(graph).value());
        Ordering rcm = CuthillMcKee.reverse().order(graph);
        assertThat(ordering.bandwidth()).isLessThanOrEqualTo(rcm.bandwidth());
        // A local search from the RCM order, told to stop one below, must not get there.
        int[] searched = BandwidthSearch.improve(graph, rcm.order(), ordering.bandwidth() - 1,
                OrderingOptions.defaults().withSeed(seed).withIterationLimit(20_000), Long.MAX_VALUE, 1, 0,
                new AtomicBoolean(), null);
        assertThat(bandwidthOf(graph, searched)).isGreaterThanOrEqualTo(ordering.bandwidth());
    }

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {20, 60, 300, 3000})
    void givesAUnitIntervalGraphItsCliqueNumberLessOne(int n) {
        // For unit (proper) interval graphs the bandwidth is ω − 1: the left-to-right order meets it
        // and a clique needs it.
        SplittableRandom random = new SplittableRandom(n);
        int length = 1 + random.nextInt(6);
        int[] left = new int[n];
        int[] right = new int[n];
        for (int v = 0; v < n; v++) {
            left[v] = random.nextInt(2 * n);
            right[v] = left[v] + length;
        }
        CommGraph graph = TestGraphs.shuffled(TestGraphs.intervals(left, right), n);

        Ordering ordering = orderer().order(graph);

        assertThat(ordering.bandwidth()).isEqualTo(cliqueNumber(left, right) - 1);
        assertThat(ordering.optimal()).isTrue();
    }

    @Test
    void explainsABoundAboveTheCliqueAndDegreeBoundsByKleitmanVohra() {
        // Two adjacent hubs with three leaves each: degree 4 asks only for 2, but the hubs' eight
        // vertices cannot fit a band of 2.
        CommGraph doubleStar = TestGraphs.shuffled(TestGraphs.of(8, new int[][] {{0, 1}, {0, 2}, {0, 3}, {0, 4},
                {1, 5}, {1, 6}, {1, 7}}), 8);

        Ordering ordering = orderer().order(doubleStar);

        assertThat(ordering.bandwidth()).isEqualTo(3).isEqualTo(BruteForce.optimum(doubleStar));
        assertThat(ordering.lowerBound().value()).isEqualTo(3);
        assertThat(ordering.lowerBound().reason()).contains("no order of bandwidth 2", "Kleitman–Vohra");
        assertThat(ordering.optimal()).isTrue();
    }

    @Test
    void namesTheCliqueWhenItIsTheBound() {
        Ordering ordering = orderer().order(TestGraphs.disjointUnion(TestGraphs.complete(6), TestGraphs.path(4)));

        assertThat(ordering.bandwidth()).isEqualTo(5);
        assertThat(ordering.lowerBound().reason()).contains("clique of 6 vertices");
        assertThat(ordering.optimal()).isTrue();
    }

    @Test
    void laysTheComponentsSideBySideEachOptimal() {
        CommGraph[] parts = {TestGraphs.randomInterval(8, 3), TestGraphs.complete(4), TestGraphs.star(5),
            TestGraphs.edgeless(2), TestGraphs.randomInterval(9, 12)};
        int worst = 0;
        for (CommGraph part : parts) {
            worst = Math.max(worst, BruteForce.optimum(part));
        }
        CommGraph graph = TestGraphs.shuffled(TestGraphs.disjointUnion(parts), 17);

        Ordering ordering = orderer().order(graph);

        assertThat(ordering.bandwidth()).isEqualTo(worst);
        assertThat(ordering.optimal()).isTrue();
        ConnectedComponents components = ConnectedComponents.of(graph);
        for (int c = 0; c < components.count(); c++) {
            int first = Integer.MAX_VALUE;
            int last = -1;
            for (int v : components.vertices(c)) {
                first = Math.min(first, ordering.positionOf(v));
                last = Math.max(last, ordering.positionOf(v));
            }
            assertThat(last - first + 1).as("span of component %d", c).isEqualTo(components.size(c));
        }
    }

    @Test
    void fallsBackToReverseCuthillMcKeeOnOtherGraphs() {
        CommGraph grid = TestGraphs.shuffled(TestGraphs.grid(6, 7), 67);

        Ordering ordering = orderer().order(grid);

        assertThat(ordering.order()).isEqualTo(CuthillMcKee.reverse().permutation(grid));
        assertThat(ordering.lowerBound()).isEqualTo(BandwidthLowerBounds.of(grid));
        assertThat(ordering.method()).isEqualTo("interval");
    }

    @Test
    void ordersALargeIntervalGraphOptimallyInAFewSeconds() {
        int n = 20_000;
        SplittableRandom random = new SplittableRandom(n);
        int[] left = new int[n];
        int[] right = new int[n];
        for (int v = 0; v < n; v++) {
            left[v] = random.nextInt(2 * n);
            right[v] = left[v] + (random.nextInt(100) == 0 ? random.nextInt(100) : random.nextInt(5));
        }
        CommGraph graph = TestGraphs.shuffled(TestGraphs.intervals(left, right), n);

        Ordering ordering = orderer().order(graph, OrderingOptions.defaults().withTimeLimit(Duration.ofSeconds(10)));

        assertThat(ordering.optimal()).isTrue();
        assertThat(ordering.bandwidth()).isLessThanOrEqualTo(CuthillMcKee.reverse().order(graph).bandwidth());
    }

    @Test
    void namesItselfInterval() {
        assertThat(orderer().name()).isEqualTo("interval");
        assertThat(orderer().order(TestGraphs.path(4)).method()).isEqualTo("interval");
    }

    private static int cliqueNumber(int[] left, int[] right) {
        int points = 0;
        for (int r : right) {
            points = Math.max(points, r + 2);
        }
        int[] change = new int[points];
        for (int v = 0; v < left.length; v++) {
            change[left[v]]++;
            change[right[v] + 1]--;
        }
        int open = 0;
        int most = 0;
        for (int delta : change) {
            open += delta;
            most = Math.max(most, open);
        }
        return most;
    }

    /**
     * The interval algorithm against the exhaustive decision of {@link ExactBandwidth} on seeded
     * random interval graphs of up to 60 vertices: the interval algorithm's order is the witness
     * of its bandwidth k (certified from the permutation), and the decision must prove that no
     * order of bandwidth k − 1 exists.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
    void agreesWithTheExactDecisionOnRandomIntervalGraphsUpToSixtyVertices(long seed) {
        int n = 20 + (int) (seed * 40 / 16);
        CommGraph graph = TestGraphs.randomInterval(n, seed);
        Ordering ordering = orderer().order(graph);
        int widest = 0;
        for (CommGraph part : ConnectedComponents.of(graph).subgraphs(graph)) {
            int k = orderer().order(part).bandwidth();
            widest = Math.max(widest, k);
            var problem = new BandwidthDecision.Problem(part);
            long far = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            if (k > 0) {
                assertThat(problem.decide(k - 1, far).answer()).isEqualTo(BandwidthDecision.Answer.NO);
            }
        }
        assertThat(ordering.bandwidth()).isEqualTo(widest);
    }
}
