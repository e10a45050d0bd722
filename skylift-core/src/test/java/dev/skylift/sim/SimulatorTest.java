package dev.skylift.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.skylift.plan.PlanMetrics;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SimulatorTest {

    private static final List<String> SEED_ONLY = List.of("random", "size", "rcm", "online-degree", "online-traffic");

    private static Comparison compare(Scenario scenario, List<String> names, int runs, long seed) {
        return Simulator.compare(scenario, names.stream().map(Strategies::byName).toList(), runs, seed,
                (strategy, run, of) -> { });
    }

    @Test
    void everyMetricComesFromThePlanAndTheRepresentativeIsTheMedianRun() {
        var scenario = SimFixtures.random(new Random(21)).scenario();
        Comparison comparison = compare(scenario, Strategies.names(), 7, 3);

        for (StrategyResult result : comparison.strategies()) {
            assertThat(result.runs()).hasSize(result.randomized() ? 7 : 1);
            assertThat(result.metrics()).isEqualTo(PlanMetrics.of(result.plan(), scenario.graph()));
            double[] stretches = result.runs().stream().mapToDouble(RunMetrics::maxStretch).toArray();
            assertThat(result.maxStretch()).isEqualTo(Spread.of(stretches));
            assertThat(result.exposure().median())
                    .isEqualTo(Spread.of(result.runs().stream().mapToDouble(RunMetrics::exposureBytes).toArray()).median());
            var median = result.runs().stream()
                    .sorted(Comparator.comparingDouble(RunMetrics::maxStretch).thenComparingLong(RunMetrics::seed))
                    .toList().get((result.runs().size() - 1) / 2);
            assertThat(result.representative()).isEqualTo(median);
            assertThat(result.metrics().maxStretch()).isEqualTo(median.maxStretch());
            assertThat(result.metrics().exposureBytes()).isEqualTo(median.exposureBytes());
            assertThat(result.metrics().peakRate()).isEqualTo(median.peakRate());
            assertThat(result.metrics().makespan()).isEqualTo(median.makespan());
        }
        assertThat(comparison.strategy("random").runs().stream().mapToLong(RunMetrics::seed).distinct().count()).isEqualTo(7);
    }

    @Test
    void theSameBaseSeedGivesTheSameComparisonAndAnotherDiffers() {
        var scenario = SimFixtures.random(new Random(4)).scenario();
        var once = compare(scenario, SEED_ONLY, 5, 11);
        var again = compare(scenario, SEED_ONLY, 5, 11);
        var other = compare(scenario, SEED_ONLY, 5, 12);
        for (String name : SEED_ONLY) {
            assertThat(again.strategy(name).runs()).isEqualTo(once.strategy(name).runs());
        }
        assertThat(other.strategy("random").runs()).isNotEqualTo(once.strategy("random").runs());
    }

    @Test
    void competitiveRatiosAndTheVerdictCompareWithTheBestMedians() {
        var scenario = SimFixtures.random(new Random(8)).scenario();
        Comparison comparison = compare(scenario, SEED_ONLY, 9, 1);

        var offline = comparison.strategies().stream().filter(r -> !r.online()).toList();
        var bestStretch = offline.stream().min(Comparator.comparingDouble(r -> r.maxStretch().median())).orElseThrow();
        var bestExposure = offline.stream().min(Comparator.comparingDouble(r -> r.exposure().median())).orElseThrow();
        for (String name : List.of("online-degree", "online-traffic")) {
            var result = comparison.strategy(name);
            var ratio = result.competitive().orElseThrow();
            assertThat(ratio.stretchAgainst()).isEqualTo(bestStretch.name());
            double[] expected = result.runs().stream()
                    .mapToDouble(run -> run.maxStretch() / bestStretch.maxStretch().median()).toArray();
            assertThat(ratio.stretch().orElseThrow()).isEqualTo(Spread.of(expected));
            assertThat(ratio.exposure().orElseThrow().median()).isCloseTo(
                    result.exposure().median() / bestExposure.exposure().median(), within(1e-9));
        }
        assertThat(comparison.strategy("rcm").competitive()).isEmpty();
        var all = comparison.strategies();
        var stretchWinner = all.stream().min(Comparator.comparingDouble(r -> r.maxStretch().median())).orElseThrow();
        Verdict verdict = comparison.verdict();
        assertThat(verdict.bestStretch()).isEqualTo(stretchWinner.name());
        assertThat(verdict.stretchFactor().getAsDouble()).isCloseTo(
                comparison.strategy("random").maxStretch().median() / stretchWinner.maxStretch().median(), within(1e-9));
    }

    @Test
    void spreadsInterpolateQuartilesBetweenRanks() {
        assertThat(Spread.of(new double[] {5, 1, 3, 2, 4})).isEqualTo(new Spread(1, 2, 3, 4, 5));
        assertThat(Spread.of(new double[] {4, 1, 3, 2})).isEqualTo(new Spread(1, 1.75, 2.5, 3.25, 4));
        assertThat(Spread.of(7.0).single()).isTrue();
        assertThatThrownBy(() -> Spread.of(1, Double.NaN)).hasMessageContaining("not finite");
        assertThatThrownBy(() -> new Spread(3, 4, 2, 4, 5)).hasMessageContaining("not in order");
        assertThat(Spread.of(new double[] {7}).single()).isTrue();
    }

    @Test
    void rejectsNoStrategiesAndNoRuns() {
        var scenario = SimFixtures.random(new Random(1)).scenario();
        assertThatThrownBy(() -> compare(scenario, List.of(), 3, 1)).hasMessageContaining("no strategy");
        assertThatThrownBy(() -> compare(scenario, List.of("rcm"), 0, 1)).hasMessageContaining("at least 1");
    }

    @Test
    void runSeedsAreDistinctForTheFirstThousandRuns() {
        long[] seeds = new long[1000];
        for (int i = 0; i < seeds.length; i++) {
            seeds[i] = Simulator.seed(1, i);
        }
        assertThat(Arrays.stream(seeds).distinct().count()).isEqualTo(1000);
    }
}
