package dev.skylift.sim;

import dev.skylift.graph.CommGraph;
import dev.skylift.graph.GraphGenerators;
import dev.skylift.order.OnlineOrderer;
import dev.skylift.order.Orderers;
import dev.skylift.order.Precedence;
import dev.skylift.plan.MigrationPlan;
import dev.skylift.plan.NextVm;
import dev.skylift.plan.Objective;
import dev.skylift.plan.ObjectiveSearch;
import dev.skylift.plan.VmSize;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

/**
 * The strategies users compare by name ({@code --compare}), registered like a simulator's policies.
 * Offline ones know the graph and give an order the planner times; online ones choose as the plan
 * runs, from what they observe.
 */
public final class Strategies {

    private static final Map<String, Strategy> BY_NAME = new LinkedHashMap<>();

    static {
        register(new Offline("random", "a uniformly random order: what knowing nothing gives", true,
                (scenario, seed) -> GraphGenerators.randomPermutation(scenario.graph().vertexCount(), seed)));
        register(new Offline("size", "smallest VM first (memory + disk): the naive operator's order, quick wins first",
                false, (scenario, seed) -> bySize(scenario)));
        register(new Offline("rcm", "reverse Cuthill-McKee: a narrow band in one breadth-first pass", false,
                (scenario, seed) -> Orderers.byName("rcm").order(scenario.graph(), scenario.options().withSeed(seed))
                        .order()));
        register(new Offline("search", "the ordering engine's best bandwidth order (auto: exact, interval or search per component)",
                false, (scenario, seed) -> scenario.bandwidthOrder()));
        for (Objective objective : Objective.values()) {
            register(new Offline(objective.label(), "the best bandwidth order improved for " + objective.label()
                    + " by the objective search", false, (scenario, seed) -> ObjectiveSearch.improve(scenario.graph(),
                    scenario.bandwidthOrder(), scenario.sizes(), scenario.planner(), scenario.rules(), objective,
                    scenario.options().withSeed(seed))));
        }
        for (OnlineOrderer.Variant variant : OnlineOrderer.Variant.values()) {
            register(new Online(new OnlineOrderer(variant, 1)));
        }
    }

    private Strategies() {
    }

    private static void register(Strategy strategy) {
        BY_NAME.put(strategy.name(), strategy);
    }

    /** The strategy of that name; fails naming the known ones. */
    public static Strategy byName(String name) {
        Strategy strategy = BY_NAME.get(name.trim());
        if (strategy == null) {
            throw new IllegalArgumentException("unknown strategy '" + name.trim() + "'; known: " + String.join(", ", names()));
        }
        return strategy;
    }

    /** The strategies of a comma-separated list, in its order; fails on an unknown or repeated name. */
    public static List<Strategy> parse(String list) {
        List<Strategy> strategies = new ArrayList<>();
        for (String name : list.split(",")) {
            Strategy strategy = byName(name);
            if (strategies.contains(strategy)) {
                throw new IllegalArgumentException("the strategy " + strategy.name() + " is listed twice in '" + list + "'");
            }
            strategies.add(strategy);
        }
        return strategies;
    }

    /** Every name, in registration order. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    private static int[] bySize(Scenario scenario) {
        var labels = scenario.graph().labels();
        Map<String, Long> bytes = new LinkedHashMap<>();
        for (VmSize size : scenario.sizes()) {
            bytes.put(size.name(), size.totalBytes());
        }
        return IntStream.range(0, scenario.graph().vertexCount()).boxed()
                .sorted(Comparator.comparingLong((Integer v) -> bytes.getOrDefault(labels.label(v), 0L))
                        .thenComparing(labels::label))
                .mapToInt(Integer::intValue).toArray();
    }

    /** A strategy that orders the graph up front and lets the planner time the order. */
    private record Offline(String name, String description, boolean randomized,
                           BiFunction<Scenario, Long, int[]> orderer) implements Strategy {

        @Override
        public boolean online() {
            return false;
        }

        @Override
        public MigrationPlan plan(Scenario scenario, long seed) {
            return scenario.planner().plan(scenario.graph(), orderer.apply(scenario, seed), scenario.sizes(),
                    scenario.rules());
        }
    }

    /** The online method: chooses as slots free, from the traffic of the VMs cut over so far. */
    private record Online(OnlineOrderer orderer) implements Strategy {

        @Override
        public String name() {
            return orderer.name();
        }

        @Override
        public String description() {
            return "online, no graph known: random first VM, then each next VM drawn in proportion to its observed "
                    + (orderer.variant() == OnlineOrderer.Variant.DEGREE ? "degree" : "traffic")
                    + " towards moved VMs";
        }

        @Override
        public boolean randomized() {
            return true;
        }

        @Override
        public boolean online() {
            return true;
        }

        @Override
        public MigrationPlan plan(Scenario scenario, long seed) {
            var graph = scenario.graph();
            var session = orderer.start(Precedence.of(graph.labels(), scenario.rules()), seed);
            return scenario.planner().plan(graph, new HiddenGraph(graph, session), scenario.sizes(), scenario.rules());
        }
    }

    /**
     * Feeds the online method from the hidden true graph: when a VM cuts over, its traffic with each
     * neighbour still home becomes visible, reported once as the pair's daily bytes (the edge
     * weight): the rate at which the pair crosses the WAN from then on, observed over a day.
     */
    private record HiddenGraph(CommGraph graph, OnlineOrderer.Session session) implements NextVm {

        @Override
        public int[] next(double time, int freeSlots) {
            return session.next(freeSlots);
        }

        @Override
        public void cutOver(int vertex, double time) {
            session.cutOver(vertex);
            for (int arc = graph.firstArc(vertex); arc < graph.endArc(vertex); arc++) {
                session.observe(graph.target(arc), vertex, Math.round(graph.weight(arc)));
            }
        }
    }
}
