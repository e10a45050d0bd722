package dev.skylift.plan;

import java.util.List;

/**
 * A timed migration: every VM's step in the order the VMs start, the makespan (the last cutover),
 * and a lower bound on the makespan of any plan for the same VMs and link, so a plan can be judged
 * against it. Times are seconds from the start of the plan.
 *
 * @param steps              one per VM, in start order (the order used, after any repair)
 * @param makespan           when the last VM cuts over
 * @param makespanLowerBound what no plan can beat: every VM sends its disk and memory at least once,
 *                           at most at the throughput k streams can reach (and no single VM faster than one stream)
 * @param orderRepaired      whether the given order broke a precedence or together rule and was repaired
 * @param wan                the link planned for
 * @param concurrency        how many VMs move at once at most
 */
public record MigrationPlan(List<MigrationStep> steps, double makespan, double makespanLowerBound,
                            boolean orderRepaired, WanModel wan, int concurrency) {

    public MigrationPlan {
        steps = List.copyOf(steps);
    }

    /** The order used: the VMs' vertices in start order. */
    public int[] order() {
        return steps.stream().mapToInt(MigrationStep::vertex).toArray();
    }

    /** The cutover time of every vertex, indexed by vertex; the plan must cover vertices 0..n-1. */
    public double[] cutoversByVertex() {
        double[] cutover = new double[steps.size()];
        for (MigrationStep step : steps) {
            cutover[step.vertex()] = step.cutover();
        }
        return cutover;
    }

    /** The makespan over its lower bound, ≥ 1; 1 when nothing has to move. */
    public double makespanRatio() {
        return makespanLowerBound > 0 ? makespan / makespanLowerBound : 1;
    }
}
