package dev.skylift.plan;

import java.util.Objects;

/**
 * A plan as it is handed on (to a file, to the executor): the timed steps, the metrics predicted
 * for them, and how it was made — the objective the order was tuned for and the ordering method it
 * started from.
 *
 * @param plan        the timed steps, the WAN and the concurrency
 * @param metrics     what the plan predicts the operator will feel, computed from its timeline
 * @param objective   what the order was tuned for
 * @param method      the ordering method the order started from, e.g. {@code auto}
 * @param constraints the rules the plan obeys, which the executor must keep if it changes the plan
 */
public record PlannedMigration(MigrationPlan plan, PlanMetrics metrics, Objective objective, String method,
                               PlanConstraints constraints) {

    public PlannedMigration {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(constraints, "constraints");
    }

    /** Whether the VMs move in waves (every step says its wave) rather than in a rolling window. */
    public boolean inWaves() {
        return !plan.steps().isEmpty() && plan.steps().get(0).wave().isPresent();
    }
}
