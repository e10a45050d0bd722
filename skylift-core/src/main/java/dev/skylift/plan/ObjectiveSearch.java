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
 * <p>Cost. A move is O(reach × degree); a confirmation is one plan and its metrics,
 * O((n + m) log n); the state is O(n + m) with the rules.
 */
public final class ObjectiveSearch {

    /** The farthest a unit is moved in one insertion. */
    private static final int REACH = 64;

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
    private final boolean[] pinned;

    // The state: the units in order, each unit's place and surrogate cutover time, the weight across each gap.
    private final int[] order;
    private final int[] place;
    private final double[] time;
    private final double[] cut;
    private final double totalWeight;
    private double value;
    /** How many lengths a unit takes to cross, the WAN being shared (see {@link #calibrate}). */
    private double stretchFactor = 1;
    private final int[] focus;
    private int focusSize;
    /** The longest edge of the start in surrogate time: stretch costs are taken relative to it. */
    private double spanScale = 1;

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
        mustPrecede = new HashSet<>();
        for (int u = 0; u < units; u++) {
            for (int a : repair.predecessors.get(u)) {
                mustPrecede.add(((long) unitOf[a] << 32) | u);
            }
        }
        totalWeight = Math.max(graph.totalWeight(), Double.MIN_NORMAL);
        order = new int[units];
        place = new int[units];
        time = new double[units];
        cut = new double[Math.max(units - 1, 0)];
        focus = new int[units];
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
        int[] best = startOrder.clone();
        MigrationPlan startPlan = planner.plan(graph, best, sizes, rules);
        double bestReal = objective.of(PlanMetrics.of(startPlan, graph));
        long confirmNanos = System.nanoTime() - began;
        calibrate(startPlan);
        if (units < 2) {
            return best;
        }
        load(startOrder);
        spanScale = Math.max(longestSpan(), Double.MIN_NORMAL);
        rebuild();
        var random = new Random(options.seed());
        long checkEvery = Math.max(200, 2L * units);
        long iterations = 0;
        while (iterations < options.iterationLimit()) {
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
                double real = real(current);
                confirmNanos = System.nanoTime() - confirmed;
                // Iterated local search (Lourenço, Martin, Stützle 2003): keep an order at least as good as
                // the best, go back to the best otherwise; when the descent has stalled, kick it.
                boolean stalled = real >= bestReal;
                if (real <= bestReal) {
                    bestReal = real;
                    best = current;
                } else {
                    load(best);
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
     * Fits the surrogate's transfer time to the planner's: a VM moves while others share the WAN, so
     * it takes about (the concurrency reached) times its length to cross. That factor is the plan's
     * total transfer time over its makespan.
     */
    private void calibrate(MigrationPlan plan) {
        double busy = 0;
        for (MigrationStep step : plan.steps()) {
            busy += step.cutover() - step.start();
        }
        stretchFactor = plan.makespan() > 0 ? Math.min(Math.max(busy / plan.makespan(), 1), units) : 1;
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
        int[] vertices = new int[graph.vertexCount()];
        int at = 0;
        for (int u : order) {
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
                        critical = Math.abs(time[u] - time[unitOf[graph.target(arc)]]) >= 0.95 * longest;
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
        for (int u = 0; u < units; u++) {
            for (int x : members[u]) {
                for (int arc = graph.firstArc(x); arc < graph.endArc(x); arc++) {
                    longest = Math.max(longest, Math.abs(time[u] - time[unitOf[graph.target(arc)]]));
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
            time[order[i]] = prefix + stretchFactor * length[order[i]];
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
                    int w = unitOf[graph.target(arc)];
                    if (w > u) {
                        value += edgeCost(graph.weight(arc), Math.abs(time[u] - time[w]));
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
            // a moves later by b's length, b earlier by a's: every other unit keeps its time.
            double newA = time[a] + lb;
            double newB = time[b] - la;
            for (int x : members[a]) {
                for (int arc = graph.firstArc(x); arc < graph.endArc(x); arc++) {
                    int w = unitOf[graph.target(arc)];
                    if (w == a) {
                        continue;
                    }
                    double weight = graph.weight(arc);
                    double other = w == b ? newB : time[w];
                    delta += edgeCost(weight, Math.abs(newA - other)) - edgeCost(weight, Math.abs(time[a] - time[w]));
                }
            }
            for (int x : members[b]) {
                for (int arc = graph.firstArc(x); arc < graph.endArc(x); arc++) {
                    int w = unitOf[graph.target(arc)];
                    if (w == a || w == b) {
                        continue;
                    }
                    double weight = graph.weight(arc);
                    delta += edgeCost(weight, Math.abs(newB - time[w])) - edgeCost(weight, Math.abs(time[b] - time[w]));
                }
            }
            value += delta;
            time[a] = newA;
            time[b] = newB;
            place[a] = gap + 1;
            place[b] = gap;
        }
        order[gap] = b;
        order[gap + 1] = a;
    }
}
