package dev.skylift.sim;

import dev.skylift.plan.MigrationPlan;
import dev.skylift.plan.PlanMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Runs strategies side by side on one scenario: a randomized strategy {@code runs} times, a
 * deterministic one once, every plan measured by {@link PlanMetrics}. Run i of every randomized
 * strategy uses the same seed, derived from the base seed (SplitMix64), so strategies meet the same
 * luck and the whole comparison is reproducible; deterministic ones use the base seed.
 */
public final class Simulator {

    /** Told after every run, e.g. to move a progress bar. */
    @FunctionalInterface
    public interface Listener {
        /** Run {@code run} (1-based) of the {@code runs} of {@code strategy} is done. */
        void ran(String strategy, int run, int runs);
    }

    private Simulator() {
    }

    /** Compares {@code strategies} (at least one) on {@code scenario}. */
    public static Comparison compare(Scenario scenario, List<Strategy> strategies, int runs, long baseSeed,
                                     Listener listener) {
        if (strategies.isEmpty()) {
            throw new IllegalArgumentException("no strategy to compare; known: " + String.join(", ", Strategies.names()));
        }
        if (runs < 1) {
            throw new IllegalArgumentException("the number of runs " + runs + " must be at least 1");
        }
        long started = System.nanoTime();
        List<StrategyResult> results = new ArrayList<>();
        for (Strategy strategy : strategies) {
            int count = strategy.randomized() ? runs : 1;
            List<RunMetrics> metrics = new ArrayList<>();
            MigrationPlan[] plans = new MigrationPlan[count];
            for (int i = 0; i < count; i++) {
                long seed = strategy.randomized() ? seed(baseSeed, i) : baseSeed;
                plans[i] = strategy.plan(scenario, seed);
                metrics.add(RunMetrics.of(seed, PlanMetrics.of(plans[i], scenario.graph())));
                listener.ran(strategy.name(), i + 1, count);
            }
            results.add(result(strategy, metrics, plans, scenario));
        }
        results = withCompetitiveRatios(results);
        return new Comparison(scenario.graph(), scenario, runs, baseSeed, results, verdict(results),
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** The seed of run {@code i}: SplitMix64's output for the base seed's i-th step. */
    static long seed(long baseSeed, int i) {
        long z = baseSeed + (i + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static StrategyResult result(Strategy strategy, List<RunMetrics> runs, MigrationPlan[] plans,
                                         Scenario scenario) {
        List<Integer> ranked = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            ranked.add(i);
        }
        ranked.sort(Comparator.comparingDouble((Integer i) -> runs.get(i).maxStretch())
                .thenComparingLong(i -> runs.get(i).seed()));
        int median = ranked.get((runs.size() - 1) / 2);
        MigrationPlan plan = plans[median];
        return new StrategyResult(strategy.name(), strategy.description(), strategy.randomized(), strategy.online(), runs,
                spread(runs, RunMetrics::maxStretch), spread(runs, RunMetrics::exposureBytes),
                spread(runs, RunMetrics::peakRate), spread(runs, RunMetrics::makespan), runs.get(median), plan,
                PlanMetrics.of(plan, scenario.graph()), Optional.empty());
    }

    private static Spread spread(List<RunMetrics> runs, ToDoubleFunction<RunMetrics> metric) {
        return Spread.of(runs.stream().mapToDouble(metric).toArray());
    }

    private static List<StrategyResult> withCompetitiveRatios(List<StrategyResult> results) {
        Optional<StrategyResult> bestStretch = best(results, r -> !r.online(), r -> r.maxStretch().median());
        Optional<StrategyResult> bestExposure = best(results, r -> !r.online(), r -> r.exposure().median());
        if (bestStretch.isEmpty()) {
            return results;
        }
        List<StrategyResult> with = new ArrayList<>();
        for (StrategyResult result : results) {
            if (!result.online()) {
                with.add(result);
                continue;
            }
            var ratio = new CompetitiveRatio(bestStretch.get().name(),
                    ratio(result.runs(), RunMetrics::maxStretch, bestStretch.get().maxStretch().median()),
                    bestExposure.get().name(),
                    ratio(result.runs(), RunMetrics::exposureBytes, bestExposure.get().exposure().median()));
            with.add(result.withCompetitive(ratio));
        }
        return with;
    }

    private static Optional<Spread> ratio(List<RunMetrics> runs, ToDoubleFunction<RunMetrics> metric, double best) {
        if (!(best > 0)) {
            return Optional.empty();
        }
        return Optional.of(Spread.of(runs.stream().mapToDouble(run -> metric.applyAsDouble(run) / best).toArray()));
    }

    private static Optional<StrategyResult> best(List<StrategyResult> results,
                                                 Predicate<StrategyResult> among,
                                                 ToDoubleFunction<StrategyResult> median) {
        return results.stream().filter(among).min(Comparator.comparingDouble(median));
    }

    private static Verdict verdict(List<StrategyResult> results) {
        StrategyResult stretch = best(results, r -> true, r -> r.maxStretch().median()).orElseThrow();
        StrategyResult exposure = best(results, r -> true, r -> r.exposure().median()).orElseThrow();
        Optional<StrategyResult> random = results.stream().filter(r -> r.name().equals("random")).findFirst();
        return new Verdict(stretch.name(), stretch.maxStretch().median(),
                factor(random.map(r -> r.maxStretch().median()), stretch.maxStretch().median()),
                exposure.name(), exposure.exposure().median(),
                factor(random.map(r -> r.exposure().median()), exposure.exposure().median()));
    }

    private static OptionalDouble factor(Optional<Double> random, double best) {
        return random.isPresent() && best > 0 ? OptionalDouble.of(random.get() / best) : OptionalDouble.empty();
    }
}
