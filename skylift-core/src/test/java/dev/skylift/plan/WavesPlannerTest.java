package dev.skylift.plan;

import static dev.skylift.plan.PlanFixtures.MB;
import static dev.skylift.plan.PlanFixtures.PRE_COPY;
import static dev.skylift.plan.PlanFixtures.vm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.skylift.graph.CommGraph;
import dev.skylift.traffic.AffinityRules;
import dev.skylift.traffic.AffinityRules.Precedence;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WavesPlannerTest {

    /** 100 MB/s in total, 50 MB/s for one stream: two VMs at once each get 50 MB/s, one alone too. */
    private static final WanModel CAPPED = WanModel.of(100 * MB, Duration.ZERO).withStreamCap(50 * MB);
    /** a 200 MB, b 600 MB, c 200 MB, d 400 MB; no dirtying, so each sends its disk and memory once. */
    private static final List<VmSize> SIZES = List.of(vm("a", 100, 100), vm("b", 500, 100), vm("c", 100, 100),
            vm("d", 300, 100));
    /** a–d at 1 MB/s, b–c at 2 MB/s. */
    private static final CommGraph GRAPH = PlanFixtures.rates(List.of("a", "b", "c", "d"),
            new double[] {0, 3, 1 * MB}, new double[] {1, 2, 2 * MB});

    @Test
    void theNextWaveWaitsForTheWholeWaveBefore() {
        // k = 2, order a, b, c, d: wave 0 = a, b; wave 1 = c, d. Every stream gets 50 MB/s.
        // a: 200 MB -> 4 s; b: 600 MB -> 12 s. Wave 1 starts at 12 although a slot is idle from 4 s.
        // c: 200 MB -> 16 s; d: 400 MB -> 20 s.
        MigrationPlan plan = Planner.waves(CAPPED, 2, PRE_COPY).plan(GRAPH, new int[] {0, 1, 2, 3}, SIZES,
                AffinityRules.none());

        assertThat(plan.steps()).extracting(MigrationStep::vm).containsExactly("a", "b", "c", "d");
        assertThat(plan.steps()).extracting(MigrationStep::wave).containsExactly(OptionalInt.of(0), OptionalInt.of(0),
                OptionalInt.of(1), OptionalInt.of(1));
        assertThat(plan.steps()).extracting(MigrationStep::start).containsExactly(0.0, 0.0, 12.0, 12.0);
        assertThat(plan.steps().stream().mapToDouble(MigrationStep::cutover).toArray())
                .containsExactly(new double[] {4, 12, 16, 20}, within(1e-9));
        assertThat(plan.makespan()).isCloseTo(20, within(1e-9));
        // Bound: 1400 MB at 100 MB/s (two streams reach it) = 14 s; b alone needs 12 s.
        assertThat(plan.makespanLowerBound()).isCloseTo(14, within(1e-9));
        assertThat(plan.steps()).allSatisfy(step -> {
            assertThat(step.downtime()).isZero();
            assertThat(step.rounds()).isEqualTo(1);
        });
        assertThat(plan.steps().get(1).bytesSent()).isEqualTo(600 * MB);

        // The rolling window fills a's slot at 4 s: c 4 -> 8, d 8 -> 16, so the same order ends at 16 s.
        MigrationPlan rolling = Planner.rollingWindow(CAPPED, 2, PRE_COPY).plan(GRAPH, new int[] {0, 1, 2, 3}, SIZES,
                AffinityRules.none());
        assertThat(rolling.makespan()).isCloseTo(16, within(1e-9));
        assertThat(rolling.steps()).allSatisfy(step -> assertThat(step.wave()).isEmpty());
    }

    @Test
    void metricsOfAWavesTimeline() {
        // Cutovers a 4, b 12, c 16, d 20. a–d split 16 s at 1 MB/s = 16 MB; b–c split 4 s at 2 MB/s = 8 MB.
        // Cross-WAN rate: 1 MB/s from 4 s, 3 MB/s from 12 s, 1 MB/s from 16 s, 0 from 20 s.
        MigrationPlan plan = Planner.waves(CAPPED, 2, PRE_COPY).plan(GRAPH, new int[] {0, 1, 2, 3}, SIZES,
                AffinityRules.none());

        PlanMetrics metrics = PlanMetrics.of(plan, GRAPH);

        assertThat(metrics.maxStretch()).isCloseTo(16, within(1e-9));
        assertThat(metrics.worstPair().orElseThrow()).extracting(PlanMetrics.Pair::a, PlanMetrics.Pair::b)
                .containsExactly("a", "d");
        assertThat(metrics.exposureBytes()).isCloseTo(24 * MB, within(1e-3));
        assertThat(metrics.peakRate()).isCloseTo(3 * MB, within(1e-6));
        assertThat(metrics.peakTime()).isCloseTo(12, within(1e-9));
        assertThat(metrics.crossWanCurve()).extracting(PlanMetrics.RatePoint::time)
                .containsExactly(0.0, 4.0, 12.0, 16.0, 20.0);
        assertThat(metrics.makespanRatio()).isCloseTo(20.0 / 14, within(1e-9));
    }

    @Test
    void rulesShapeTheWaves() {
        var planner = Planner.waves(CAPPED, 3, PRE_COPY);

        // "a before b": b cannot share a's wave, so wave 0 = a; wave 1 = b, c, d.
        MigrationPlan before = planner.plan(GRAPH, new int[] {0, 1, 2, 3}, SIZES,
                PlanFixtures.rules(List.of(new Precedence("a", "b")), List.of()));
        assertThat(before.steps()).extracting(step -> step.wave().getAsInt()).containsExactly(0, 1, 1, 1);
        assertThat(before.steps().get(1).start()).isCloseTo(4, within(1e-9));

        // c and d together do not fit the one slot left after a and b: they open wave 1.
        MigrationPlan together = planner.plan(GRAPH, new int[] {0, 1, 2, 3}, SIZES,
                PlanFixtures.rules(List.of(), List.of(List.of("c", "d"))));
        assertThat(together.steps()).extracting(step -> step.wave().getAsInt()).containsExactly(0, 0, 1, 1);
        assertThat(together.orderRepaired()).isFalse();

        assertThatThrownBy(() -> Planner.waves(CAPPED, 1, PRE_COPY).plan(GRAPH, new int[] {0, 1, 2, 3}, SIZES,
                PlanFixtures.rules(List.of(), List.of(List.of("c", "d")))))
                .hasMessageContaining("[c, d] has 2 VMs but a wave holds only 1");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void aChooserHandingOutAnOrderGivesThatOrdersWaves(int seed) {
        var random = new Random(seed);
        var estate = RandomEstate.of(random);
        int[] order = RandomEstate.shuffled(estate.names().size(), random);
        Planner planner = Planner.waves(estate.wan(), estate.concurrency(), estate.preCopy());
        var chooser = new NextVm() {
            private int next;

            @Override
            public int[] next(double time, int freeSlots) {
                return next < order.length ? new int[] {order[next++]} : new int[0];
            }

            @Override
            public void cutOver(int vertex, double time) {
            }
        };

        MigrationPlan chosen = planner.plan(estate.graph(), chooser, estate.sizes(), AffinityRules.none());
        MigrationPlan ordered = planner.plan(estate.graph(), order, estate.sizes(), AffinityRules.none());

        assertThat(chosen.steps()).isEqualTo(ordered.steps());
        assertThat(chosen.makespan()).isEqualTo(ordered.makespan());
    }
}
