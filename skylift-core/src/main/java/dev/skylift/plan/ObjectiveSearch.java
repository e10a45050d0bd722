package dev.skylift.plan;

import dev.skylift.graph.CommGraph;
import dev.skylift.order.OrderingOptions;
import dev.skylift.traffic.AffinityRules;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Improves a migration order for one {@link Objective} by local search on a fast surrogate of the
 * timeline, confirmed on the real one.
 *
 * <p>The surrogate ("positions scaled by cumulative transfer time"). With the WAN busy throughout,
 * the unit of VMs at position i starts roughly when the bytes of the units before it have crossed,
 * and takes about f times its own bytes to cross, f being how many transfers share the WAN:
 * C(i) = Σ_{j<i} s_j + f·s_i, sizes scaled to 1 for the whole estate. f is calibrated on the
 * planner's own plan of the start (total transfer time over makespan; k for a full rolling window),
 * so the surrogate follows whatever planner (rolling window, waves) it is given. On these times
 * the three objectives become the linear ordering problems they are relatives of, with vertex
 * lengths:
 * <ul>
 *   <li>exposure: Σ w(u,v)·|C(u) − C(v)|, a weighted minimum linear arrangement (Petit, "Experiments
 *       on the minimum linear arrangement problem", ACM JEA 8, 2003; Safro, Ron, Brandt, "Graph minimum
 *       linear arrangement by multilevel weighted edge contractions", J. Algorithms 60, 2006);</li>
 *   <li>stretch: max |C(u) − C(v)|, the bandwidth in time, smoothed as Σ (|C(u) − C(v)| / L)^32,
 *       L the start's longest, so that a move shortening one of the longest edges counts even when
 *       another as long remains, while the bulk of shorter edges weighs next to nothing;</li>
 *   <li>peak: max over the gaps between consecutive units of the weight crossing the gap, a
 *       cutwidth, smoothed as Σ cut^4 (Pardo, Martí, Duarte, "Linear layout problems",
 *       Handbook of Heuristics, 2016; Martí, Pantrigo, Duarte, Pardo, "Branch and bound for the
 *       cutwidth minimization problem", Comput. Oper. Res. 40, 2013).</li>
 * </ul>
 *
 * <p>The moves. A unit (a VM, or a together group, which moves as one block) is inserted up to 64
 * places earlier or later. An insertion is a chain of swaps of adjacent units, and a swap changes
 * only the two units' times (and, for peak, the one gap between them), so the chain is evaluated
 * incrementally in O(Σ degrees of the units passed), the way insertion neighbourhoods are scanned
 * for the linear ordering problem (Schiavinotto, Stützle, "The linear ordering problem: instances,
 * search space analysis and algorithms", J. Math. Model. Algorithms 3, 2004). The best place on the
 * chain is kept when it lowers the surrogate. A swap that would put a VM before one it must follow
 * ({@code before} rules) is never made, nor one past a pinned unit, so the chain stops there. Half
 * the units tried are drawn from where the objective is decided: the ends of the longest edges
 * (stretch) or the units around the widest gap (peak); exposure has no such place.
 *
 * <p>Confirmation. Every max(200, 2 × units) moves (a number fixed by the graph's size, so that a
 * run bounded by iterations is reproducible for a seed) the current order is planned for real and
 * measured with {@link PlanMetrics}. As in iterated local search (Lourenço, Martin, Stützle,
 * "Iterated local search", Handbook of Metaheuristics, 2003) an order at least as good as the best
 * is kept, a worse one sends the search back to the best, and when the real value did not improve
 * the order is kicked by a few forced insertions. The start (repaired) is the first candidate, so
 * the result is never worse than the start. The search stops at the options' iteration limit or a
 * little before its time limit, leaving room for the last confirmation.
 *
 * <p>Stretch under a rolling window, up to {@link #REPLAY_UNITS} units, has a second phase: after
 * a short run on the surrogate, simulated annealing on an exact replay of the window
 * ({@link WindowReplay}), once from the surrogate's order and once from its reverse (see
 * {@link #annealed}). The linear surrogate cannot see that a VM whose memory rounds barely
 * converge at a k-th of the WAN takes a day where the window is full and hours where it drains,
 * and its single-unit moves cannot take a whole neighbourhood there; the replay and the
 * neighbourhood moves can.
 *
 * <p>Cost. A move is O(reach × degree); a confirmation is one plan and its metrics,
 * O((n + m) log n); the state is O(n + m) with the rules.
 */
public final class ObjectiveSearch {

    /** The farthest a unit is moved in one insertion. */
    private static final int REACH = 64;
    /** The most units for which the second phase replays the window (O(n · k · rounds) per move). */
    private static final int REPLAY_UNITS = 80;
    /** One annealing move in this many is a neighbourhood move. */
    private static final int BLOCK_ODDS = 4;
    /** The annealing's first and last temperatures, as fractions of the start's longest span. */
    private static final double HOT = 0.03;
    private static final double COLD = 0.001;
    /** The share of the time (or iterations) the linear surrogate gets before the replay phase. */
    private static final double SURROGATE_SHARE = 0.05;

    private final CommGraph graph;
    private final Planner planner;
    private final Collection<VmSize> sizes;
    private final AffinityRules rules;
    private final Objective objective;

    private final int units;
    private final int[][] members;
    private final int[] unitOf;
    private final double[] length;
    private final Set<Long> mustPrecede;
    private final int[][] predecessors;
    private final boolean[] pinned;

    // The state: the units in order, each unit's place, each VM's surrogate cutover time, the weight across each gap.
    private final int[] order;
    private final int[] place;
    private final double[] time;
    /** Each VM's surrogate cutover after its unit's start (see {@link #calibrate}). */
    private final double[] offset;
    private final double[] cut;
    private final double totalWeight;
    private double value;
    /** How many lengths a unit takes to cross, the WAN being shared (see {@link #calibrate}). */
    private double stretchFactor = 1;
    private final int[] focus;
    private final boolean[] blockMark;
    private final int[] blockUnits;
    private final int[] trialPlace;
    private int focusSize;
    /** The longest edge of the start in surrogate time: stretch costs are taken relative to it. */
    private double spanScale = 1;
    /**
     * Whether the stretch surrogate takes each VM's offset from the real plan and walks on from the
     * order with the smallest real smoothed spans (the first phase before the replay); otherwise it
     * is the linear surrogate with one factor, which did better alone on large estates.
     */
    private boolean fitted;
    private boolean scaled;
    /** The longest replayed span when {@link #focusOn} last looked. */
    private double focusLongest;

    private ObjectiveSearch(CommGraph graph, PrecedenceRepair repair, Collection<VmSize> sizes, Planner planner,
                            AffinityRules rules, Objective objective) {
        this.graph = graph;
        this.planner = planner;
        this.sizes = sizes;
        this.rules = rules;
        this.objective = objective;
        int n = graph.vertexCount();
        units = repair.units.size();
        members = repair.units.toArray(new int[0][]);
        unitOf = new int[n];
        for (int u = 0; u < units; u++) {
            for (int v : members[u]) {
                unitOf[v] = u;
            }
        }
        Map<String, Long> bytes = new HashMap<>();
        for (VmSize size : sizes) {
            bytes.put(size.name(), size.totalBytes());
        }
        double total = 0;
        length = new double[units];
        for (int u = 0; u < units; u++) {
            for (int v : members[u]) {
                length[u] += bytes.getOrDefault(graph.labels().label(v), 0L);
            }
            total += length[u];
        }
        for (int u = 0; u < units; u++) {
            length[u] = total > 0 ? length[u] / total : 1.0 / units;
        }
        predecessors = repair.predecessors.toArray(new int[0][]);
        mustPrecede = new HashSet<>();
        for (int u = 0; u < units; u++) {
            for (int a : repair.predecessors.get(u)) {
                mustPrecede.add(((long) unitOf[a] << 32) | u);
            }
        }
        totalWeight = Math.max(graph.totalWeight(), Double.MIN_NORMAL);
        order = new int[units];
        place = new int[units];
        time = new double[n];
        offset = new double[n];
        cut = new double[Math.max(units - 1, 0)];
        focus = new int[units];
        blockMark = new boolean[units];
        blockUnits = new int[units];
        trialPlace = new int[units];
        pinned = new boolean[units];
    }

    /**
     * An order of the graph's vertices, first to move first, that obeys the rules' {@code before} and
     * {@code together} (together groups contiguous) and whose plan by {@code planner} is no worse for
     * {@code objective} than the plan of {@code start}; improved within the options' time and
     * iteration limits, reproducibly for the options' seed when the iteration limit stops it.
     */
    public static int[] improve(CommGraph graph, int[] start, List<VmSize> sizes, Planner planner, AffinityRules rules,
                                Objective objective, OrderingOptions options) {
        return improve(graph, start, sizes, planner, rules, objective, options, Set.of());
    }

    /**
     * As {@link #improve(CommGraph, int[], List, Planner, AffinityRules, Objective, OrderingOptions)},
     * with the VMs named in {@code pinned} (and their together groups) kept at their places in the
     * (repaired) start: no other VM moves past them. So hubs moved first or last stay first or last
     * while the search still sees their traffic.
     */
    public static int[] improve(CommGraph graph, int[] start, List<VmSize> sizes, Planner planner, AffinityRules rules,
                                Objective objective, OrderingOptions options, Set<String> pinned) {
        long deadline = System.nanoTime() + options.timeLimit().toNanos();
        PrecedenceRepair repair = PrecedenceRepair.of(start, graph.labels(), rules);
        var search = new ObjectiveSearch(graph, repair, sizes, planner, rules, objective);
        for (String name : pinned) {
            int v = graph.labels().indexOf(name);
            if (v < 0) {
                throw new IllegalArgumentException("the pinned VM " + name + " is not in the graph");
            }
            search.pinned[search.unitOf[v]] = true;
        }
        return search.run(repair.order, options, deadline);
    }

    private int[] run(int[] startOrder, OrderingOptions options, long deadline) {
        long began = System.nanoTime();
        boolean replaying = objective == Objective.STRETCH && planner instanceof RollingWindowPlanner
                && units >= 2 && units <= REPLAY_UNITS;
        fitted = replaying;
        long surrogateDeadline = replaying ? began + (long) ((deadline - began) * SURROGATE_SHARE) : deadline;
        long surrogateIterations = replaying ? (long) (options.iterationLimit() * SURROGATE_SHARE)
                : options.iterationLimit();
        var random = new Random(options.seed());
        int[] surrogateBest = surrogate(startOrder, random, surrogateIterations, began, surrogateDeadline);
        if (!replaying) {
            return surrogateBest;
        }
        long left = options.iterationLimit() == OrderingOptions.UNLIMITED ? OrderingOptions.UNLIMITED
                : options.iterationLimit() - surrogateIterations;
        boolean anyPinned = false;
        for (boolean p : pinned) {
            anyPinned |= p;
        }
        if (anyPinned) {
            return annealed(surrogateBest, random, left, deadline);
        }
        // An order and its reverse have the same bandwidth but not the same timeline (the window fills at
        // the start and drains at the end), so the second half of the time anneals from the reverse:
        // a long transfer stuck at the start of one is at the end of the other.
        long now = System.nanoTime();
        long half = left == OrderingOptions.UNLIMITED ? OrderingOptions.UNLIMITED : left / 2;
        int[] forward = annealed(surrogateBest, random, half, now + (deadline - now) / 2);
        int[] reversed = new int[surrogateBest.length];
        for (int i = 0; i < reversed.length; i++) {
            reversed[i] = surrogateBest[reversed.length - 1 - i];
        }
        reversed = PrecedenceRepair.of(reversed, graph.labels(), rules).order;
        int[] backward = annealed(reversed, random, left == OrderingOptions.UNLIMITED ? half : left - half, deadline);
        return real(backward) < real(forward) ? backward : forward;
    }

    private int[] surrogate(int[] startOrder, Random random, long iterationLimit, long began, long deadline) {
        int[] best = startOrder.clone();
        MigrationPlan startPlan = planner.plan(graph, best, sizes, rules);
        double bestReal = objective.of(PlanMetrics.of(startPlan, graph));
        long confirmNanos = System.nanoTime() - began;
        if (units < 2) {
            return best;
        }
        MigrationPlan bestPlan = startPlan;
        int[] incumbent = best;
        load(startOrder);
        calibrate(startPlan);
        long checkEvery = Math.max(200, 2L * units);
        long iterations = 0;
        while (iterations < iterationLimit) {
            if ((iterations & 63) == 0 && System.nanoTime() + 2 * confirmNanos >= deadline) {
                break;
            }
            if ((iterations & 1023) == 0) {
                refocus();
            }
            int u = focusSize > 0 && random.nextBoolean() ? focus[random.nextInt(focusSize)] : random.nextInt(units);
            if (!pinned[u]) {
                insert(u, random.nextBoolean() ? 1 : -1, 1 + random.nextInt(REACH), false);
            }
            iterations++;
            if (iterations % checkEvery == 0) {
                int[] current = vertexOrder();
                long confirmed = System.nanoTime();
                MigrationPlan plan = planner.plan(graph, current, sizes, rules);
                double real = objective.of(PlanMetrics.of(plan, graph));
                confirmNanos = System.nanoTime() - confirmed;
                // Iterated local search (Lourenço, Martin, Stützle 2003): keep an order at least as good as
                // the best, go back to the best otherwise; when the descent has stalled, kick it.
                boolean stalled;
                if (fitted) {
                    // The walk goes on from the order whose real spans are smallest in the smoothed sense (the
                    // longest first, then how many come close), which crosses plateaus of equal max stretch.
                    if (real < bestReal) {
                        bestReal = real;
                        best = current;
                    }
                    double scale = objective.of(PlanMetrics.of(bestPlan, graph));
                    double here = smoothSpans(plan, scale);
                    stalled = here >= smoothSpans(bestPlan, scale);
                    if (!stalled) {
                        bestPlan = plan;
                        incumbent = current;
                    } else {
                        load(incumbent);
                    }
                    calibrate(bestPlan);
                } else {
                    stalled = real >= bestReal;
                    if (real <= bestReal) {
                        bestReal = real;
                        best = current;
                        bestPlan = plan;
                    } else {
                        load(best);
                    }
                }
                if (stalled) {
                    for (int kick = 2 + units / 50; kick > 0; kick--) {
                        int kicked = random.nextInt(units);
                        if (!pinned[kicked]) {
                            insert(kicked, random.nextBoolean() ? 1 : -1, 1 + random.nextInt(REACH), true);
                        }
                    }
                }
            }
        }
        int[] current = vertexOrder();
        if (!Arrays.equals(current, best) && real(current) < bestReal) {
            return current;
        }
        return best;
    }

    /**
     * The second phase for stretch under a rolling window: simulated annealing (Kirkpatrick, Gelatt,
     * Vecchi, "Optimization by simulated annealing", Science 220, 1983) on an exact, incremental
     * {@link WindowReplay} of the planner instead of the linear surrogate. The energy is the soft
     * max L · (Σ (span / L)^32)^(1/32) of the replayed spans (L the start's longest), so the longest
     * pairs count first and the number close to them next, and plateaus of equal max stretch are
     * crossed. A move takes a unit (half the time one at an end of a pair within 5% of the longest)
     * and inserts it at a random place within {@link #REACH}, swaps it with the unit there (one move
     * in four), or, one move in {@link #BLOCK_ODDS}, takes it out with the units of its neighbours and
     * puts them back as one block first, last or anywhere: a long transfer whose memory rounds barely
     * converge at a k-th of the WAN finishes far sooner where the window drains, but only a joint
     * move takes its neighbourhood there without splitting it. The Metropolis threshold is drawn
     * before the replay, which stops as soon as the move is known to be refused. The temperature
     * falls geometrically from {@link #HOT} to {@link #COLD} of L over the time (or the iterations,
     * when they bound the search, so that it is reproducible). The replay being exact, the order
     * with the shortest replayed max stretch is kept without planning it; at the end it is planned
     * once and returned only if it beats the start on the real planner, so the phase never returns
     * a worse order.
     */
    private int[] annealed(int[] start, Random random, long iterationLimit, long deadline) {
        long began = System.nanoTime();
        MigrationPlan plan = planner.plan(graph, start, sizes, rules);
        long confirmNanos = System.nanoTime() - began;
        int[] best = start;
        double bestReal = objective.of(PlanMetrics.of(plan, graph));
        var window = (RollingWindowPlanner) planner;
        var replay = new WindowReplay(graph, members, predecessors, RollingWindowPlanner.sizesByVertex(graph.labels(), sizes),
                window.concurrency(), window.wan(), window.preCopy());
        load(start);
        replay.base(order);
        double scale = longest(replay.baseCutovers());
        if (!(scale > 0)) {
            return best;
        }
        replay.scale(scale);
        double current = replay.base(order);
        focusOn(replay.baseCutovers());
        double shortest = focusLongest;
        int[] lowestOrder = order.clone();
        boolean confirmed = true;
        int[] trial = new int[units];
        double hot = HOT * scale;
        double cold = COLD * scale;
        long budget = Math.max(deadline - System.nanoTime(), 1);
        boolean byIterations = iterationLimit != OrderingOptions.UNLIMITED;
        long moves = 0;
        while (moves < iterationLimit) {
            if ((moves & 255) == 0) {
                long now = System.nanoTime();
                if (now + 2 * confirmNanos >= deadline) {
                    break;
                }
            }
            double progress = byIterations ? (double) moves / iterationLimit
                    : 1 - (double) (deadline - System.nanoTime()) / budget;
            double temperature = hot * Math.pow(cold / hot, Math.min(Math.max(progress, 0), 1));
            int u = focusSize > 0 && random.nextBoolean() ? focus[random.nextInt(focusSize)] : random.nextInt(units);
            moves++;
            if (pinned[u]) {
                continue;
            }
            int from;
            int to = -1;
            int v = -1;
            boolean swap = false;
            if (random.nextInt(BLOCK_ODDS) == 0) {
                // A neighbourhood move: u and the units of its neighbours, taken out and put back together.
                from = neighbourhoodMoved(u, random, trial);
                if (from < 0) {
                    continue;
                }
            } else {
                int lo = reachable(u, -1);
                int hi = reachable(u, 1);
                if (lo == hi) {
                    continue;
                }
                to = lo + random.nextInt(hi - lo);
                if (to >= place[u]) {
                    to++;
                }
                swap = random.nextInt(4) == 0;
                v = order[to];
                if (swap && (pinned[v] || (to > place[u] ? reachable(v, -1) > place[u] : reachable(v, 1) < place[u]))) {
                    swap = false;
                }
                if (swap) {
                    System.arraycopy(order, 0, trial, 0, units);
                    trial[to] = u;
                    trial[place[u]] = v;
                } else {
                    moved(u, to, trial);
                }
                from = Math.min(to, place[u]);
            }
            // Metropolis on the soft max E = scale · score^(1/32): draw the threshold first, so the
            // replay can stop as soon as the move is known to be refused.
            double energy = Math.pow(current, 1.0 / 32);
            double threshold = energy - temperature / scale * Math.log(1 - random.nextDouble());
            double bound = Math.pow(threshold, 32);
            if (replay.score(trial, from, bound) > bound) {
                continue;
            }
            if (to < 0) {
                System.arraycopy(trial, 0, order, 0, units);
                for (int i = from; i < units; i++) {
                    place[order[i]] = i;
                }
            } else if (swap) {
                int a = place[u];
                order[a] = v;
                order[to] = u;
                place[u] = to;
                place[v] = a;
            } else {
                moveTo(u, to, trial);
            }
            current = replay.base(order);
            focusOn(replay.baseCutovers());
            if (focusLongest < shortest) {
                shortest = focusLongest;
                System.arraycopy(order, 0, lowestOrder, 0, units);
                confirmed = false;
            }
        }
        if (!confirmed) {
            int[] vertices = vertexOrder(lowestOrder);
            if (real(vertices) < bestReal) {
                return vertices;
            }
        }
        return best;
    }

    /**
     * Writes into {@code into} the order with unit {@code u} and the units of its neighbours (at most
     * {@link #REACH}) taken out and put back as one block, in their order, at a random place: first,
     * last or anywhere (the window drains at the end, so a long transfer can finish fast there, with
     * its neighbours around it). Returns the first place that changed, or -1 when the move would
     * break a rule or pass a pinned unit.
     */
    private int neighbourhoodMoved(int u, Random random, int[] into) {
        boolean[] inBlock = blockMark;
        int size = 0;
        int[] block = blockUnits;
        block[size++] = u;
        inBlock[u] = true;
        for (int x : members[u]) {
            for (int arc = graph.firstArc(x); arc < graph.endArc(x) && size < REACH; arc++) {
                int w = unitOf[graph.target(arc)];
                if (!inBlock[w]) {
                    inBlock[w] = true;
                    block[size++] = w;
                }
            }
        }
        int rest = units - size;
        int choice = random.nextInt(4);
        int at = choice == 0 ? 0 : choice == 1 ? rest : random.nextInt(rest + 1);
        int filled = 0;
        int placed = 0;
        for (int i = 0; i <= units; i++) {
            if (placed == at) {
                for (int j = 0; j < units; j++) {
                    if (inBlock[order[j]]) {
                        into[filled++] = order[j];
                    }
                }
                placed = Integer.MAX_VALUE;
            }
            if (i < units && !inBlock[order[i]]) {
                into[filled++] = order[i];
                placed++;
            }
        }
        for (int i = 0; i < size; i++) {
            inBlock[block[i]] = false;
        }
        int first = 0;
        while (first < units && into[first] == order[first]) {
            first++;
        }
        int last = units - 1;
        while (last > first && into[last] == order[last]) {
            last--;
        }
        if (first == units) {
            return -1;
        }
        for (int i = first; i <= last; i++) {
            if (pinned[order[i]]) {
                return -1;
            }
            trialPlace[into[i]] = i;
        }
        for (int i = 0; i < units; i++) {
            if (i < first || i > last) {
                trialPlace[into[i]] = i;
            }
        }
        for (long rule : mustPrecede) {
            if (trialPlace[(int) (rule >>> 32)] > trialPlace[(int) rule]) {
                return -1;
            }
        }
        return first;
    }

    /** The farthest place unit {@code u} can be inserted at in {@code direction}, within {@link #REACH}. */
    private int reachable(int u, int direction) {
        int at = place[u];
        for (int steps = 0; steps < REACH; steps++) {
            int next = at + direction;
            if (next < 0 || next >= units || pinned[order[next]]) {
                break;
            }
            long rule = direction > 0 ? ((long) u << 32) | order[next] : ((long) order[next] << 32) | u;
            if (mustPrecede.contains(rule)) {
                break;
            }
            at = next;
        }
        return at;
    }

    /** Writes into {@code into} the order with unit {@code u} taken out and put back at place {@code to}. */
    private void moved(int u, int to, int[] into) {
        int from = place[u];
        if (to < from) {
            System.arraycopy(order, 0, into, 0, to);
            into[to] = u;
            System.arraycopy(order, to, into, to + 1, from - to);
            System.arraycopy(order, from + 1, into, from + 1, units - from - 1);
        } else {
            System.arraycopy(order, 0, into, 0, from);
            System.arraycopy(order, from + 1, into, from, to - from);
            into[to] = u;
            System.arraycopy(order, to + 1, into, to + 1, units - to - 1);
        }
    }

    private void moveTo(int u, int to, int[] scratch) {
        moved(u, to, scratch);
        System.arraycopy(scratch, 0, order, 0, units);
        for (int i = Math.min(to, place[u]); i < units; i++) {
            place[order[i]] = i;
        }
    }

    /** The units at an end of a pair whose replayed span is within 5% of the longest. */
    private void focusOn(double[] cutover) {
        focusSize = 0;
        double longest = longest(cutover);
        focusLongest = longest;
        for (int u = 0; u < units; u++) {
            boolean critical = false;
            for (int i = 0; i < members[u].length && !critical; i++) {
                int x = members[u][i];
                for (int arc = graph.firstArc(x); arc < graph.endArc(x) && !critical; arc++) {
                    critical = Math.abs(cutover[x] - cutover[graph.target(arc)]) >= 0.95 * longest;
                }
            }
            if (critical) {
                focus[focusSize++] = u;
            }
        }
    }

    private double longest(double[] cutover) {
        double longest = 0;
        for (int x = 0; x < cutover.length; x++) {
            for (int arc = graph.firstArc(x); arc < graph.endArc(x); arc++) {
                longest = Math.max(longest, Math.abs(cutover[x] - cutover[graph.target(arc)]));
            }
        }
        return longest;
    }

    /** Σ over pairs of (span / scale)^32: the longest pairs first, then how many come close. */
    private double smooth(double[] cutover, double scale) {
        double sum = 0;
        for (int x = 0; x < cutover.length; x++) {
            for (int arc = graph.firstArc(x); arc < graph.endArc(x); arc++) {
                int y = graph.target(arc);
                if (y > x) {
                    double f = fourth(fourth(Math.abs(cutover[x] - cutover[y]) / scale));
                    sum += f * f;
                }
            }
        }
        return sum;
    }

    /**
     * Fits the surrogate's times to the planner's plan of the current order, which must be the
     * order {@code plan} timed. A VM moves while others share the WAN, so it takes about (the
     * concurrency reached) times its length to cross; that factor is the plan's total transfer time
     * over its makespan. For stretch, each VM's cutover after its unit's start is then taken from
     * the plan itself (in makespans), so a VM whose memory rounds or shared WAN make it take far
     * longer than its bytes say is seen as it is; an order change moves each unit's start by the
     * lengths passed, and the next confirmation fits the offsets again.
     */
    private void calibrate(MigrationPlan plan) {
        double busy = 0;
        for (MigrationStep step : plan.steps()) {
            busy += step.cutover() - step.start();
        }
        double makespan = plan.makespan();
        stretchFactor = makespan > 0 ? Math.min(Math.max(busy / makespan, 1), units) : 1;
        double[] cutover = fitted && makespan > 0 ? plan.cutoversByVertex() : null;
        double prefix = 0;
        for (int i = 0; i < units; i++) {
            int u = order[i];
            for (int x : members[u]) {
                offset[x] = cutover != null ? cutover[x] / makespan - prefix : stretchFactor * length[u];
            }
            prefix += length[u];
        }
        rebuild();
        if (objective == Objective.STRETCH && (fitted || !scaled)) {
            spanScale = Math.max(longestSpan(), Double.MIN_NORMAL);
            scaled = true;
            rebuild();
        }
    }

    private double smoothSpans(MigrationPlan plan, double scale) {
        return smooth(plan.cutoversByVertex(), scale);
    }

    private double real(int[] vertexOrder) {
        MigrationPlan plan = planner.plan(graph, vertexOrder, sizes, rules);
        return objective.of(PlanMetrics.of(plan, graph));
    }

    /** Takes a vertex order whose units are contiguous (as the repair and {@link #vertexOrder} make them) as the state. */
    private void load(int[] vertexOrder) {
        int i = 0;
        for (int at = 0; at < vertexOrder.length; at += members[order[i - 1]].length) {
            order[i++] = unitOf[vertexOrder[at]];
        }
        rebuild();
    }

    private int[] vertexOrder() {
        return vertexOrder(order);
    }

    private int[] vertexOrder(int[] unitOrder) {
        int[] vertices = new int[graph.vertexCount()];
        int at = 0;
        for (int u : unitOrder) {
            for (int v : members[u]) {
                vertices[at++] = v;
            }
        }
        return vertices;
    }

    /**
     * The units worth moving most often: for stretch, the ends of the longest edges (within 5% of
     * the longest); for peak, the units around the gap the most weight crosses. Exposure has no
     * single worst place, so every unit is as likely.
     */
    private void refocus() {
        focusSize = 0;
        if (objective == Objective.STRETCH) {
            double longest = longestSpan();
            for (int u = 0; u < units && longest > 0; u++) {
                boolean critical = false;
                for (int i = 0; i < members[u].length && !critical; i++) {
                    int x = members[u][i];
                    for (int arc = graph.firstArc(x); arc < graph.endArc(x) && !critical; arc++) {
                        critical = unitOf[graph.target(arc)] != u && Math.abs(time[x] - time[graph.target(arc)]) >= 0.95 * longest;
                    }
                }
                if (critical) {
                    focus[focusSize++] = u;
                }
            }
        } else if (objective == Objective.PEAK && cut.length > 0) {
            int widest = 0;
            for (int gap = 1; gap < cut.length; gap++) {
                if (cut[gap] > cut[widest]) {
                    widest = gap;
                }
            }
            for (int at = Math.max(0, widest - REACH / 2); at <= Math.min(units - 1, widest + 1 + REACH / 2); at++) {
                focus[focusSize++] = order[at];
            }
        }
    }

    private double longestSpan() {
        double longest = 0;
        for (int x = 0; x < time.length; x++) {
            for (int arc = graph.firstArc(x); arc < graph.endArc(x); arc++) {
                if (unitOf[graph.target(arc)] != unitOf[x]) {
                    longest = Math.max(longest, Math.abs(time[x] - time[graph.target(arc)]));
                }
            }
        }
        return longest;
    }

    /** Sets places, times and gaps from {@link #order} and recomputes the surrogate from scratch. */
    private void rebuild() {
        double prefix = 0;
        for (int i = 0; i < units; i++) {
            place[order[i]] = i;
            for (int x : members[order[i]]) {
                time[x] = prefix + offset[x];
            }
            prefix += length[order[i]];
        }
        value = 0;
        if (objective == Objective.PEAK) {
            double across = 0;
            for (int i = 0; i + 1 < units; i++) {
                across += crossing(order[i], i);
                cut[i] = across;
                value += fourth(across / totalWeight);
            }
            return;
        }
        for (int u = 0; u < units; u++) {
            for (int x : members[u]) {
                for (int arc = graph.firstArc(x); arc < graph.endArc(x); arc++) {
                    int y = graph.target(arc);
                    if (unitOf[y] > u) {
                        value += edgeCost(graph.weight(arc), Math.abs(time[x] - time[y]));
                    }
                }
            }
        }
    }

    /**
     * The change in the weight across the gaps when unit {@code u}, placed just after the gap
     * {@code gap − 1}, closes the gap {@code gap}: its edges to later units open, to earlier ones close.
     */
    private double crossing(int u, int gap) {
        double change = 0;
        for (int x : members[u]) {
            for (int arc = graph.firstArc(x); arc < graph.endArc(x); arc++) {
                int w = unitOf[graph.target(arc)];
                if (w != u) {
                    change += place[w] > gap ? graph.weight(arc) : -graph.weight(arc);
                }
            }
        }
        return change;
    }

    private double edgeCost(double weight, double span) {
        return switch (objective) {
            case EXPOSURE -> weight * span;
            case STRETCH -> {
                double fourth = fourth(fourth(span / spanScale));
                yield fourth * fourth;
            }
            case PEAK -> throw new IllegalStateException("peak is scored per gap, not per edge");
        };
    }

    private static double fourth(double x) {
        double square = x * x;
        return square * square;
    }

    /**
     * Moves unit {@code u} up to {@code reach} places in {@code direction} by adjacent swaps, then
     * keeps the place on the way where the surrogate was lowest if that is lower than where it was;
     * when {@code force}d, keeps the place where it got to (a kick).
     */
    private void insert(int u, int direction, int reach, boolean force) {
        double before = value;
        double bestValue = before;
        int bestSteps = 0;
        int steps = 0;
        while (steps < reach) {
            int at = place[u];
            int gap = direction > 0 ? at : at - 1;
            if (gap < 0 || gap + 1 >= units) {
                break;
            }
            if (pinned[order[gap]] || pinned[order[gap + 1]]
                    || mustPrecede.contains(((long) order[gap] << 32) | order[gap + 1])) {
                break;
            }
            swap(gap);
            steps++;
            if (value < bestValue - 1e-12 * Math.abs(before)) {
                bestValue = value;
                bestSteps = steps;
            }
        }
        if (force) {
            return;
        }
        for (; steps > bestSteps; steps--) {
            swap(direction > 0 ? place[u] - 1 : place[u]);
        }
    }

    /** Swaps the units at places {@code gap} and {@code gap + 1}, updating the surrogate incrementally. */
    private void swap(int gap) {
        int a = order[gap];
        int b = order[gap + 1];
        if (objective == Objective.PEAK) {
            double left = gap == 0 ? 0 : cut[gap - 1];
            double old = cut[gap];
            // With b first, the gap after it carries what crossed the gap before plus b's change.
            place[a] = gap + 1;
            place[b] = gap;
            double fresh = left + crossing(b, gap);
            cut[gap] = fresh;
            value += fourth(fresh / totalWeight) - fourth(old / totalWeight);
        } else {
            double delta = 0;
            double la = length[a];
            double lb = length[b];
            // a moves later by b's length, b earlier by a's: every other unit keeps its times.
            for (int x : members[a]) {
                double newX = time[x] + lb;
                for (int arc = graph.firstArc(x); arc < graph.endArc(x); arc++) {
                    int y = graph.target(arc);
                    int w = unitOf[y];
                    if (w == a) {
                        continue;
                    }
                    double weight = graph.weight(arc);
                    double other = w == b ? time[y] - la : time[y];
                    delta += edgeCost(weight, Math.abs(newX - other)) - edgeCost(weight, Math.abs(time[x] - time[y]));
                }
            }
            for (int x : members[b]) {
                double newX = time[x] - la;
                for (int arc = graph.firstArc(x); arc < graph.endArc(x); arc++) {
                    int y = graph.target(arc);
                    int w = unitOf[y];
                    if (w == a || w == b) {
                        continue;
                    }
                    double weight = graph.weight(arc);
                    delta += edgeCost(weight, Math.abs(newX - time[y])) - edgeCost(weight, Math.abs(time[x] - time[y]));
                }
            }
            value += delta;
            for (int x : members[a]) {
                time[x] += lb;
            }
            for (int x : members[b]) {
                time[x] -= la;
            }
            place[a] = gap + 1;
            place[b] = gap;
        }
        order[gap] = b;
        order[gap + 1] = a;
    }
}
