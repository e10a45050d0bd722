package dev.skylift.plan;

import static dev.skylift.plan.PlanFixtures.LINK;
import static dev.skylift.plan.PlanFixtures.PRE_COPY;
import static dev.skylift.plan.PlanFixtures.vm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.skylift.graph.CommGraph;
import dev.skylift.plan.PlanMetrics.RatePoint;
import dev.skylift.traffic.AffinityRules;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanMetricsTest {

    private static final double EPS = 1e-9;

    @Test
    void oneAtATimeOnThreeVmsOfDifferentSizes() {
        // 100 MB/s, k = 1, no dirtying, no RTT. Memory rounds: round 1 sends all memory (> 300 ms worth),
        // nothing was dirtied, so the stop-and-copy is empty: downtime 0.
        // a: 1000 MB disk + 1000 MB memory = 20 s: [0, 20]
        // b:  500 MB disk +  500 MB memory = 10 s: [20, 30]
        // c:    0 MB disk + 2000 MB memory = 20 s: [30, 50]
        // makespan 50 s = bound 5000 MB / 100 MB/s.
        // pairs (rate, bytes/s): a-b 1000, b-c 500, a-c 2000
        // stretch: a-b 30-20 = 10, b-c 50-30 = 20, a-c 50-20 = 30 -> max 30 (a, c)
        // exposure: 1000*10 + 500*20 + 2000*30 = 10,000 + 10,000 + 60,000 = 80,000 bytes
        // curve: 0 until 20; at 20 a is out: a-b + a-c = 3000; at 30 b is out: a-c + b-c = 2500; at 50: 0.
        CommGraph graph = PlanFixtures.rates(List.of("a", "b", "c"),
                new double[] {0, 1, 1000}, new double[] {1, 2, 500}, new double[] {0, 2, 2000});
        var sizes = List.of(vm("a", 1000, 1000), vm("b", 500, 500), vm("c", 0, 2000));

        MigrationPlan plan = Planner.rollingWindow(LINK, 1, PRE_COPY)
                .plan(graph, new int[] {0, 1, 2}, sizes, AffinityRules.none());
        PlanMetrics metrics = PlanMetrics.of(plan, graph);

        assertThat(plan.steps()).extracting(MigrationStep::start).containsExactly(0.0, 20.0, 30.0);
        assertThat(plan.steps()).extracting(MigrationStep::cutover).containsExactly(20.0, 30.0, 50.0);
        assertThat(metrics.maxStretch()).isCloseTo(30, within(EPS));
        assertThat(metrics.worstPair()).hasValueSatisfying(pair -> {
            assertThat(pair.a()).isEqualTo("a");
            assertThat(pair.b()).isEqualTo("c");
        });
        assertThat(metrics.exposureBytes()).isCloseTo(80_000, within(1e-6));
        assertThat(metrics.crossWanCurve()).containsExactly(
                new RatePoint(0, 0), new RatePoint(20, 3000), new RatePoint(30, 2500), new RatePoint(50, 0));
        assertThat(metrics.peakRate()).isCloseTo(3000, within(1e-9));
        assertThat(metrics.peakTime()).isEqualTo(20);
        assertThat(metrics.downtimes()).containsOnlyKeys("a", "b", "c");
        assertThat(metrics.maxDowntime()).isZero();
        assertThat(metrics.makespan()).isCloseTo(50, within(EPS));
        assertThat(metrics.makespanLowerBound()).isCloseTo(50, within(EPS));
        assertThat(metrics.makespanRatio()).isCloseTo(1, within(EPS));
    }

    @Test
    void twoAtATimeShareTheLinkAndTheNextStartsWhenASlotFrees() {
        // 100 MB/s, k = 2, no dirtying, no RTT; a = 700 disk + 200 memory, b = 300 + 100, c = 600 + 100.
        // t=0: a and b start, 50 MB/s each.
        //   b: 300 disk = 6 s, 100 memory = 2 s (> 300 ms at 50 MB/s: a live round) -> cutover 8. a sent 400 MB.
        // t=8: c starts, 50 MB/s each.
        //   a: 300 disk left = 6 s (t=14), 200 memory = 4 s -> cutover 18. c sent 500 MB by then.
        // t=18: c alone at 100 MB/s: 100 disk left = 1 s (t=19), 100 memory = 1 s (> 300 ms) -> cutover 20.
        // makespan 20 = bound (900 + 400 + 700) MB / 100 MB/s: the link never idles.
        // pairs (bytes/s): a-b 100, b-c 10, a-c 1. cutovers a 18, b 8, c 20.
        // stretch: a-b 10, b-c 12, a-c 2 -> max 12 (b, c); exposure 100*10 + 10*12 + 1*2 = 1122 bytes.
        // curve: at 8 b is out: a-b + b-c = 110; at 18 a is out: b-c + a-c = 11; at 20: 0.
        CommGraph graph = PlanFixtures.rates(List.of("a", "b", "c"),
                new double[] {0, 1, 100}, new double[] {1, 2, 10}, new double[] {0, 2, 1});
        var sizes = List.of(vm("a", 700, 200), vm("b", 300, 100), vm("c", 600, 100));

        MigrationPlan plan = Planner.rollingWindow(LINK, 2, PRE_COPY)
                .plan(graph, new int[] {0, 1, 2}, sizes, AffinityRules.none());
        PlanMetrics metrics = PlanMetrics.of(plan, graph);

        assertThat(plan.steps()).extracting(MigrationStep::vm).containsExactly("a", "b", "c");
        assertThat(plan.steps()).extracting(MigrationStep::start).containsExactly(0.0, 0.0, 8.0);
        double[] cutover = plan.cutoversByVertex();
        assertThat(cutover[0]).isCloseTo(18, within(EPS));
        assertThat(cutover[1]).isCloseTo(8, within(EPS));
        assertThat(cutover[2]).isCloseTo(20, within(EPS));
        assertThat(plan.makespan()).isCloseTo(20, within(EPS));
        assertThat(plan.makespanLowerBound()).isCloseTo(20, within(EPS));
        assertThat(metrics.maxStretch()).isCloseTo(12, within(EPS));
        assertThat(metrics.worstPair()).hasValueSatisfying(pair -> {
            assertThat(pair.a()).isEqualTo("b");
            assertThat(pair.b()).isEqualTo("c");
        });
        assertThat(metrics.exposureBytes()).isCloseTo(1122, within(1e-6));
        assertThat(metrics.crossWanCurve()).hasSize(4);
        assertThat(metrics.crossWanCurve().get(1).time()).isCloseTo(8, within(EPS));
        assertThat(metrics.crossWanCurve().get(1).rate()).isCloseTo(110, within(1e-9));
        assertThat(metrics.crossWanCurve().get(2).time()).isCloseTo(18, within(EPS));
        assertThat(metrics.crossWanCurve().get(2).rate()).isCloseTo(11, within(1e-9));
        assertThat(metrics.crossWanCurve().get(3)).isEqualTo(new RatePoint(plan.makespan(), 0));
        assertThat(metrics.peakRate()).isCloseTo(110, within(1e-9));
        assertThat(metrics.peakTime()).isCloseTo(8, within(EPS));
    }

    @Test
    void fourVmsTwoAtATimeWithAStreamCapRttAndDowntime() {
        // 100 MB/s, each stream capped at 40 MB/s, RTT 100 ms, k = 2, target downtime 300 ms.
        // a: 400 MB memory, dirty 4 MB/s; b, c, d: 200 MB memory, no dirtying. No disks.
        // t=0: a and b start at min(50, 40) = 40 MB/s.
        //   b: 200 MB = 5 s (> 300 ms: live), nothing dirtied: empty stop-and-copy at 5, cutover 5.1.
        //   a: round 1 400 MB = 10 s; at 5 a has 200 MB left; b commits from 5 to 5.1 sending nothing,
        //      a alone is still capped at 40 MB/s.
        // t=5.1: c starts, 40 MB/s each. c: 200 MB = 5 s -> stop at 10.1, cutover 10.2.
        //   a: round 1 ends at 10 (dirtied 4 * 10 = 40 MB: 1 s at 40 MB/s > 300 ms: round 2)
        //      round 2: 40 MB = 1 s -> ends 11 (dirtied 4 MB: 0.1 s <= 300 ms: stop)
        //      stop-and-copy 4 MB = 0.1 s -> 11.1, cutover 11.2, downtime 0.1 + 0.1 = 0.2 s.
        // t=10.2: d starts; a and d at 40 MB/s. d: 200 MB = 5 s -> 15.2, cutover 15.3.
        // pairs: a-d 1000 B/s (cutovers 11.2, 15.3: stretch 4.1), b-c 100 B/s (5.1, 10.2: stretch 5.1).
        // max stretch 5.1 (b, c); exposure 1000 * 4.1 + 100 * 5.1 = 4100 + 510 = 4610 bytes.
        // curve: 5.1 -> 100, 10.2 -> 0, 11.2 -> 1000, 15.3 -> 0: peak 1000 at 11.2.
        // bound: max(1000 MB / min(100, 2*40), 400 MB / 40) = max(12.5, 10) = 12.5 s; makespan 15.3.
        CommGraph graph = PlanFixtures.rates(List.of("a", "b", "c", "d"),
                new double[] {0, 3, 1000}, new double[] {1, 2, 100});
        var sizes = List.of(new VmSize("a", 400 * PlanFixtures.MB, 0, 4 * PlanFixtures.MB),
                vm("b", 0, 200), vm("c", 0, 200), vm("d", 0, 200));
        var wan = WanModel.of(100 * PlanFixtures.MB, Duration.ofMillis(100)).withStreamCap(40 * PlanFixtures.MB);

        MigrationPlan plan = Planner.rollingWindow(wan, 2, PRE_COPY)
                .plan(graph, new int[] {0, 1, 2, 3}, sizes, AffinityRules.none());
        PlanMetrics metrics = PlanMetrics.of(plan, graph);

        double[] cutover = plan.cutoversByVertex();
        assertThat(cutover[0]).isCloseTo(11.2, within(EPS));
        assertThat(cutover[1]).isCloseTo(5.1, within(EPS));
        assertThat(cutover[2]).isCloseTo(10.2, within(EPS));
        assertThat(cutover[3]).isCloseTo(15.3, within(EPS));
        assertThat(plan.steps().get(0).rounds()).isEqualTo(2);
        assertThat(metrics.downtimes().get("a")).isCloseTo(0.2, within(EPS));
        assertThat(metrics.downtimes().get("b")).isCloseTo(0.1, within(EPS));
        assertThat(metrics.maxStretch()).isCloseTo(5.1, within(EPS));
        assertThat(metrics.worstPair()).hasValueSatisfying(pair -> assertThat(pair.a() + pair.b()).isEqualTo("bc"));
        assertThat(metrics.exposureBytes()).isCloseTo(4610, within(1e-6));
        assertThat(metrics.crossWanCurve()).extracting(RatePoint::rate)
                .usingComparatorForType((x, y) -> Math.abs(x - y) < 1e-9 ? 0 : Double.compare(x, y), Double.class)
                .containsExactly(0.0, 100.0, 0.0, 1000.0, 0.0);
        assertThat(metrics.peakRate()).isCloseTo(1000, within(1e-9));
        assertThat(metrics.peakTime()).isCloseTo(11.2, within(EPS));
        assertThat(plan.makespanLowerBound()).isCloseTo(12.5, within(EPS));
        assertThat(plan.makespan()).isCloseTo(15.3, within(EPS));
    }

    @Test
    void pairsThatCutOverTogetherAreNeverSplit() {
        // k = 2, two equal VMs: both cut over at 4 s (200 MB each at 50 MB/s): no split, flat curve.
        CommGraph graph = PlanFixtures.rates(List.of("a", "b"), new double[] {0, 1, 500});
        var sizes = List.of(vm("a", 100, 100), vm("b", 100, 100));

        PlanMetrics metrics = PlanMetrics.of(Planner.rollingWindow(LINK, 2, PRE_COPY)
                .plan(graph, new int[] {1, 0}, sizes, AffinityRules.none()), graph);

        assertThat(metrics.maxStretch()).isZero();
        assertThat(metrics.worstPair()).isEmpty();
        assertThat(metrics.exposureBytes()).isZero();
        assertThat(metrics.crossWanCurve()).containsExactly(new RatePoint(0, 0));
        assertThat(metrics.makespan()).isCloseTo(4, within(EPS));
    }
}
