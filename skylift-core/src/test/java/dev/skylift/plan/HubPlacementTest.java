package dev.skylift.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skylift.graph.CommGraph;
import dev.skylift.graph.VertexLabels;
import dev.skylift.traffic.AffinityRules;
import dev.skylift.traffic.HubTreatment;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HubPlacementTest {

    // dns talks to everyone (moved first), backup too (last), monitor too (excluded); a, b, c talk in a chain.
    private static final List<String> NAMES = List.of("a", "dns", "b", "backup", "monitor", "c");
    private static final Map<String, HubTreatment> DECISIONS = Map.of("dns", HubTreatment.FIRST,
            "backup", HubTreatment.LAST, "monitor", HubTreatment.EXCLUDE, "a", HubTreatment.ORDER);

    private static CommGraph full() {
        var builder = CommGraph.builder(NAMES.size());
        for (int hub : new int[] {1, 3, 4}) {
            for (int v = 0; v < NAMES.size(); v++) {
                builder.addEdge(hub, v, 10);
            }
        }
        return builder.addEdge(0, 2, 100).addEdge(2, 5, 100).build(VertexLabels.of(NAMES));
    }

    private static CommGraph ordered() {
        return CommGraph.builder(3).addEdge(0, 1, 100).addEdge(1, 2, 100).build(VertexLabels.of("a", "b", "c"));
    }

    @Test
    void everyVmIsPlannedWithTheHubsAroundTheOrderedOnes() {
        int[] order = HubPlacement.fullOrder(full(), ordered(), new int[] {2, 1, 0}, DECISIONS);

        assertThat(Arrays.stream(order).mapToObj(NAMES::get)).containsExactly("dns", "c", "b", "a", "backup", "monitor");

        CommGraph measured = HubPlacement.measured(full(), DECISIONS);
        MigrationPlan plan = Planner.rollingWindow(PlanFixtures.LINK, 2, PlanFixtures.PRE_COPY).plan(measured, order,
                NAMES.stream().map(name -> PlanFixtures.vm(name, 10, 10)).toList(), AffinityRules.none());
        assertThat(plan.steps()).extracting(MigrationStep::vm).containsExactly("dns", "c", "b", "a", "backup", "monitor");
    }

    @Test
    void anExcludedHubsPairsAreNotMeasured() {
        CommGraph measured = HubPlacement.measured(full(), DECISIONS);

        assertThat(measured.vertexCount()).isEqualTo(6);
        assertThat(measured.degree(4)).as("monitor").isZero();
        assertThat(measured.hasEdge(1, 3)).as("dns and backup still talk").isTrue();
        assertThat(measured.edgeCount()).isEqualTo(full().edgeCount() - 5);
    }

    @Test
    void theOrderDecidesOnlyThePairsAmongTheVmsLeftToIt() {
        CommGraph decided = HubPlacement.decided(full(), DECISIONS);

        assertThat(decided.vertexCount()).isEqualTo(NAMES.size());
        for (int v = 0; v < NAMES.size(); v++) {
            assertThat(decided.labels().label(v)).isEqualTo(NAMES.get(v));
        }
        assertThat(decided.edgeCount()).isEqualTo(2);
        assertThat(decided.hasEdge(0, 2)).as("a - b").isTrue();
        assertThat(decided.hasEdge(2, 5)).as("b - c").isTrue();
        for (int hub : new int[] {1, 3, 4}) {
            assertThat(decided.degree(hub)).as(NAMES.get(hub)).isZero();
        }
    }

    @Test
    void refusesDecisionsThatDoNotFitTheGraphs() {
        assertThatThrownBy(() -> HubPlacement.fullOrder(full(), ordered(), new int[] {0, 1, 2},
                Map.of("dns", HubTreatment.FIRST))).hasMessageContaining("cover 4 VMs but the estate has 6");
        assertThatThrownBy(() -> HubPlacement.measured(full(), Map.of("ntp", HubTreatment.EXCLUDE)))
                .hasMessageContaining("ntp");
    }
}
