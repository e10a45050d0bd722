package dev.skylift.sim;

import dev.skylift.plan.MigrationPlan;
import dev.skylift.plan.PlanMetrics;
import java.util.List;
import java.util.Optional;

/**
 * What one strategy did in a comparison: every run's metrics, each metric's spread over the runs,
 * a representative plan to draw (the median run's: the run whose max stretch has the median rank,
 * ties broken by seed) with its full metrics, and for an online strategy its competitive ratio.
 *
 * @param name        the strategy's name
 * @param description what it does, one line
 * @param randomized  whether it was run with several seeds
 * @param online      whether it worked without the graph
 * @param runs        each run, in the order of the seeds
 * @param maxStretch  spread of the longest split, seconds
 * @param exposure    spread of the exposed bytes
 * @param peak        spread of the peak cross-WAN rate, bytes/s
 * @param makespan    spread of the makespan, seconds
 * @param representative the representative run (the median run)
 * @param plan        its plan
 * @param metrics     its metrics (curve, downtimes, worst pair)
 * @param competitive for an online strategy, its results over the best offline strategy's
 */
public record StrategyResult(String name, String description, boolean randomized, boolean online,
                             List<RunMetrics> runs, Spread maxStretch, Spread exposure, Spread peak, Spread makespan,
                             RunMetrics representative, MigrationPlan plan, PlanMetrics metrics, Optional<CompetitiveRatio> competitive) {

    public StrategyResult {
        runs = List.copyOf(runs);
    }

    StrategyResult withCompetitive(CompetitiveRatio ratio) {
        return new StrategyResult(name, description, randomized, online, runs, maxStretch, exposure, peak, makespan,
                representative, plan, metrics, Optional.of(ratio));
    }
}
