package dev.skylift.order;

import dev.skylift.graph.CommGraph;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The dynamic method for when no graph is known up front: move a few VMs chosen uniformly at
 * random, then watch the traffic between the VMs already moved and those still home (a bipartite
 * graph that grows with every cutover) and pick each next VM with probability proportional to its
 * degree in that graph ({@link Variant#DEGREE}: how many moved VMs it was seen talking to) or to its
 * observed traffic ({@link Variant#TRAFFIC}: bytes seen between it and moved VMs); uniformly among
 * the VMs left while nothing has been seen. The idea: a VM that talks to many moved VMs is split
 * from them now, so moving it soon shortens those splits, while a random choice needs no knowledge.
 *
 * <p>A {@link Session} runs one migration. It is told every cutover ({@link Session#cutOver}) and
 * every observation ({@link Session#observe}, the {@link SplitTraffic} interface), and asked for the
 * next VMs when a slot frees ({@link Session#next}). Only VMs whose {@code before} predecessors have
 * cut over are drawn, and a together group is drawn as one unit with its members' summed weight (its
 * uniform weight is its size). A VM in flight counts as home: it is no longer drawn, and only its
 * cutover makes its neighbours' traffic visible.
 *
 * <p>Complexity. Two Fenwick trees over the units, one of observed weights and one of sizes, hold
 * only the units that may start; a draw, an observation and a release are O(log n), so a whole
 * migration is O((n + observations) log n). {@link Variant#DEGREE} remembers the pairs seen
 * (O(split pairs) memory) so a pair reported again is counted once. Seeded: the same seed, cutovers
 * and observations give the same picks.
 */
public final class OnlineOrderer implements Orderer {

    /** What a home VM's weight is. */
    public enum Variant {
        /** The number of distinct moved VMs it was seen talking to. */
        DEGREE,
        /** The bytes seen between it and moved VMs. */
        TRAFFIC
    }

    private final Variant variant;
    private final int initial;

    /**
     * The method of {@code variant} whose first {@code initial} (≥ 1) picks are uniform whatever has
     * been observed.
     */
    public OnlineOrderer(Variant variant, int initial) {
        if (initial < 1) {
            throw new IllegalArgumentException("the online method starts with " + initial
                    + " random VMs; it needs at least 1");
        }
        this.variant = variant;
        this.initial = initial;
    }

    /** {@code online-degree} or {@code online-traffic}. */
    @Override
    public String name() {
        return "online-" + variant.name().toLowerCase(Locale.ROOT);
    }

    public Variant variant() {
        return variant;
    }

    /**
     * One VM at a time with the graph as the hidden truth: each pick cuts over before the next, and
     * then its traffic with every VM still home (a day's bytes, the edge weight) is observed. The
     * result depends only on the graph and the options' seed.
     */
    @Override
    public Ordering order(CommGraph graph, OrderingOptions options) {
        long started = System.nanoTime();
        int n = graph.vertexCount();
        Session session = start(Precedence.none(n), options.seed());
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            int v = session.next(1)[0];
            order[i] = v;
            session.cutOver(v);
            for (int arc = graph.firstArc(v); arc < graph.endArc(v); arc++) {
                session.observe(graph.target(arc), v, Math.round(graph.weight(arc)));
            }
        }
        return Ordering.certify(graph, order, name(), BandwidthLowerBounds.of(graph),
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** A fresh migration of the VMs {@code precedence} covers, drawing with {@code seed}. */
    public Session start(Precedence precedence, long seed) {
        return new Session(precedence, seed);
    }

    /** One migration in progress: see the class comment. Not thread-safe; feed it from one thread. */
    public final class Session implements SplitTraffic {

        private final Precedence precedence;
        private final Precedence.Tracker tracker;
        private final SplittableRandom random;
        private final WeightTree observed;
        private final WeightTree uniform;
        /** Observed weight per unit, kept also while the unit may not start yet. */
        private final long[] unitWeight;
        private final boolean[] picked;
        private final Set<Long> seenPairs = new HashSet<>();
        private int picks;
        /** A drawn unit waiting for enough free slots, or −1. */
        private int pending = -1;

        private Session(Precedence precedence, long seed) {
            this.precedence = precedence;
            this.tracker = precedence.tracker();
            this.random = new SplittableRandom(seed);
            int units = precedence.unitCount();
            observed = new WeightTree(units);
            uniform = new WeightTree(units);
            unitWeight = new long[units];
            picked = new boolean[units];
            for (int u = 0; u < units; u++) {
                if (tracker.mayStart(u)) {
                    uniform.set(u, precedence.size(u));
                }
            }
        }

        /**
         * The VMs to start now with {@code freeSlots} free: one unit (a VM, or a together group whole),
         * or an empty array when no unit may start (every candidate waits for a cutover) or the drawn
         * unit needs more slots than are free (it is kept and returned once enough are).
         */
        public int[] next(int freeSlots) {
            if (pending < 0) {
                pending = draw();
                if (pending < 0) {
                    return new int[0];
                }
            }
            if (precedence.size(pending) > freeSlots) {
                return new int[0];
            }
            int unit = pending;
            pending = -1;
            return precedence.members(unit);
        }

        private int draw() {
            long total = observed.total();
            WeightTree tree = picks < initial || total == 0 ? uniform : observed;
            long sum = tree == observed ? total : uniform.total();
            if (sum == 0) {
                return -1;
            }
            int unit = tree.find(random.nextLong(sum));
            picked[unit] = true;
            observed.set(unit, 0);
            uniform.set(unit, 0);
            picks++;
            return unit;
        }

        /** {@code vertex} cut over: units waiting only for it may now be drawn. */
        public void cutOver(int vertex) {
            for (int unit : tracker.cutOver(vertex)) {
                if (!picked[unit]) {
                    uniform.set(unit, precedence.size(unit));
                    observed.set(unit, unitWeight[unit]);
                }
            }
        }

        @Override
        public void observe(int homeVm, int movedVm, long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("an observation of " + bytes + " bytes between " + homeVm
                        + " and " + movedVm + " is negative");
            }
            int unit = precedence.unitOf(homeVm);
            if (bytes == 0 || picked[unit] || tracker.hasCutOver(homeVm) || !tracker.hasCutOver(movedVm)) {
                return;
            }
            long add;
            if (variant == Variant.DEGREE) {
                if (!seenPairs.add(((long) homeVm << 32) | movedVm)) {
                    return;
                }
                add = 1;
            } else {
                add = bytes;
            }
            unitWeight[unit] = Math.addExact(unitWeight[unit], add);
            if (tracker.mayStart(unit)) {
                observed.set(unit, unitWeight[unit]);
            }
        }

        /** The weight {@code vertex}'s unit would be drawn with now (0 when it may not be drawn). */
        public long weightOf(int vertex) {
            int unit = precedence.unitOf(vertex);
            return picked[unit] || !tracker.mayStart(unit) ? 0 : unitWeight[unit];
        }

        /** How many units were drawn so far. */
        public int picks() {
            return picks;
        }
    }
}
