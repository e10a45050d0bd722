package dev.skylift.app.report;

import dev.skylift.graph.CommGraph;
import dev.skylift.plan.MigrationPlan;
import dev.skylift.plan.PlanMetrics;
import dev.skylift.sim.Spread;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Everything the HTML report shows, as plain values: the estate, its communication graph, and for
 * each strategy compared one plan to draw with its metrics and the spread of its metrics over the
 * runs (a deterministic strategy has one run, so its spread is a single value). The report is only
 * a picture of this model; whoever compares strategies (the simulator, {@code skylift plan}, the
 * demo) builds it.
 *
 * @param title      the report's heading
 * @param estate     what was migrated
 * @param graph      the communication graph the plans move (labels are VM names, weights bytes/day)
 * @param strategies the strategies compared, in the order the table lists them
 * @param best       the name of the strategy the graph and Gantt views show first
 * @param verdict    the one-line conclusion, shown above the table
 * @param settings   further settings worth stating (runs, seed, pre-copy...), label to value, in order;
 *                   the WAN and the concurrency are read from the plans
 */
public record ReportModel(String title, Estate estate, CommGraph graph, List<Strategy> strategies, String best,
                          String verdict, Map<String, String> settings) {

    public ReportModel {
        require(title, "title");
        require(estate, "estate");
        require(graph, "graph");
        require(verdict, "verdict");
        settings = settings == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        strategies = List.copyOf(strategies);
        if (strategies.isEmpty()) {
            throw new IllegalArgumentException("the report has no strategy to show. Compare at least one");
        }
        var names = new HashSet<String>();
        for (Strategy strategy : strategies) {
            if (!names.add(strategy.name())) {
                throw new IllegalArgumentException("the strategy " + strategy.name()
                        + " appears twice in the report. Give each run of the comparison its own name");
            }
            if (strategy.plan().steps().size() != graph.vertexCount()) {
                throw new IllegalArgumentException("the plan of strategy " + strategy.name() + " moves "
                        + strategy.plan().steps().size() + " VMs but the graph has " + graph.vertexCount()
                        + ". Was it planned on another graph?");
            }
        }
        if (!names.contains(best)) {
            throw new IllegalArgumentException("the best strategy '" + best + "' is not among the strategies "
                    + strategies.stream().map(Strategy::name).toList());
        }
    }

    /** The strategy called {@code name}. */
    public Strategy strategy(String name) {
        return strategies.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no strategy is called " + name));
    }

    /** The strategy the graph and Gantt views show first. */
    public Strategy bestStrategy() {
        return strategy(best);
    }

    /**
     * What was migrated.
     *
     * @param description one line about the estate (for example "the bundled sample estate")
     * @param vms         how many VMs
     * @param pairs       how many communicating pairs
     * @param sources     the files it was read from (inventory, flows, rules), as the user named them
     */
    public record Estate(String description, int vms, long pairs, List<String> sources) {

        public Estate {
            require(description, "estate description");
            sources = List.copyOf(sources);
        }

        /** The estate of {@code graph}: its VM and pair counts. */
        public static Estate of(String description, CommGraph graph, List<String> sources) {
            return new Estate(description, graph.vertexCount(), graph.edgeCount(), sources);
        }
    }

    /**
     * One strategy of the comparison.
     *
     * @param name             its name, as the comparison registers it ({@code rcm}, {@code random}...)
     * @param randomized       whether its result depends on a random seed (then the spreads are over runs)
     * @param plan             the plan drawn (for a randomized strategy, a representative run)
     * @param metrics          that plan's metrics
     * @param maxStretch       spread of the max stretch over the runs, seconds
     * @param exposure         spread of the exposure, bytes
     * @param peak             spread of the peak cross-WAN rate, bytes/s
     * @param makespan         spread of the makespan, seconds
     * @param runs             how many runs the spreads are over
     * @param competitiveRatios for an online strategy, its results over the offline best (one per objective compared)
     */
    public record Strategy(String name, boolean randomized, MigrationPlan plan, PlanMetrics metrics, Spread maxStretch,
                           Spread exposure, Spread peak, Spread makespan, int runs,
                           List<CompetitiveRatio> competitiveRatios) {

        public Strategy {
            require(name, "strategy name");
            require(plan, "plan of " + name);
            require(metrics, "metrics of " + name);
            require(maxStretch, "max stretch of " + name);
            require(exposure, "exposure of " + name);
            require(peak, "peak of " + name);
            require(makespan, "makespan of " + name);
            if (runs < 1) {
                throw new IllegalArgumentException("strategy " + name + " has " + runs + " runs; it needs at least one");
            }
            competitiveRatios = competitiveRatios == null ? List.of() : List.copyOf(competitiveRatios);
        }

        /** A strategy that gives one answer: every spread is the plan's own metric. */
        public static Strategy deterministic(String name, MigrationPlan plan, PlanMetrics metrics) {
            return new Strategy(name, false, plan, metrics, Spread.of(metrics.maxStretch()),
                    Spread.of(metrics.exposureBytes()), Spread.of(metrics.peakRate()), Spread.of(metrics.makespan()), 1,
                    List.of());
        }

        /**
         * A randomized strategy: {@code plan} and {@code metrics} are the run drawn, {@code runs} the
         * metrics of every run (the drawn one included), from which the spreads and quartiles come.
         */
        public static Strategy randomized(String name, MigrationPlan plan, PlanMetrics metrics, List<PlanMetrics> runs) {
            if (runs.isEmpty()) {
                throw new IllegalArgumentException("strategy " + name + " has no runs to take the spread over");
            }
            return new Strategy(name, true, plan, metrics, spread(runs, PlanMetrics::maxStretch),
                    spread(runs, PlanMetrics::exposureBytes), spread(runs, PlanMetrics::peakRate),
                    spread(runs, PlanMetrics::makespan), runs.size(), List.of());
        }

        /** The same strategy with one more competitive ratio. */
        public Strategy withCompetitiveRatio(CompetitiveRatio ratio) {
            var ratios = new ArrayList<>(competitiveRatios);
            ratios.add(ratio);
            return new Strategy(name, randomized, plan, metrics, maxStretch, exposure, peak, makespan, runs, ratios);
        }

        private static Spread spread(List<PlanMetrics> runs, ToDoubleFunction<PlanMetrics> metric) {
            return Spread.of(runs.stream().mapToDouble(metric).toArray());
        }
    }

    /**
     * An online strategy's result over the offline best, on one objective, with its spread over runs.
     *
     * @param objective what was compared ({@code max stretch}, {@code exposure}...)
     * @param against   the offline strategy it was divided by
     * @param ratio     the ratio's spread, ≥ 0
     */
    public record CompetitiveRatio(String objective, String against, Spread ratio) {

        public CompetitiveRatio {
            require(objective, "competitive ratio objective");
            require(against, "competitive ratio reference");
            require(ratio, "competitive ratio");
        }
    }

    private static void require(Object value, String what) {
        if (value == null) {
            throw new IllegalArgumentException("the report's " + what + " is missing");
        }
    }
}
