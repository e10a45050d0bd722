package dev.skylift.plan;

import dev.skylift.graph.CommGraph;
import dev.skylift.graph.VertexLabels;
import dev.skylift.order.Precedence;
import dev.skylift.traffic.AffinityRules;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The rolling-window planner, an exact event-driven simulation of the transfers.
 *
 * <p>Model. At most k VMs hold a slot at once. Whenever a slot is free the {@link NextVm} chooser
 * names the next VMs; a fixed order is the chooser that hands out the (repaired) order's units in
 * turn, so there is one simulation for both. With a fixed order the next VM waits until a slot is
 * free and every VM it must follow has cut over ({@code before} means A's
 * cutover ≤ B's start, stricter than cutover order, so B never runs while A is still moving); a
 * together group waits for as many free slots as it has members and starts at one instant. A VM holds
 * its slot until its cutover. The VMs that are sending share the throughput equally and each is
 * capped per stream, so they all send at one rate r = min(T / a, cap) for a senders; a VM in its
 * commit round-trip sends nothing. Each VM follows {@link PreCopy} (Clark et al., NSDI 2005).
 *
 * <p>Exactness. Because every sender has the same rate, the simulation keeps one work counter
 * W(t) = ∫ r dt: a phase of b bytes that begins when the counter reads w ends when it reads w + b.
 * Phases wait in a priority queue by that end value; between events r is constant, so the next
 * phase end is at t + (w + b − W) / r, computed, not stepped. Commits end one RTT after their
 * stop-and-copy, in the order they began, so they wait in a FIFO. Each VM has at most
 * maxRounds + 2 phases: O((n + events) log n) time, O(n) space beyond the rules.
 */
final class RollingWindowPlanner implements Planner {

    private final WanModel wan;
    private final int concurrency;
    private final PreCopy preCopy;

    RollingWindowPlanner(WanModel wan, int concurrency, PreCopy preCopy) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("the concurrency " + concurrency
                    + " lets no VM move. Use 1 for one VM at a time");
        }
        this.wan = wan;
        this.concurrency = concurrency;
        this.preCopy = preCopy;
    }

    @Override
    public MigrationPlan plan(CommGraph graph, int[] order, Collection<VmSize> sizes, AffinityRules rules) {
        int n = graph.vertexCount();
        if (order.length != n) {
            throw new IllegalArgumentException("the order has " + order.length + " vertices but the graph has " + n
                    + ". Was the order made for another graph?");
        }
        PrecedenceRepair repair = PrecedenceRepair.of(order, graph.labels(), rules);
        return simulate(graph, new InOrder(repair), sizes, rules, repair.repaired);
    }

    @Override
    public MigrationPlan plan(CommGraph graph, NextVm chooser, Collection<VmSize> sizes, AffinityRules rules) {
        return simulate(graph, chooser, sizes, rules, false);
    }

    private MigrationPlan simulate(CommGraph graph, NextVm chooser, Collection<VmSize> sizes, AffinityRules rules,
                                   boolean repaired) {
        int n = graph.vertexCount();
        VertexLabels labels = graph.labels();
        VmSize[] size = sizesByVertex(labels, n, sizes);
        Precedence precedence = Precedence.of(labels, rules);
        for (int unit = 0; unit < precedence.unitCount(); unit++) {
            if (precedence.size(unit) > concurrency) {
                List<String> names = new ArrayList<>();
                for (int v : precedence.members(unit)) {
                    names.add(labels.label(v));
                }
                throw new IllegalArgumentException("the together group " + names + " has " + names.size()
                        + " VMs but only " + concurrency + " may move at once. Raise the concurrency or split the group");
            }
        }
        List<MigrationStep> steps = simulate(chooser, precedence, size, labels);
        double makespan = 0;
        for (MigrationStep step : steps) {
            makespan = Math.max(makespan, step.cutover());
        }
        return new MigrationPlan(steps, makespan, lowerBound(size), repaired, wan, concurrency);
    }

    private double lowerBound(VmSize[] size) {
        double total = 0;
        double largest = 0;
        for (VmSize s : size) {
            total += s.totalBytes();
            largest = Math.max(largest, s.totalBytes());
        }
        double reachable = wan.streamBytesPerSecond().isPresent()
                ? Math.min(wan.bytesPerSecond(), concurrency * wan.streamBytesPerSecond().getAsDouble())
                : wan.bytesPerSecond();
        return Math.max(total / reachable, largest / wan.share(1));
    }

    private List<MigrationStep> simulate(NextVm chooser, Precedence precedence, VmSize[] size, VertexLabels labels) {
        int n = size.length;
        Precedence.Tracker tracker = precedence.tracker();
        int[] startRank = new int[n];
        Arrays.fill(startRank, -1);
        double rtt = wan.rttSeconds();
        var sending = new PriorityQueue<Transfer>(Comparator.comparingDouble((Transfer x) -> x.endWork)
                .thenComparingInt(x -> x.vertex));
        var committing = new ArrayDeque<Transfer>();
        var decide = new ArrayList<Transfer>();
        var steps = new ArrayList<MigrationStep>(n);
        double t = 0;
        double work = 0;
        int senders = 0;
        int free = concurrency;
        int started = 0;
        int done = 0;
        while (done < n) {
            // Start whatever the chooser starts now, then let every transfer whose phase ended choose its next one.
            while (free > 0) {
                int[] unit = chooser.next(t, free);
                if (unit.length == 0) {
                    break;
                }
                check(unit, free, precedence, tracker, startRank, labels);
                for (int v : unit) {
                    var transfer = new Transfer(v, size[v], preCopy);
                    transfer.start = t;
                    startRank[v] = started++;
                    decide.add(transfer);
                }
                free -= unit.length;
                senders += unit.length;
            }
            double rate = senders > 0 ? wan.share(senders) : 0;
            for (Transfer transfer : decide) {
                if (transfer.phase == null) {
                    transfer.begin(t, rate);
                } else {
                    transfer.phaseEnded(t, rate);
                }
                if (transfer.phase == Transfer.Phase.COMMIT) {
                    committing.add(transfer);
                } else {
                    transfer.endWork = work + transfer.phaseBytes;
                    sending.add(transfer);
                }
            }
            decide.clear();
            double phaseEnd = sending.isEmpty() ? Double.POSITIVE_INFINITY
                    : t + Math.max(0, sending.peek().endWork - work) / rate;
            double commitEnd = committing.isEmpty() ? Double.POSITIVE_INFINITY : committing.peek().finish + rtt;
            if (phaseEnd == Double.POSITIVE_INFINITY && commitEnd == Double.POSITIVE_INFINITY) {
                throw new IllegalStateException("the plan stalled at " + t + " s with " + (n - done)
                        + " VMs left: nothing moves and the chooser starts nothing");
            }
            if (phaseEnd <= commitEnd) {
                work = Math.max(work, sending.peek().endWork);
                t = phaseEnd;
            } else {
                work += rate * (commitEnd - t);
                t = commitEnd;
            }
            while (!sending.isEmpty() && sending.peek().endWork <= work) {
                Transfer transfer = sending.poll();
                if (transfer.phase == Transfer.Phase.STOP_COPY) {
                    senders--;
                }
                decide.add(transfer);
            }
            // A stop-and-copy that just ended enters its commit now; with no RTT it cuts over at once.
            for (Transfer transfer : decide) {
                if (transfer.phase == Transfer.Phase.STOP_COPY) {
                    transfer.phaseEnded(t, 0);
                    committing.add(transfer);
                }
            }
            decide.removeIf(transfer -> transfer.phase == Transfer.Phase.COMMIT);
            while (!committing.isEmpty() && committing.peek().finish + rtt <= t) {
                Transfer transfer = committing.poll();
                double cutover = transfer.finish + rtt;
                steps.add(new MigrationStep(transfer.size.name(), transfer.vertex, transfer.start, cutover,
                        transfer.downtime(rtt), transfer.bytesSent, transfer.rounds, transfer.stopReason));
                free++;
                done++;
                tracker.cutOver(transfer.vertex);
                chooser.cutOver(transfer.vertex, cutover);
            }
        }
        steps.sort(Comparator.comparingInt(step -> startRank[step.vertex()]));
        return steps;
    }

    /** Fails when a chooser's answer breaks a rule: the plan would be wrong, so no plan at all. */
    private static void check(int[] unit, int free, Precedence precedence, Precedence.Tracker tracker, int[] startRank,
                              VertexLabels labels) {
        int u = precedence.unitOf(unit[0]);
        List<String> names = new ArrayList<>();
        for (int v : unit) {
            names.add(labels.label(v));
        }
        String problem = null;
        if (unit.length > free) {
            problem = "needs " + unit.length + " slots but " + free + " are free";
        } else if (unit.length != precedence.size(u)) {
            problem = "is not a whole together group (its group has " + precedence.size(u) + " VMs)";
        } else if (!tracker.mayStart(u)) {
            problem = "must wait for a VM that has not cut over";
        } else {
            for (int v : unit) {
                if (precedence.unitOf(v) != u || startRank[v] >= 0) {
                    problem = "mixes groups or starts a VM twice";
                }
            }
        }
        if (problem != null) {
            throw new IllegalStateException("the chooser started " + names + ", which " + problem
                    + ": the plan would break the rules");
        }
    }

    /** Hands out the repaired order's units in order, each once its predecessors have cut over. */
    private static final class InOrder implements NextVm {

        private final PrecedenceRepair repair;
        private final int[] waitingFor;
        private final List<List<Integer>> releases;
        private int next;

        InOrder(PrecedenceRepair repair) {
            this.repair = repair;
            int units = repair.units.size();
            waitingFor = new int[units];
            releases = new ArrayList<>(repair.order.length);
            for (int v = 0; v < repair.order.length; v++) {
                releases.add(new ArrayList<>(0));
            }
            for (int u = 0; u < units; u++) {
                int[] preds = repair.predecessors.get(u);
                waitingFor[u] = preds.length;
                for (int a : preds) {
                    releases.get(a).add(u);
                }
            }
        }

        @Override
        public int[] next(double time, int freeSlots) {
            if (next < repair.units.size() && repair.units.get(next).length <= freeSlots && waitingFor[next] == 0) {
                return repair.units.get(next++);
            }
            return new int[0];
        }

        @Override
        public void cutOver(int vertex, double time) {
            for (int u : releases.get(vertex)) {
                waitingFor[u]--;
            }
        }
    }

    WanModel wan() {
        return wan;
    }

    int concurrency() {
        return concurrency;
    }

    PreCopy preCopy() {
        return preCopy;
    }

    /** Each VM's size by vertex; fails naming a VM that has none. */
    static VmSize[] sizesByVertex(VertexLabels labels, Collection<VmSize> sizes) {
        return sizesByVertex(labels, labels.size(), sizes);
    }

    private static VmSize[] sizesByVertex(VertexLabels labels, int n, Collection<VmSize> sizes) {
        Map<String, VmSize> byName = new HashMap<>();
        for (VmSize s : sizes) {
            byName.put(s.name(), s);
        }
        VmSize[] size = new VmSize[n];
        for (int v = 0; v < n; v++) {
            size[v] = byName.get(labels.label(v));
            if (size[v] == null) {
                throw new IllegalArgumentException("VM " + labels.label(v) + " is in the graph but has no size ("
                        + byName.size() + " sizes given). Is it missing from the inventory?");
            }
        }
        return size;
    }
}
