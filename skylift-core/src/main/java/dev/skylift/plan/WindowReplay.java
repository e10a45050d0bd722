package dev.skylift.plan;

import dev.skylift.graph.CommGraph;
import java.util.Arrays;

/**
 * A fast replay of the rolling-window planner for one order of units, with every VM's bytes fixed
 * at what a real plan sent for it (disk, memory rounds and last copy together), scored by the
 * smoothed spans of the communicating pairs.
 *
 * <p>{@link RollingWindowPlanner} decides each VM's memory rounds from its share of the WAN as it
 * goes, which costs up to maxRounds + 2 events per VM. Once a plan has said how many bytes each VM
 * sends, the same window (k slots; a unit waits for as many free slots as it has members and for
 * the VMs it must follow; the senders share the WAN equally; a commit takes one round-trip) needs
 * one event per VM: the senders' work counter is advanced to the next end, as in the planner. On
 * the order that was planned the replay gives the plan's cutovers; on an order a few moves away it
 * gives them closely, since a VM's bytes change only with the shares it sees.
 *
 * <p>Score: Σ over pairs of (span / scale)^32, added as the second VM of each pair cuts over, so a
 * replay stops as soon as it exceeds a bound. The replay of a base order keeps the window's state
 * as each unit starts; an order that differs from the base only from place p on is replayed from
 * the state at p. O(n·k) per full replay for n VMs and k slots (plus the pairs), O(n·k) space.
 */
final class WindowReplay {

    private static final byte STARTED = 0;
    private static final byte DISK = 1;
    private static final byte ROUND = 2;
    private static final byte STOP_COPY = 3;

    private final CommGraph graph;
    private final int[][] members;
    private final int[][] predecessors;
    private final double[] disk;
    private final double[] memory;
    private final double[] dirty;
    private final PreCopy preCopy;
    private final int slots;
    private final WanModel wan;
    private final double rtt;
    private double scale = 1;

    // The state of one replay.
    private final double[] cutover;
    private final int[] cutSequence;
    private int cuts;
    private final int[] sending;
    private final double[] endWork;
    private final byte[] phase;
    private final double[] phaseStart;
    private final int[] rounds;
    private int senders;
    private final int[] committing;
    private final double[] commitEnd;
    private int commitHead;
    private int commitTail;
    private double t;
    private double work;
    private int free;
    private double cost;
    private int kept;

    // The base order's replay: its cutovers, and the state as each unit started.
    private final double[] baseCutover;
    private final int[] baseSequence;
    private final double[] atTime;
    private final double[] atWork;
    private final double[] atCost;
    private final int[] atFree;
    private final int[] atCuts;
    private final int[] atSenders;
    private final int[] atCommits;
    private final int[] atSending;
    private final double[] atEndWork;
    private final byte[] atPhase;
    private final double[] atPhaseStart;
    private final int[] atRounds;
    private final int[] atCommitting;
    private final double[] atCommitEnd;

    /**
     * @param graph        the pairs whose spans are scored
     * @param members      the units' VMs (a together group starts at one instant)
     * @param predecessors per unit, the VMs outside it that must cut over before it starts
     * @param size         each VM's size, by vertex
     * @param slots        the window, k
     * @param wan          the link, shared equally by the senders
     * @param preCopy      when memory rounds stop
     */
    WindowReplay(CommGraph graph, int[][] members, int[][] predecessors, VmSize[] size, int slots, WanModel wan,
                 PreCopy preCopy) {
        this.graph = graph;
        this.members = members;
        this.predecessors = predecessors;
        this.slots = slots;
        this.wan = wan;
        this.preCopy = preCopy;
        this.rtt = wan.rttSeconds();
        int n = graph.vertexCount();
        int units = members.length;
        disk = new double[n];
        memory = new double[n];
        dirty = new double[n];
        for (int v = 0; v < n; v++) {
            disk[v] = size[v].diskBytes();
            memory[v] = size[v].memoryBytes();
            dirty[v] = size[v].dirtyBytesPerSecond();
        }
        cutover = new double[n];
        cutSequence = new int[n];
        sending = new int[slots];
        endWork = new double[slots];
        phase = new byte[slots];
        phaseStart = new double[slots];
        rounds = new int[slots];
        committing = new int[n];
        commitEnd = new double[n];
        baseCutover = new double[n];
        baseSequence = new int[n];
        atTime = new double[units];
        atWork = new double[units];
        atCost = new double[units];
        atFree = new int[units];
        atCuts = new int[units];
        atSenders = new int[units];
        atCommits = new int[units];
        atSending = new int[units * slots];
        atEndWork = new double[units * slots];
        atPhase = new byte[units * slots];
        atPhaseStart = new double[units * slots];
        atRounds = new int[units * slots];
        atCommitting = new int[units * slots];
        atCommitEnd = new double[units * slots];
    }

    /** Spans are scored relative to {@code longest} seconds. */
    void scale(double longest) {
        scale = longest;
    }

    /** {@link #scale}, returning this replay. */
    WindowReplay withScale(double longest) {
        scale(longest);
        return this;
    }

    /**
     * Replays {@code unitOrder} (every unit after the units of the VMs it follows) in full, keeps
     * it as the base, and returns its score.
     */
    double base(int[] unitOrder) {
        Arrays.fill(cutover, Double.NaN);
        cuts = 0;
        senders = 0;
        commitHead = 0;
        commitTail = 0;
        t = 0;
        work = 0;
        free = slots;
        cost = 0;
        kept = -1;
        run(unitOrder, 0, Double.POSITIVE_INFINITY, true);
        System.arraycopy(cutover, 0, baseCutover, 0, cutover.length);
        System.arraycopy(cutSequence, 0, baseSequence, 0, cuts);
        return cost;
    }

    /** The base order's cutovers, by vertex, seconds. */
    double[] baseCutovers() {
        return baseCutover;
    }

    /**
     * The score of {@code unitOrder}, which equals the base order before place {@code from}, or
     * infinity as soon as it is known to exceed {@code bound}.
     */
    double score(int[] unitOrder, int from, double bound) {
        Arrays.fill(cutover, Double.NaN);
        cuts = atCuts[from];
        for (int i = 0; i < cuts; i++) {
            int v = baseSequence[i];
            cutSequence[i] = v;
            cutover[v] = baseCutover[v];
        }
        t = atTime[from];
        work = atWork[from];
        free = atFree[from];
        cost = atCost[from];
        senders = atSenders[from];
        System.arraycopy(atSending, from * slots, sending, 0, senders);
        System.arraycopy(atEndWork, from * slots, endWork, 0, senders);
        System.arraycopy(atPhase, from * slots, phase, 0, senders);
        System.arraycopy(atPhaseStart, from * slots, phaseStart, 0, senders);
        System.arraycopy(atRounds, from * slots, rounds, 0, senders);
        commitHead = 0;
        commitTail = atCommits[from];
        System.arraycopy(atCommitting, from * slots, committing, 0, commitTail);
        System.arraycopy(atCommitEnd, from * slots, commitEnd, 0, commitTail);
        return run(unitOrder, from, bound, false);
    }

    private double run(int[] unitOrder, int next, double bound, boolean record) {
        int total = cutover.length;
        while (cuts < total) {
            while (next < unitOrder.length && members[unitOrder[next]].length <= free && ready(unitOrder[next])) {
                if (record) {
                    keep(next);
                }
                int[] unit = members[unitOrder[next++]];
                for (int x : unit) {
                    sending[senders] = x;
                    phase[senders] = STARTED;
                    rounds[senders] = 0;
                    endWork[senders++] = Double.NaN;
                }
                free -= unit.length;
            }
            if (record && next < unitOrder.length) {
                keep(next);
            }
            double rate = senders > 0 ? wan.share(senders) : 0;
            for (int i = 0; i < senders; i++) {
                if (Double.isNaN(endWork[i])) {
                    decide(i, rate);
                }
            }
            double firstEnd = Double.POSITIVE_INFINITY;
            for (int i = 0; i < senders; i++) {
                firstEnd = Math.min(firstEnd, endWork[i]);
            }
            double phaseEnd = senders > 0 ? t + Math.max(0, firstEnd - work) / rate : Double.POSITIVE_INFINITY;
            double commitAt = commitHead < commitTail ? commitEnd[commitHead] : Double.POSITIVE_INFINITY;
            if (phaseEnd == Double.POSITIVE_INFINITY && commitAt == Double.POSITIVE_INFINITY) {
                throw new IllegalStateException("the replay stalled with " + (total - cuts)
                        + " VMs left: the order does not obey the rules");
            }
            if (phaseEnd <= commitAt) {
                work = Math.max(work, firstEnd);
                t = phaseEnd;
                // A last copy that ended commits; any other phase that ended is decided on at the next
                // pass, at the share left once the freed slots are filled (NaN marks it), as the planner does.
                for (int i = 0; i < senders; ) {
                    if (endWork[i] <= work && phase[i] == STOP_COPY) {
                        committing[commitTail] = sending[i];
                        commitEnd[commitTail++] = t + rtt;
                        senders--;
                        sending[i] = sending[senders];
                        endWork[i] = endWork[senders];
                        phase[i] = phase[senders];
                        phaseStart[i] = phaseStart[senders];
                        rounds[i] = rounds[senders];
                    } else {
                        if (endWork[i] <= work) {
                            endWork[i] = Double.NaN;
                        }
                        i++;
                    }
                }
            } else {
                work += rate * (commitAt - t);
                t = commitAt;
            }
            while (commitHead < commitTail && commitEnd[commitHead] <= t) {
                int x = committing[commitHead];
                double at = commitEnd[commitHead++];
                cutover[x] = at;
                cutSequence[cuts++] = x;
                free++;
                for (int arc = graph.firstArc(x); arc < graph.endArc(x); arc++) {
                    double other = cutover[graph.target(arc)];
                    if (!Double.isNaN(other) && graph.target(arc) != x) {
                        double f = (at - other) / scale;
                        f *= f;
                        f *= f;
                        f *= f;
                        f *= f;
                        cost += f * f;
                    }
                }
                if (cost > bound) {
                    return Double.POSITIVE_INFINITY;
                }
            }
        }
        return cost;
    }

    /**
     * Keeps the state at the first instant the unit at place {@code at} of the base order may be
     * considered (when the one before it started): another unit put there may start then.
     */
    private void keep(int at) {
        if (at <= kept) {
            return;
        }
        kept = at;
        atTime[at] = t;
        atWork[at] = work;
        atCost[at] = cost;
        atFree[at] = free;
        atCuts[at] = cuts;
        atSenders[at] = senders;
        System.arraycopy(sending, 0, atSending, at * slots, senders);
        System.arraycopy(endWork, 0, atEndWork, at * slots, senders);
        System.arraycopy(phase, 0, atPhase, at * slots, senders);
        System.arraycopy(phaseStart, 0, atPhaseStart, at * slots, senders);
        System.arraycopy(rounds, 0, atRounds, at * slots, senders);
        int commits = commitTail - commitHead;
        atCommits[at] = commits;
        System.arraycopy(committing, commitHead, atCommitting, at * slots, commits);
        System.arraycopy(commitEnd, commitHead, atCommitEnd, at * slots, commits);
    }

    /** What sender {@code i} sends next, its phase having ended now (or it just started): {@link Transfer}'s rule. */
    private void decide(int i, double share) {
        int x = sending[i];
        double pending;
        switch (phase[i]) {
            case STARTED -> {
                if (disk[x] > 0) {
                    enter(i, DISK, disk[x]);
                    return;
                }
                pending = memory[x];
            }
            case DISK -> pending = memory[x];
            default -> pending = Math.min(memory[x], dirty[x] * (t - phaseStart[i]));
        }
        if (pending <= share * preCopy.targetDowntimeSeconds() || dirty[x] >= share || rounds[i] >= preCopy.maxRounds()) {
            enter(i, STOP_COPY, pending);
        } else {
            rounds[i]++;
            enter(i, ROUND, pending);
        }
    }

    private void enter(int i, byte next, double bytes) {
        phase[i] = next;
        phaseStart[i] = t;
        endWork[i] = work + bytes;
    }

    private boolean ready(int unit) {
        for (int v : predecessors[unit]) {
            if (Double.isNaN(cutover[v])) {
                return false;
            }
        }
        return true;
    }
}
