package dev.skylift.plan;

import dev.skylift.graph.CommGraph;
import dev.skylift.traffic.AffinityRules;
import java.util.Collection;

/**
 * Turns a migration order into a timed plan: when each VM starts, cuts over and how long it pauses,
 * given the VMs' sizes, the WAN and how many VMs may move at once. Precedence ({@code before}) and
 * {@code together} rules are always respected; an order that breaks them is repaired first, and the
 * plan says so.
 */
public interface Planner {

    /**
     * Plans {@code order} (the graph's vertices, first to move first; the graph's labels are VM
     * names) with one {@link VmSize} per VM and the affinity rules' {@code before} and
     * {@code together}.
     */
    MigrationPlan plan(CommGraph graph, int[] order, Collection<VmSize> sizes, AffinityRules rules);

    /**
     * Plans a migration whose next VMs {@code chooser} decides as the plan runs: it is asked whenever
     * a slot is free and told every cutover (a fixed order is one such chooser). Every answer is
     * checked against the rules; one that breaks them fails the plan. The plan's steps are in start order.
     */
    MigrationPlan plan(CommGraph graph, NextVm chooser, Collection<VmSize> sizes, AffinityRules rules);

    /**
     * A rolling window of {@code concurrency} slots: the next VM in order starts as soon as a slot
     * is free and every VM it must follow has cut over; a together group starts at once when enough
     * slots are free. Transfers in flight share the throughput equally, each capped per stream.
     */
    static Planner rollingWindow(WanModel wan, int concurrency, PreCopy preCopy) {
        return new RollingWindowPlanner(wan, concurrency, preCopy);
    }

    /**
     * Waves of at most {@code concurrency} VMs: every VM of a wave starts at once, and the next wave
     * starts when the whole wave has cut over. A together group shares one wave; a {@code before}
     * rule puts its second VM in a later wave. Each step says its wave.
     */
    static Planner waves(WanModel wan, int concurrency, PreCopy preCopy) {
        return new WavesPlanner(wan, concurrency, preCopy);
    }
}
