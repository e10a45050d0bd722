package dev.skylift.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.skylift.traffic.AffinityRules.Precedence;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random estates, rules and orders, seeded: whatever order comes in, no plan starts a VM before every
 * VM it must follow has cut over, every together group starts at one instant, and no more than k VMs
 * move at once. Rules are drawn consistent with a hidden order (so some order obeys them all).
 */
class PrecedencePropertyTest {

    static IntStream seeds() {
        return IntStream.range(0, 300);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void noPlanEverBreaksARule(int seed) {
        var random = new Random(seed);
        var estate = RandomEstate.of(random);
        int[] order = RandomEstate.shuffled(estate.names().size(), random);

        MigrationPlan plan = Planner.rollingWindow(estate.wan(), estate.concurrency(), estate.preCopy())
                .plan(estate.graph(), order, estate.sizes(), estate.rules());

        assertObeysTheRules(plan, estate);
        assertThat(plan.orderRepaired()).isEqualTo(!Arrays.equals(order, plan.order()));
        assertThat(plan.makespan()).isGreaterThanOrEqualTo(plan.makespanLowerBound() * (1 - 1e-9));
        PlanMetrics metrics = PlanMetrics.of(plan, estate.graph());
        assertThat(metrics.exposureBytes()).isGreaterThanOrEqualTo(0);
        var curve = metrics.crossWanCurve();
        assertThat(curve.get(curve.size() - 1).rate()).isZero();
        // The curve's integral is the exposure: the same bytes counted per instant instead of per pair.
        double integral = 0;
        for (int i = 0; i + 1 < curve.size(); i++) {
            integral += curve.get(i).rate() * (curve.get(i + 1).time() - curve.get(i).time());
        }
        assertThat(integral).isCloseTo(metrics.exposureBytes(), within(1e-6 * (1 + metrics.exposureBytes())));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void anOrderThatObeysTheRulesIsLeftAsItIs(int seed) {
        var random = new Random(seed);
        var estate = RandomEstate.of(random);

        MigrationPlan plan = Planner.rollingWindow(estate.wan(), estate.concurrency(), estate.preCopy())
                .plan(estate.graph(), estate.hidden(), estate.sizes(), estate.rules());

        assertThat(plan.orderRepaired()).isFalse();
        assertThat(plan.order()).containsExactly(estate.hidden());
        assertObeysTheRules(plan, estate);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void wavesObeyTheRulesAndNeverOverlap(int seed) {
        var random = new Random(seed);
        var estate = RandomEstate.of(random);
        int[] order = RandomEstate.shuffled(estate.names().size(), random);

        MigrationPlan plan = Planner.waves(estate.wan(), estate.concurrency(), estate.preCopy())
                .plan(estate.graph(), order, estate.sizes(), estate.rules());

        assertObeysTheRules(plan, estate);
        int n = estate.names().size();
        int[] wave = new int[n];
        double[] waveStart = new double[n + 1];
        double[] waveEnd = new double[n + 1];
        Arrays.fill(waveStart, Double.NaN);
        for (MigrationStep step : plan.steps()) {
            int w = step.wave().orElseThrow();
            wave[step.vertex()] = w;
            if (Double.isNaN(waveStart[w])) {
                waveStart[w] = step.start();
            }
            assertThat(step.start()).as("every VM of wave %d starts with it", w).isEqualTo(waveStart[w]);
            waveEnd[w] = Math.max(waveEnd[w], step.cutover());
        }
        for (int w = 1; w <= n && !Double.isNaN(waveStart[w]); w++) {
            assertThat(waveStart[w]).as("wave %d starts once wave %d has cut over", w, w - 1)
                    .isGreaterThanOrEqualTo(waveEnd[w - 1]);
        }
        for (Precedence rule : estate.rules().before()) {
            assertThat(wave[estate.names().indexOf(rule.first())])
                    .isLessThan(wave[estate.names().indexOf(rule.then())]);
        }
    }

    private static void assertObeysTheRules(MigrationPlan plan, RandomEstate estate) {
        int n = estate.names().size();
        assertThat(plan.steps()).hasSize(n);
        double[] start = new double[n];
        double[] cutover = new double[n];
        for (MigrationStep step : plan.steps()) {
            start[step.vertex()] = step.start();
            cutover[step.vertex()] = step.cutover();
            assertThat(step.cutover()).isGreaterThan(step.start());
            assertThat(step.downtime()).isGreaterThanOrEqualTo(0);
            assertThat(step.bytesSent()).isGreaterThanOrEqualTo(estate.sizes().get(step.vertex()).totalBytes() * (1 - 1e-9));
        }
        for (Precedence rule : estate.rules().before()) {
            int a = estate.names().indexOf(rule.first());
            int b = estate.names().indexOf(rule.then());
            assertThat(cutover[a]).as("%s cuts over no later than %s starts", rule.first(), rule.then())
                    .isLessThanOrEqualTo(start[b]);
        }
        for (List<String> group : estate.rules().together()) {
            double first = start[estate.names().indexOf(group.get(0))];
            for (String vm : group) {
                assertThat(start[estate.names().indexOf(vm)]).as("%s starts with its group %s", vm, group)
                        .isEqualTo(first);
            }
        }
        // At every start, count the VMs holding a slot: started and not yet cut over.
        for (int v = 0; v < n; v++) {
            int holding = 0;
            for (int u = 0; u < n; u++) {
                if (start[u] <= start[v] && start[v] < cutover[u]) {
                    holding++;
                }
            }
            assertThat(holding).isLessThanOrEqualTo(estate.concurrency());
        }
        // Starts follow the plan's order.
        for (int i = 1; i < n; i++) {
            assertThat(plan.steps().get(i).start()).isGreaterThanOrEqualTo(plan.steps().get(i - 1).start());
        }
    }
}
