package dev.skylift.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skylift.plan.MigrationPlan;
import dev.skylift.plan.MigrationStep;
import dev.skylift.traffic.AffinityRules;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every registered strategy, on seeded random small estates with before and together rules: each
 * VM moves once, no VM starts before every VM it must follow has cut over, a together group starts
 * at one instant, and no more VMs move at once than the concurrency allows.
 */
class StrategyPropertyTest {

    static IntStream seeds() {
        return IntStream.range(0, 60);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void noStrategyEverBreaksARule(int seed) {
        var estate = SimFixtures.random(new Random(seed));
        for (String name : Strategies.names()) {
            MigrationPlan plan = Strategies.byName(name).plan(estate.scenario(), 1000L + seed);
            assertObeysTheRules(name, plan, estate);
        }
    }

    private static void assertObeysTheRules(String strategy, MigrationPlan plan, SimFixtures.Estate estate) {
        List<String> names = estate.names();
        int n = names.size();
        assertThat(plan.steps()).as(strategy).hasSize(n);
        assertThat(plan.steps().stream().mapToInt(MigrationStep::vertex).sorted().toArray())
                .as("%s moves every VM once", strategy).containsExactly(IntStream.range(0, n).toArray());
        double[] start = new double[n];
        double[] cutover = new double[n];
        for (MigrationStep step : plan.steps()) {
            start[step.vertex()] = step.start();
            cutover[step.vertex()] = step.cutover();
        }
        AffinityRules rules = estate.scenario().rules();
        for (AffinityRules.Precedence rule : rules.before()) {
            assertThat(cutover[names.indexOf(rule.first())]).as("%s: %s cuts over before %s starts", strategy,
                    rule.first(), rule.then()).isLessThanOrEqualTo(start[names.indexOf(rule.then())]);
        }
        for (List<String> group : rules.together()) {
            for (String vm : group) {
                assertThat(start[names.indexOf(vm)]).as("%s: %s starts with its group %s", strategy, vm, group)
                        .isEqualTo(start[names.indexOf(group.get(0))]);
            }
        }
        for (int v = 0; v < n; v++) {
            int holding = 0;
            for (int u = 0; u < n; u++) {
                if (start[u] <= start[v] && start[v] < cutover[u]) {
                    holding++;
                }
            }
            assertThat(holding).as("%s: VMs moving at %s s", strategy, start[v]).isLessThanOrEqualTo(estate.concurrency());
        }
    }
}
