package dev.skylift.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.skylift.graph.CommGraph;
import dev.skylift.graph.VertexLabels;
import dev.skylift.traffic.AffinityRules;
import dev.skylift.traffic.AffinityRules.Precedence;
import java.time.Duration;
import java.util.ArrayList;
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

    private static final long MB = 1_000_000;

    static IntStream seeds() {
        return IntStream.range(0, 300);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void noPlanEverBreaksARule(int seed) {
        var random = new Random(seed);
        var estate = Estate.random(random);
        int[] order = shuffled(estate.names.size(), random);

        MigrationPlan plan = Planner.rollingWindow(estate.wan, estate.concurrency, estate.preCopy)
                .plan(estate.graph, order, estate.sizes, estate.rules);

        assertObeysTheRules(plan, estate);
        assertThat(plan.orderRepaired()).isEqualTo(!Arrays.equals(order, plan.order()));
        assertThat(plan.makespan()).isGreaterThanOrEqualTo(plan.makespanLowerBound() * (1 - 1e-9));
        PlanMetrics metrics = PlanMetrics.of(plan, estate.graph);
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
        var estate = Estate.random(random);

        MigrationPlan plan = Planner.rollingWindow(estate.wan, estate.concurrency, estate.preCopy)
                .plan(estate.graph, estate.hidden, estate.sizes, estate.rules);

        assertThat(plan.orderRepaired()).isFalse();
        assertThat(plan.order()).containsExactly(estate.hidden);
        assertObeysTheRules(plan, estate);
    }

    private static void assertObeysTheRules(MigrationPlan plan, Estate estate) {
        int n = estate.names.size();
        assertThat(plan.steps()).hasSize(n);
        double[] start = new double[n];
        double[] cutover = new double[n];
        for (MigrationStep step : plan.steps()) {
            start[step.vertex()] = step.start();
            cutover[step.vertex()] = step.cutover();
            assertThat(step.cutover()).isGreaterThan(step.start());
            assertThat(step.downtime()).isGreaterThanOrEqualTo(0);
            assertThat(step.bytesSent()).isGreaterThanOrEqualTo(estate.sizes.get(step.vertex()).totalBytes() * (1 - 1e-9));
        }
        for (Precedence rule : estate.rules.before()) {
            int a = estate.names.indexOf(rule.first());
            int b = estate.names.indexOf(rule.then());
            assertThat(cutover[a]).as("%s cuts over no later than %s starts", rule.first(), rule.then())
                    .isLessThanOrEqualTo(start[b]);
        }
        for (List<String> group : estate.rules.together()) {
            double first = start[estate.names.indexOf(group.get(0))];
            for (String vm : group) {
                assertThat(start[estate.names.indexOf(vm)]).as("%s starts with its group %s", vm, group)
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
            assertThat(holding).isLessThanOrEqualTo(estate.concurrency);
        }
        // Starts follow the plan's order.
        for (int i = 1; i < n; i++) {
            assertThat(plan.steps().get(i).start()).isGreaterThanOrEqualTo(plan.steps().get(i - 1).start());
        }
    }

    private static int[] shuffled(int n, Random random) {
        int[] order = IntStream.range(0, n).toArray();
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    private record Estate(List<String> names, CommGraph graph, List<VmSize> sizes, AffinityRules rules, int[] hidden,
                          WanModel wan, int concurrency, PreCopy preCopy) {

        static Estate random(Random random) {
            int n = 2 + random.nextInt(24);
            int k = 1 + random.nextInt(4);
            var names = new ArrayList<String>();
            var sizes = new ArrayList<VmSize>();
            for (int v = 0; v < n; v++) {
                names.add("vm" + v);
                long memory = (1 + random.nextInt(64)) * 64 * MB;
                long disk = random.nextInt(4) == 0 ? 0 : random.nextInt(2000) * MB;
                double dirty = random.nextInt(3) == 0 ? 0 : random.nextDouble() * 80 * MB;
                sizes.add(new VmSize("vm" + v, memory, disk, dirty));
            }
            var builder = CommGraph.builder(n);
            for (int e = random.nextInt(3 * n); e > 0; e--) {
                builder.addEdge(random.nextInt(n), random.nextInt(n), random.nextInt(1_000_000));
            }
            CommGraph graph = builder.build(VertexLabels.of(names));
            // The hidden order cut into blocks of 1..k VMs; blocks of two or more move together.
            int[] hidden = shuffled(n, random);
            int[] block = new int[n];
            var together = new ArrayList<List<String>>();
            for (int i = 0, b = 0; i < n; b++) {
                int length = random.nextInt(3) == 0 ? Math.min(n - i, 1 + random.nextInt(k)) : 1;
                var members = new ArrayList<String>();
                for (int j = 0; j < length; j++, i++) {
                    block[hidden[i]] = b;
                    members.add(names.get(hidden[i]));
                }
                if (length > 1) {
                    together.add(members);
                }
            }
            var before = new ArrayList<Precedence>();
            for (int r = random.nextInt(2 * n); r > 0; r--) {
                int i = random.nextInt(n);
                int j = random.nextInt(n);
                int a = hidden[Math.min(i, j)];
                int b = hidden[Math.max(i, j)];
                if (block[a] != block[b]) {
                    before.add(new Precedence(names.get(a), names.get(b)));
                }
            }
            var wan = WanModel.of((10 + random.nextInt(200)) * MB, Duration.ofMillis(random.nextInt(100)));
            if (random.nextBoolean()) {
                wan = wan.withStreamCap((5 + random.nextInt(100)) * MB);
            }
            var preCopy = new PreCopy(Duration.ofMillis(random.nextInt(500)), random.nextInt(10));
            return new Estate(names, graph, sizes, PlanFixtures.rules(before, together), hidden, wan, k, preCopy);
        }
    }
}
