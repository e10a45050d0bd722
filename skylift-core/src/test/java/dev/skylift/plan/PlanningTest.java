package dev.skylift.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skylift.graph.CommGraph;
import dev.skylift.graph.VertexLabels;
import dev.skylift.order.OrderingOptions;
import dev.skylift.traffic.AffinityRules.Precedence;
import dev.skylift.traffic.HubTreatment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanningTest {

    // A chain of 12 application VMs, a hub "dir" moved first, "mon" last and "dns" excluded, all
    // three talking to everyone; the rule "app11 before app0" breaks any chain order starting at app0.
    private static final List<String> NAMES = names();
    private static final Map<String, HubTreatment> DECISIONS = Map.of("dir", HubTreatment.FIRST, "mon", HubTreatment.LAST,
            "dns", HubTreatment.EXCLUDE);

    private static List<String> names() {
        var names = new ArrayList<String>();
        for (int i = 0; i < 12; i++) {
            names.add("app" + i);
        }
        names.addAll(List.of("dir", "mon", "dns"));
        return List.copyOf(names);
    }

    private static CommGraph measured() {
        var builder = CommGraph.builder(NAMES.size());
        for (int i = 0; i + 1 < 12; i++) {
            builder.addEdge(i, i + 1, 5e9 * (1 + i % 3));
        }
        for (int hub = 12; hub < 15; hub++) {
            for (int v = 0; v < 12; v++) {
                builder.addEdge(hub, v, 1e8);
            }
        }
        return HubPlacement.measured(builder.build(VertexLabels.of(NAMES)), DECISIONS);
    }

    private static Planning.Result plan(CommGraph measured, Objective objective) {
        List<VmSize> sizes = NAMES.stream().map(name -> PlanFixtures.vm(name, 100 + 50L * (name.length() % 4), 100)).toList();
        var rules = PlanFixtures.rules(List.of(new Precedence("app11", "app0")), List.of());
        Planner planner = Planner.rollingWindow(PlanFixtures.LINK, 3, PlanFixtures.PRE_COPY);
        var options = new OrderingOptions(Duration.ofSeconds(2), 3).withIterationLimit(5_000);
        return Planning.plan(measured, DECISIONS, sizes, rules, planner, objective, "rcm", options);
    }

    @Test
    void plansEveryVmWithTheHubsInTheirPlacesAndNeverWorseThanTheEngine() {
        CommGraph measured = measured();

        Planning.Result result = plan(measured, Objective.EXPOSURE);

        MigrationPlan plan = result.planned().plan();
        List<String> order = plan.steps().stream().map(MigrationStep::vm).toList();
        assertThat(order).containsExactlyInAnyOrderElementsOf(NAMES);
        assertThat(order.get(0)).isEqualTo("dir");
        assertThat(order.subList(13, 15)).containsExactly("mon", "dns");
        assertThat(order.indexOf("app11")).isLessThan(order.indexOf("app0"));
        assertThat(plan.orderRepaired()).isFalse();
        assertThat(result.planned().metrics()).isEqualTo(PlanMetrics.of(plan, measured));
        assertThat(result.planned().metrics().exposureBytes()).isLessThanOrEqualTo(result.startValue());
        assertThat(result.total()).isEqualTo(result.orderTime().plus(result.searchTime()).plus(result.planTime())
                .plus(result.metricsTime()));
    }

    @Test
    void searchesTheStretchOfThePairsTheOrderDecides() {
        CommGraph measured = measured();

        Planning.Result result = plan(measured, Objective.STRETCH);

        MigrationPlan plan = result.planned().plan();
        assertThat(result.planned().metrics()).isEqualTo(PlanMetrics.of(plan, measured));
        assertThat(result.decided()).isEqualTo(PlanMetrics.of(plan, HubPlacement.decided(measured, DECISIONS)));
        // dir moves first and talks to every application VM: the longest split of all is one of its pairs,
        // the same for every order, while the order decides the application pairs' splits.
        PlanMetrics.Pair worst = result.planned().metrics().worstPair().orElseThrow();
        assertThat(List.of(worst.a(), worst.b())).containsAnyOf("dir", "mon");
        assertThat(result.decided().worstPair().orElseThrow()).satisfies(pair -> {
            assertThat(pair.a()).startsWith("app");
            assertThat(pair.b()).startsWith("app");
        });
        assertThat(result.decided().maxStretch()).isLessThanOrEqualTo(result.startValue())
                .isLessThan(result.planned().metrics().maxStretch());
    }
}
