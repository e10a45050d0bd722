package dev.skylift.plan;

import dev.skylift.graph.CommGraph;
import dev.skylift.order.Orderers;
import dev.skylift.order.Ordering;
import dev.skylift.order.OrderingOptions;
import dev.skylift.traffic.AffinityRules;
import dev.skylift.traffic.HubTreatment;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * From an estate to a plan tuned for an objective, the steps {@code skylift plan} and the plan
 * benchmark share: the ordering engine orders the VMs the hub decisions leave to it, the
 * hubs are put back around that order ({@link HubPlacement}), the {@link ObjectiveSearch} improves
 * it for the objective with the hubs held in place (exposure and peak on every VM's traffic, the
 * stretch on the pairs the order decides), and every VM is planned and
 * the plan measured. The options' time limit covers the ordering (half of it) and the search (two
 * fifths); the final plan and metrics come after.
 */
public final class Planning {

    private Planning() {
    }

    /**
     * The plan and how it was made.
     *
     * @param planned      the plan of every VM and its metrics
     * @param decided      the plan's metrics over the pairs the order decides ({@link HubPlacement#decided}):
     *                     what the order can change, without the pairs of hubs the rules move first or last
     * @param ordering     the ordering engine's order of the VMs left to it, with its certificate
     * @param startValue   the objective's value for the engine's order, planned with the hubs (stretch
     *                     over the pairs the order decides, exposure and peak over every measured pair)
     * @param startRepaired whether that order broke a before or together rule and was repaired (the
     *                      search keeps every order it makes obedient, so the final plan never needs it)
     * @param orderTime    the ordering engine's time
     * @param searchTime   the objective search's time, with the measure of the engine's order
     * @param planTime     the time to plan the final order
     * @param metricsTime  the time to measure it
     */
    public record Result(PlannedMigration planned, PlanMetrics decided, Ordering ordering, double startValue, boolean startRepaired,
                         Duration orderTime, Duration searchTime, Duration planTime, Duration metricsTime) {

        /** Everything: ordering, search, plan and metrics. */
        public Duration total() {
            return orderTime.plus(searchTime).plus(planTime).plus(metricsTime);
        }
    }

    /**
     * Plans every VM of {@code measured} (the estate's graph as {@link HubPlacement#measured} makes
     * it), ordering with {@code method} and tuning for {@code objective}.
     */
    public static Result plan(CommGraph measured, Map<String, HubTreatment> decisions, List<VmSize> sizes,
                              AffinityRules rules, Planner planner, Objective objective, String method,
                              OrderingOptions options) {
        long limit = options.timeLimit().toNanos();
        long began = System.nanoTime();
        CommGraph ordered = HubPlacement.ordered(measured, decisions);
        Ordering ordering = Orderers.byName(method).order(ordered, options.withTimeLimit(Duration.ofNanos(limit / 2)));
        long orderedAt = System.nanoTime();

        int[] start = HubPlacement.fullOrder(measured, ordered, ordering.order(), decisions);
        // The pairs of hubs moved first or last stay split for nearly the whole migration whatever the
        // order: their split would be the longest of every order, so the stretch is searched on the others.
        CommGraph decided = HubPlacement.decided(measured, decisions);
        CommGraph searched = objective == Objective.STRETCH ? decided : measured;
        MigrationPlan startPlan = planner.plan(searched, start, sizes, rules);
        double startValue = objective.of(PlanMetrics.of(startPlan, searched));
        Set<String> hubs = new HashSet<>();
        decisions.forEach((vm, treatment) -> {
            if (treatment != HubTreatment.ORDER) {
                hubs.add(vm);
            }
        });
        long searchBudget = limit * 2 / 5 - (System.nanoTime() - orderedAt);
        int[] improved = ObjectiveSearch.improve(searched, start, sizes, planner, rules, objective,
                options.withTimeLimit(Duration.ofNanos(Math.max(1, searchBudget))), hubs);
        long searchedAt = System.nanoTime();

        MigrationPlan plan = planner.plan(measured, improved, sizes, rules);
        long plannedAt = System.nanoTime();
        PlanMetrics metrics = PlanMetrics.of(plan, measured);
        PlanMetrics decidedMetrics = PlanMetrics.of(plan, decided);
        long measuredAt = System.nanoTime();
        return new Result(new PlannedMigration(plan, metrics, objective, method,
                PlanConstraints.of(rules, decisions)), decidedMetrics, ordering, startValue,
                startPlan.orderRepaired(), Duration.ofNanos(orderedAt - began), Duration.ofNanos(searchedAt - orderedAt),
                Duration.ofNanos(plannedAt - searchedAt), Duration.ofNanos(measuredAt - plannedAt));
    }
}
