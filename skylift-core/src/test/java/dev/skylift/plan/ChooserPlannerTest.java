package dev.skylift.plan;

import static dev.skylift.plan.PlanFixtures.LINK;
import static dev.skylift.plan.PlanFixtures.PRE_COPY;
import static dev.skylift.plan.PlanFixtures.vm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.skylift.graph.CommGraph;
import dev.skylift.traffic.AffinityRules;
import dev.skylift.traffic.AffinityRules.Precedence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The planner driven by a {@link NextVm} chooser: the same timeline as a fixed order, and every answer checked. */
class ChooserPlannerTest {

    private static final List<VmSize> FOUR = List.of(vm("a", 100, 100), vm("b", 300, 100), vm("c", 100, 100),
            vm("d", 100, 500));
    private static final CommGraph ABCD = PlanFixtures.noEdges("a", "b", "c", "d");

    /** Hands out single VMs in a fixed sequence, one per call, and records what it is told. */
    private static final class Sequence implements NextVm {
        private final int[] order;
        private int next;
        final Map<Integer, Double> cutovers = new HashMap<>();
        final List<Double> askedAt = new ArrayList<>();

        Sequence(int... order) {
            this.order = order;
        }

        @Override
        public int[] next(double time, int freeSlots) {
            askedAt.add(time);
            return next < order.length ? new int[] {order[next++]} : new int[0];
        }

        @Override
        public void cutOver(int vertex, double time) {
            cutovers.put(vertex, time);
        }
    }

    @Test
    void aChooserHandingOutAnOrderGivesThatOrdersPlanAndIsToldEveryCutover() {
        Planner planner = Planner.rollingWindow(LINK, 2, PRE_COPY);
        var chooser = new Sequence(2, 0, 3, 1);

        MigrationPlan chosen = planner.plan(ABCD, chooser, FOUR, AffinityRules.none());
        MigrationPlan ordered = planner.plan(ABCD, new int[] {2, 0, 3, 1}, FOUR, AffinityRules.none());

        assertThat(chosen.steps()).isEqualTo(ordered.steps());
        assertThat(chosen.makespan()).isEqualTo(ordered.makespan());
        for (MigrationStep step : chosen.steps()) {
            assertThat(chooser.cutovers.get(step.vertex())).isCloseTo(step.cutover(), within(1e-12));
        }
        // Asked at 0 (twice: two slots), then whenever a slot freed.
        assertThat(chooser.askedAt.subList(0, 2)).containsExactly(0.0, 0.0);
    }

    @Test
    void aChooserThatStartsAVmBeforeItsPredecessorCutsOverFailsThePlan() {
        var rules = PlanFixtures.rules(List.of(new Precedence("a", "b")), List.of());

        assertThatThrownBy(() -> Planner.rollingWindow(LINK, 2, PRE_COPY).plan(ABCD, new Sequence(0, 1, 2, 3), FOUR, rules))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("[b]").hasMessageContaining("must wait for a VM that has not cut over");
    }

    @Test
    void aChooserThatSplitsATogetherGroupFailsThePlan() {
        var rules = PlanFixtures.rules(List.of(), List.of(List.of("a", "c")));

        assertThatThrownBy(() -> Planner.rollingWindow(LINK, 2, PRE_COPY).plan(ABCD, new Sequence(0, 2, 1, 3), FOUR, rules))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not a whole together group");
    }

    @Test
    void aChooserThatStartsAVmTwiceFailsThePlan() {
        assertThatThrownBy(() -> Planner.rollingWindow(LINK, 2, PRE_COPY)
                .plan(ABCD, new Sequence(0, 0, 1, 2), FOUR, AffinityRules.none()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("twice");
    }

    @Test
    void aChooserThatStopsStartingVmsStallsThePlanWithAMessage() {
        assertThatThrownBy(() -> Planner.rollingWindow(LINK, 2, PRE_COPY)
                .plan(ABCD, new Sequence(0, 1), FOUR, AffinityRules.none()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("stalled").hasMessageContaining("2 VMs left");
    }
}
