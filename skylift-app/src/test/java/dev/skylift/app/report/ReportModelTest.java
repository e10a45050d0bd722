package dev.skylift.app.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skylift.graph.CommGraph;
import dev.skylift.plan.MigrationPlan;
import dev.skylift.plan.PlanMetrics;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ReportModelTest {

    private final CommGraph graph = ReportFixtures.graph(List.of("a", "b", "c", "d", "e"));
    private final MigrationPlan plan = ReportFixtures.plan(graph, ReportFixtures.identity(5), 2);
    private final PlanMetrics metrics = PlanMetrics.of(plan, graph);

    @Test
    void aSpreadHasTheMedianExtremesAndFromFourSamplesTheQuartiles() {
        var odd = ReportModel.Spread.of(5, 1, 4, 2, 3);
        var even = ReportModel.Spread.of(4, 1, 3, 2);
        var three = ReportModel.Spread.of(3, 9, 1);

        assertThat(odd).isEqualTo(new ReportModel.Spread(3, 1, 5, OptionalDouble.of(2), OptionalDouble.of(4)));
        assertThat(even).isEqualTo(new ReportModel.Spread(2.5, 1, 4, OptionalDouble.of(1.75), OptionalDouble.of(3.25)));
        assertThat(three).isEqualTo(new ReportModel.Spread(3, 1, 9, OptionalDouble.empty(), OptionalDouble.empty()));
        assertThat(ReportModel.Spread.of(7.0).isSingle()).isTrue();
        assertThat(odd.isSingle()).isFalse();
    }

    @Test
    void aDeterministicStrategysSpreadsAreItsMetricsAndARandomizedOnesAreOverItsRuns() {
        var deterministic = ReportModel.Strategy.deterministic("rcm", plan, metrics);
        MigrationPlan other = ReportFixtures.plan(graph, ReportFixtures.reversed(5), 1);
        PlanMetrics otherMetrics = PlanMetrics.of(other, graph);
        var randomized = ReportModel.Strategy.randomized("random", plan, metrics, List.of(metrics, otherMetrics));

        assertThat(deterministic.maxStretch()).isEqualTo(ReportModel.Spread.of(metrics.maxStretch()));
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
        assertThatThrownBy(() -> ReportModel.Spread.of(1, Double.NaN))
                .hasMessageContaining("not a finite number");
        assertThatThrownBy(() -> new ReportModel.Spread(3, 4, 5, OptionalDouble.empty(), OptionalDouble.empty()))
                .hasMessageContaining("out of order");
    }
}
