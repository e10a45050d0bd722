package dev.skylift.app.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skylift.graph.CommGraph;
import dev.skylift.plan.MigrationPlan;
import dev.skylift.plan.PlanMetrics;
import dev.skylift.sim.Spread;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportModelTest {

    private final CommGraph graph = ReportFixtures.graph(List.of("a", "b", "c", "d", "e"));
    private final MigrationPlan plan = ReportFixtures.plan(graph, ReportFixtures.identity(5), 2);
    private final PlanMetrics metrics = PlanMetrics.of(plan, graph);

    @Test
    void aDeterministicStrategysSpreadsAreItsMetricsAndARandomizedOnesAreOverItsRuns() {
        var deterministic = ReportModel.Strategy.deterministic("rcm", plan, metrics);
        MigrationPlan other = ReportFixtures.plan(graph, ReportFixtures.reversed(5), 1);
        PlanMetrics otherMetrics = PlanMetrics.of(other, graph);
        var randomized = ReportModel.Strategy.randomized("random", plan, metrics, List.of(metrics, otherMetrics));

        assertThat(deterministic.maxStretch()).isEqualTo(Spread.of(metrics.maxStretch()));
        assertThat(deterministic.exposure().median()).isEqualTo(metrics.exposureBytes());
        assertThat(deterministic.peak().max()).isEqualTo(metrics.peakRate());
        assertThat(deterministic.makespan().min()).isEqualTo(metrics.makespan());
        assertThat(deterministic.runs()).isEqualTo(1);
        assertThat(randomized.runs()).isEqualTo(2);
        assertThat(randomized.makespan().min()).isEqualTo(Math.min(metrics.makespan(), otherMetrics.makespan()));
        assertThat(randomized.makespan().max()).isEqualTo(Math.max(metrics.makespan(), otherMetrics.makespan()));
        assertThat(randomized.makespan().median()).isEqualTo((metrics.makespan() + otherMetrics.makespan()) / 2);
    }

    @Test
    void aModelNamingAnUnknownBestARepeatedStrategyOrAPlanOfAnotherGraphIsRefused() {
        var rcm = ReportModel.Strategy.deterministic("rcm", plan, metrics);
        var estate = ReportModel.Estate.of("test", graph, List.of());
        CommGraph bigger = ReportFixtures.graph(List.of("a", "b", "c", "d", "e", "f"));

        assertThatThrownBy(() -> new ReportModel("t", estate, graph, List.of(rcm), "search", "v", Map.of()))
                .hasMessageContaining("the best strategy 'search' is not among the strategies [rcm]");
        assertThatThrownBy(() -> new ReportModel("t", estate, graph, List.of(rcm, rcm), "rcm", "v", Map.of()))
                .hasMessageContaining("the strategy rcm appears twice");
        assertThatThrownBy(() -> new ReportModel("t", estate, bigger, List.of(rcm), "rcm", "v", Map.of()))
                .hasMessageContaining("moves 5 VMs but the graph has 6");
        assertThatThrownBy(() -> new ReportModel("t", estate, graph, List.of(), "rcm", "v", Map.of()))
                .hasMessageContaining("no strategy");
    }
}
