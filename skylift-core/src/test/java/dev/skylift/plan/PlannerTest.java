package dev.skylift.plan;

import static dev.skylift.plan.PlanFixtures.LINK;
import static dev.skylift.plan.PlanFixtures.PRE_COPY;
import static dev.skylift.plan.PlanFixtures.vm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.skylift.graph.CommGraph;
import dev.skylift.inventory.Vm;
import dev.skylift.traffic.AffinityRules;
import dev.skylift.traffic.AffinityRules.Precedence;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class PlannerTest {

    private static final List<VmSize> FOUR = List.of(vm("a", 100, 100), vm("b", 100, 100), vm("c", 100, 100),
            vm("d", 100, 100));
    private static final CommGraph ABCD = PlanFixtures.noEdges("a", "b", "c", "d");

    @Test
    void repairsAnOrderThatBreaksABeforeRuleByMovingAsLittleAsItMust() {
        // Order d, c, b, a with "a before c": a is pulled up just ahead of c; d and b keep their places.
        var rules = PlanFixtures.rules(List.of(new Precedence("a", "c")), List.of());

        MigrationPlan plan = Planner.rollingWindow(LINK, 1, PRE_COPY).plan(ABCD, new int[] {3, 2, 1, 0}, FOUR, rules);

        assertThat(plan.orderRepaired()).isTrue();
        assertThat(plan.steps()).extracting(MigrationStep::vm).containsExactly("d", "b", "a", "c");
    }

    @Test
    void aBeforeRuleHoldsTheNextVmUntilItsPredecessorHasCutOver() {
        // k = 2, "a before b": a alone sends 200 MB at 100 MB/s and cuts over at 2 s; b waits for it
        // although a slot is free, and c waits behind b in order.
        // t=2: b and c share the link: 200 MB each at 50 MB/s = 4 s: both cut over at 6 s.
        // t=6: d alone: 2 s -> 8 s.
        var rules = PlanFixtures.rules(List.of(new Precedence("a", "b")), List.of());

        MigrationPlan plan = Planner.rollingWindow(LINK, 2, PRE_COPY).plan(ABCD, new int[] {0, 1, 2, 3}, FOUR, rules);

        assertThat(plan.orderRepaired()).isFalse();
        assertThat(plan.steps()).extracting(MigrationStep::start).containsExactly(0.0, 2.0, 2.0, 6.0);
        assertThat(plan.makespan()).isCloseTo(8, within(1e-9));
    }

    @Test
    void aTogetherGroupStartsAtOneInstantAndMovesUpToItsFirstMember() {
        // Order a, c, b, d with b and d together, k = 2: the group sits where b was (b, d contiguous).
        // a and c share the link: both cut over at 4 s; then b and d start together at 4 s.
        var rules = PlanFixtures.rules(List.of(), List.of(List.of("d", "b")));

        MigrationPlan plan = Planner.rollingWindow(LINK, 2, PRE_COPY).plan(ABCD, new int[] {0, 2, 1, 3}, FOUR, rules);

        assertThat(plan.orderRepaired()).isFalse();
        assertThat(plan.steps()).extracting(MigrationStep::vm).containsExactly("a", "c", "b", "d");
        assertThat(plan.steps()).extracting(MigrationStep::start).containsExactly(0.0, 0.0, 4.0, 4.0);

        MigrationPlan apart = Planner.rollingWindow(LINK, 2, PRE_COPY).plan(ABCD, new int[] {1, 0, 2, 3}, FOUR, rules);

        assertThat(apart.orderRepaired()).isTrue();
        assertThat(apart.steps()).extracting(MigrationStep::vm).containsExactly("b", "d", "a", "c");
    }

    @Test
    void refusesRulesNoOrderCanObey() {
        var planner = Planner.rollingWindow(LINK, 2, PRE_COPY);
        int[] order = {0, 1, 2, 3};

        assertThatThrownBy(() -> planner.plan(ABCD, order, FOUR, PlanFixtures.rules(
                List.of(new Precedence("a", "b"), new Precedence("b", "c"), new Precedence("c", "a")), List.of())))
                .hasMessageContaining("cycle").hasMessageContaining("a").hasMessageContaining("before list");
        assertThatThrownBy(() -> planner.plan(ABCD, order, FOUR, PlanFixtures.rules(
                List.of(new Precedence("a", "b")), List.of(List.of("a", "b")))))
                .hasMessageContaining("a must move before b").hasMessageContaining("Drop one");
        assertThatThrownBy(() -> planner.plan(ABCD, order, FOUR, PlanFixtures.rules(
                List.of(), List.of(List.of("a", "b", "c")))))
                .hasMessageContaining("[a, b, c] has 3 VMs but only 2").hasMessageContaining("Raise the concurrency");
        assertThatThrownBy(() -> planner.plan(ABCD, order, FOUR, PlanFixtures.rules(
                List.of(new Precedence("a", "zz")), List.of())))
                .hasMessageContaining("VM zz, which is not in the graph");
    }

    @Test
    void refusesInputsThatDoNotFitTheGraph() {
        var planner = Planner.rollingWindow(LINK, 1, PRE_COPY);

        assertThatThrownBy(() -> planner.plan(ABCD, new int[] {0, 1, 2}, FOUR, AffinityRules.none()))
                .hasMessageContaining("3 vertices but the graph has 4");
        assertThatThrownBy(() -> planner.plan(ABCD, new int[] {0, 1, 1, 3}, FOUR, AffinityRules.none()))
                .hasMessageContaining("not a permutation");
        assertThatThrownBy(() -> planner.plan(ABCD, new int[] {0, 1, 2, 3}, FOUR.subList(0, 3), AffinityRules.none()))
                .hasMessageContaining("VM d is in the graph but has no size");
        assertThatThrownBy(() -> Planner.rollingWindow(LINK, 0, PRE_COPY))
                .hasMessageContaining("concurrency 0");
    }

    @Test
    void takesSizesFromTheInventoryInBytes() {
        var vm = new Vm("db", List.of("10.0.0.1"), "node1", 2048, 1.5, OptionalDouble.of(8), List.of(),
                Optional.empty(), Map.of());
        var unknownDirty = new Vm("web", List.of("10.0.0.2"), "node1", 512, 0, OptionalDouble.empty(), List.of(),
                Optional.empty(), Map.of());

        assertThat(VmSize.of(vm)).isEqualTo(new VmSize("db", 2048L << 20, 1536L << 20, 8 << 20));
        assertThat(VmSize.of(unknownDirty).dirtyBytesPerSecond()).isZero();
        assertThat(VmSize.of(unknownDirty, 1e6).dirtyBytesPerSecond()).isEqualTo(1e6);
    }
}
