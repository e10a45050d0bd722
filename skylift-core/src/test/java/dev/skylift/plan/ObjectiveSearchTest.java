package dev.skylift.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skylift.graph.CommGraph;
import dev.skylift.graph.VertexLabels;
import dev.skylift.order.OrderingOptions;
import dev.skylift.traffic.AffinityRules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ObjectiveSearchTest {

    /** Bounded by iterations, never by the clock: reproducible on any machine. */
    private static final OrderingOptions BY_ITERATIONS =
            new OrderingOptions(Duration.ofMinutes(5), 7).withIterationLimit(20_000);

    static IntStream seeds() {
        return IntStream.range(0, 60);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void neverWorseThanTheStartAndObeysTheRules(int seed) {
        var random = new Random(seed);
        var estate = RandomEstate.of(random);
        int[] start = RandomEstate.shuffled(estate.names().size(), random);
        Objective objective = Objective.values()[seed % 3];
        Planner planner = seed % 2 == 0
                ? Planner.rollingWindow(estate.wan(), estate.concurrency(), estate.preCopy())
                : Planner.waves(estate.wan(), estate.concurrency(), estate.preCopy());

        int[] improved = ObjectiveSearch.improve(estate.graph(), start, estate.sizes(), planner, estate.rules(),
                objective, BY_ITERATIONS.withSeed(seed).withIterationLimit(3_000));

        assertThat(improved).containsExactlyInAnyOrder(IntStream.range(0, estate.names().size()).toArray());
        MigrationPlan plan = planner.plan(estate.graph(), improved, estate.sizes(), estate.rules());
        assertThat(plan.orderRepaired()).as("the order already obeys the rules").isFalse();
        int[] position = new int[improved.length];
        for (int i = 0; i < improved.length; i++) {
            position[improved[i]] = i;
        }
        for (AffinityRules.Precedence rule : estate.rules().before()) {
            assertThat(position[estate.names().indexOf(rule.first())])
                    .isLessThan(position[estate.names().indexOf(rule.then())]);
        }
        for (List<String> group : estate.rules().together()) {
            int[] places = group.stream().mapToInt(vm -> position[estate.names().indexOf(vm)]).sorted().toArray();
            assertThat(places[places.length - 1] - places[0]).as("%s contiguous", group).isEqualTo(places.length - 1);
        }
        double before = objective.of(PlanMetrics.of(planner.plan(estate.graph(), start, estate.sizes(),
                estate.rules()), estate.graph()));
        double after = objective.of(PlanMetrics.of(plan, estate.graph()));
        assertThat(after).isLessThanOrEqualTo(before);
    }

    /**
     * A VM whose memory is dirtied just below a k-th of the WAN barely converges while the window is
     * full and converges at once where it drains: its neighbourhood belongs at the end. From an
     * order that starts with it, the stretch search must find a plan at least as good as the one
     * that moves the VM and its neighbours last (which is far better than the start).
     */
    private static final int NEAR = 6;

    @Test
    void stretchSearchTakesASlowConvergingVmAndItsNeighboursToWhereTheWindowDrains() {
        var names = new ArrayList<String>();
        var sizes = new ArrayList<VmSize>();
        names.add("slow");
        sizes.add(new VmSize("slow", 8_000 * PlanFixtures.MB, 20_000 * PlanFixtures.MB, 49 * PlanFixtures.MB));
        for (int i = 1; i <= NEAR; i++) {
            names.add("near" + i);
            sizes.add(PlanFixtures.vm("near" + i, 1_000, 1_000));
        }
        for (int i = 1; i <= 10; i++) {
            names.add("far" + i);
            sizes.add(PlanFixtures.vm("far" + i, 2_000, 1_000));
        }
        var builder = CommGraph.builder(names.size());
        for (int i = 0; i <= NEAR; i++) {
            for (int j = i + 1; j <= NEAR; j++) {
                builder.addEdge(i, j, 1_000);
            }
        }
        for (int i = NEAR + 1; i + 1 < names.size(); i++) {
            builder.addEdge(i, i + 1, 1_000);
        }
        builder.addEdge(names.size() - 1, 1, 1_000);
        CommGraph graph = builder.build(VertexLabels.of(names));
        Planner planner = Planner.rollingWindow(PlanFixtures.LINK, 2, PlanFixtures.PRE_COPY);
        AffinityRules rules = AffinityRules.none();
        int[] slowFirst = IntStream.range(0, names.size()).toArray();
        int[] slowLast = IntStream.concat(IntStream.range(NEAR + 1, names.size()),
                IntStream.rangeClosed(0, NEAR).map(i -> NEAR - i)).toArray();
        double start = stretch(graph, planner, sizes, rules, slowFirst);
        double known = stretch(graph, planner, sizes, rules, slowLast);

        int[] searched = ObjectiveSearch.improve(graph, slowFirst, sizes, planner, rules, Objective.STRETCH,
                BY_ITERATIONS);

        assertThat(known).as("the known plan is far better than the start").isLessThan(0.5 * start);
        assertThat(stretch(graph, planner, sizes, rules, searched)).isLessThanOrEqualTo(known);
    }

    private static double stretch(CommGraph graph, Planner planner, List<VmSize> sizes, AffinityRules rules, int[] order) {
        return PlanMetrics.of(planner.plan(graph, order, sizes, rules), graph).maxStretch();
    }

    @Test
    void sameSeedAndIterationLimitGiveTheSameOrder() {
        var estate = RandomEstate.of(new Random(11));
        int[] start = RandomEstate.shuffled(estate.names().size(), new Random(12));
        Planner planner = Planner.rollingWindow(estate.wan(), estate.concurrency(), estate.preCopy());

        for (Objective objective : Objective.values()) {
            int[] first = ObjectiveSearch.improve(estate.graph(), start, estate.sizes(), planner, estate.rules(),
                    objective, BY_ITERATIONS);
            int[] second = ObjectiveSearch.improve(estate.graph(), start, estate.sizes(), planner, estate.rules(),
                    objective, BY_ITERATIONS);
            assertThat(second).as(objective.label()).containsExactly(first);
        }
    }

    @Test
    void improvesExposureWhenTheStartSplitsEveryPair() {
        // 20 pairs (2i, 2i+1) of heavy talkers, equal sizes, one VM at a time. The start moves every even
        // VM first and every odd one after, so each pair is split for half the migration; placing the
        // partners next to each other shortens every split to one VM's move.
        int n = 40;
        SplitPairs pairs = SplitPairs.of(n);
        CommGraph graph = pairs.graph();
        List<VmSize> sizes = pairs.sizes();
        int[] start = pairs.start();
        Planner planner = Planner.rollingWindow(PlanFixtures.LINK, 1, PlanFixtures.PRE_COPY);

        int[] improved = ObjectiveSearch.improve(graph, start, sizes, planner, AffinityRules.none(),
                Objective.EXPOSURE, BY_ITERATIONS);

        double before = pairs.exposure(planner, start);
        double after = pairs.exposure(planner, improved);
        // Each pair alone is split 20 VM moves of 2 s in the start; 2 s when the partners are adjacent.
        assertThat(after).isLessThan(before / 4);
    }

    @Test
    void pinnedVmsKeepTheirPlaces() {
        // The same badly split pairs, with vm0 pinned first and vm1 pinned last: every other VM may move.
        int n = 40;
        SplitPairs pairs = SplitPairs.of(n);
        CommGraph graph = pairs.graph();
        List<VmSize> sizes = pairs.sizes();
        int[] start = pairs.start();
        Planner planner = Planner.rollingWindow(PlanFixtures.LINK, 2, PlanFixtures.PRE_COPY);

        int[] improved = ObjectiveSearch.improve(graph, start, sizes, planner, AffinityRules.none(),
                Objective.EXPOSURE, BY_ITERATIONS, Set.of("vm0", "vm39"));

        assertThat(improved[0]).isZero();
        assertThat(improved[n - 1]).isEqualTo(39);
        double before = pairs.exposure(planner, start);
        double after = pairs.exposure(planner, improved);
        assertThat(after).isLessThan(before / 2);
    }

    @Test
    void keepsAnOrderItCannotImproveAsItIs() {
        var graph = PlanFixtures.noEdges("a", "b", "c");
        var sizes = List.of(PlanFixtures.vm("a", 1, 1), PlanFixtures.vm("b", 1, 1), PlanFixtures.vm("c", 1, 1));
        Planner planner = Planner.rollingWindow(PlanFixtures.LINK, 2, PlanFixtures.PRE_COPY);

        int[] improved = ObjectiveSearch.improve(graph, new int[] {2, 0, 1}, sizes, planner, AffinityRules.none(),
                Objective.PEAK, BY_ITERATIONS.withIterationLimit(100));

        assertThat(improved).containsExactly(2, 0, 1);
    }

    /**
     * n/2 pairs (2i, 2i+1) of heavy talkers of equal size, and a start that moves every even VM first
     * and every odd one after, so each pair is split for half the migration.
     */
    private record SplitPairs(CommGraph graph, List<VmSize> sizes, int[] start) {

        static SplitPairs of(int n) {
            var names = new ArrayList<String>();
            var sizes = new ArrayList<VmSize>();
            for (int v = 0; v < n; v++) {
                names.add("vm" + v);
                sizes.add(PlanFixtures.vm("vm" + v, 100, 100));
            }
            var builder = CommGraph.builder(n);
            for (int i = 0; i < n; i += 2) {
                builder.addEdge(i, i + 1, 1e9);
            }
            int[] start = IntStream.concat(IntStream.range(0, n / 2).map(i -> 2 * i),
                    IntStream.range(0, n / 2).map(i -> 2 * i + 1)).toArray();
            return new SplitPairs(builder.build(VertexLabels.of(names)), sizes, start);
        }

        /** The exposure of {@code order} planned by {@code planner}, without rules. */
        double exposure(Planner planner, int[] order) {
            return PlanMetrics.of(planner.plan(graph, order, sizes, AffinityRules.none()), graph).exposureBytes();
        }
    }
}
