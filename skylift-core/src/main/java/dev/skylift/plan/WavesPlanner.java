package dev.skylift.plan;

import dev.skylift.graph.CommGraph;
import dev.skylift.graph.VertexLabels;
import dev.skylift.traffic.AffinityRules;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The wave planner: VMs move in waves of at most k, and a wave starts only when every VM of the
 * wave before has cut over — the way migrations are run when each wave is a change window with its
 * own checks, at the price of slots left idle while a wave's last VM finishes.
 *
 * <p>Forming the waves. The (repaired) order is cut greedily: the next unit (a VM, or a together
 * group, which always shares one wave) joins the current wave when it fits in the k slots left and
 * no VM it must follow ({@code before}) is in the current wave; otherwise it opens the next wave. So
 * a {@code before} rule always puts its second VM in a later wave than its first.
 *
 * <p>Timing. Within a wave, every VM starts when the wave starts and the VMs share the throughput as
 * in the rolling window ({@link RollingWindowPlanner}, Clark et al.'s pre-copy per VM). The timeline
 * is that planner's on the same order with each wave as one together group that must follow every
 * VM of the wave before: a wave of at most k VMs starts at one instant, and not before the previous
 * wave has fully cut over. O(n) extra rules; the simulation's cost otherwise.
 */
final class WavesPlanner implements Planner {

    private final int concurrency;
    private final RollingWindowPlanner window;

    WavesPlanner(WanModel wan, int concurrency, PreCopy preCopy) {
        this.window = new RollingWindowPlanner(wan, concurrency, preCopy);
        this.concurrency = concurrency;
    }

    @Override
    public MigrationPlan plan(CommGraph graph, int[] order, Collection<VmSize> sizes, AffinityRules rules) {
        if (order.length != graph.vertexCount()) {
            throw new IllegalArgumentException("the order has " + order.length + " vertices but the graph has "
                    + graph.vertexCount() + ". Was the order made for another graph?");
        }
        VertexLabels labels = graph.labels();
        PrecedenceRepair repair = PrecedenceRepair.of(order, labels, rules);
        List<List<Integer>> waves = waves(repair, labels);
        var together = new ArrayList<List<String>>();
        var before = new ArrayList<AffinityRules.Precedence>();
        int[] waveOf = new int[graph.vertexCount()];
        for (int w = 0; w < waves.size(); w++) {
            List<String> names = new ArrayList<>();
            for (int v : waves.get(w)) {
                names.add(labels.label(v));
                waveOf[v] = w;
            }
            together.add(names);
            if (w > 0) {
                for (int v : waves.get(w - 1)) {
                    before.add(new AffinityRules.Precedence(labels.label(v), names.get(0)));
                }
            }
        }
        var waveRules = new AffinityRules(List.of(), List.of(), List.of(), before, together, Map.of());
        MigrationPlan timed = window.plan(graph, repair.order, sizes, waveRules);
        List<MigrationStep> steps = new ArrayList<>(timed.steps().size());
        for (MigrationStep step : timed.steps()) {
            steps.add(step.inWave(waveOf[step.vertex()]));
        }
        return new MigrationPlan(steps, timed.makespan(), timed.makespanLowerBound(), repair.repaired, timed.wan(),
                concurrency);
    }

    private List<List<Integer>> waves(PrecedenceRepair repair, VertexLabels labels) {
        List<List<Integer>> waves = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        Set<Integer> inCurrent = new HashSet<>();
        for (int u = 0; u < repair.units.size(); u++) {
            int[] unit = repair.units.get(u);
            if (unit.length > concurrency) {
                List<String> names = new ArrayList<>();
                for (int v : unit) {
                    names.add(labels.label(v));
                }
                throw new IllegalArgumentException("the together group " + names + " has " + unit.length
                        + " VMs but a wave holds only " + concurrency + ". Raise the concurrency or split the group");
            }
            boolean follows = false;
            for (int a : repair.predecessors.get(u)) {
                follows |= inCurrent.contains(a);
            }
            if (current.size() + unit.length > concurrency || follows) {
                waves.add(current);
                current = new ArrayList<>();
                inCurrent.clear();
            }
            for (int v : unit) {
                current.add(v);
                inCurrent.add(v);
            }
        }
        if (!current.isEmpty()) {
            waves.add(current);
        }
        return waves;
    }
}
