package dev.skylift.plan;

/**
 * Decides, while a plan is simulated, which VMs start when slots free: the planner asks it at every
 * moment some slot is free and tells it every cutover, so a chooser can react to what happened so
 * far (the online method picks from the traffic observed up to that moment). A fixed order is the
 * chooser that hands out its units in order. The planner checks every answer against the rules.
 */
public interface NextVm {

    /**
     * The VMs to start at {@code time} with {@code freeSlots} (≥ 1) free: one unit (a single VM, or a
     * together group whole) whose {@code before} predecessors have all cut over, or an empty array to
     * start nothing until the next cutover.
     */
    int[] next(double time, int freeSlots);

    /** {@code vertex} cut over at {@code time}. */
    void cutOver(int vertex, double time);
}
