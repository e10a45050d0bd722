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

    /**
     * Waves whose members {@code chooser} decides: a wave opens when the wave before has fully cut
     * over, the chooser fills it at that instant (up to k VMs, each answer checked as in the rolling
     * window), and it closes when the chooser names nothing more or the k slots are taken. A VM that
     * must follow one of the wave cannot be named (its predecessor has not cut over), so a
     * {@code before} rule always spans waves here too.
     */
    @Override
    public MigrationPlan plan(CommGraph graph, NextVm chooser, Collection<VmSize> sizes, AffinityRules rules) {
        var gate = new WaveGate(chooser, concurrency, graph.vertexCount());
        MigrationPlan timed = window.plan(graph, gate, sizes, rules);
        List<MigrationStep> steps = new ArrayList<>(timed.steps().size());
        for (MigrationStep step : timed.steps()) {
            steps.add(step.inWave(gate.waveOf[step.vertex()]));
        }
        return new MigrationPlan(steps, timed.makespan(), timed.makespanLowerBound(), false, timed.wan(), concurrency);
    }

    /** Lets the chooser start VMs only while a wave is open, and opens the next when the last has cut over. */
    private static final class WaveGate implements NextVm {

        private static final int[] NOTHING = new int[0];

        private final NextVm chooser;
        private final int concurrency;
        final int[] waveOf;
        private int wave = -1;
        private int members;
        private int room;
        private double openedAt;
        private int inFlight;

        WaveGate(NextVm chooser, int concurrency, int n) {
            this.chooser = chooser;
            this.concurrency = concurrency;
            this.waveOf = new int[n];
        }

        @Override
        public int[] next(double time, int freeSlots) {
            if (members > 0 && (time > openedAt || room == 0)) {
                if (inFlight > 0) {
                    return NOTHING;
                }
                members = 0;
            }
            if (members == 0) {
                room = concurrency;
                openedAt = time;
            }
            int[] unit = chooser.next(time, Math.min(freeSlots, room));
            if (unit.length == 0) {
                room = 0;
                return unit;
            }
            if (unit.length > room) {
                throw new IllegalStateException("the chooser started " + unit.length + " VMs at " + time
                        + " s but wave " + (wave + 1) + " has room for " + room);
            }
            if (members == 0) {
                wave++;
            }
            for (int v : unit) {
                waveOf[v] = wave;
            }
            members += unit.length;
            room -= unit.length;
            inFlight += unit.length;
            return unit;
        }

        @Override
        public void cutOver(int vertex, double time) {
            inFlight--;
            chooser.cutOver(vertex, time);
        }
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
