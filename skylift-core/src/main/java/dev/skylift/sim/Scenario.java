package dev.skylift.sim;

import dev.skylift.graph.CommGraph;
import dev.skylift.order.Orderers;
import dev.skylift.order.OrderingOptions;
import dev.skylift.plan.Planner;
import dev.skylift.plan.VmSize;
import dev.skylift.traffic.AffinityRules;
import java.util.List;

/**
 * What every strategy of a comparison is run on: the estate's communication graph (edge weight =
 * bytes per day; for the online strategies it is the hidden truth they only see through observed
 * traffic), each VM's size, the affinity rules, the planner (WAN, concurrency, pre-copy), and the
 * options the ordering searches get (time limit each, seed). The best bandwidth order, which
 * several strategies start from, is computed once per scenario and shared.
 */
public final class Scenario {

    private final CommGraph graph;
    private final List<VmSize> sizes;
    private final AffinityRules rules;
    private final Planner planner;
    private final OrderingOptions options;
    private int[] bandwidthOrder;

    public Scenario(CommGraph graph, List<VmSize> sizes, AffinityRules rules, Planner planner, OrderingOptions options) {
        this.graph = graph;
        this.sizes = List.copyOf(sizes);
        this.rules = rules;
        this.planner = planner;
        this.options = options;
    }

    public CommGraph graph() {
        return graph;
    }

    public List<VmSize> sizes() {
        return sizes;
    }

    public AffinityRules rules() {
        return rules;
    }

    public Planner planner() {
        return planner;
    }

    /** The time limit and seed of each ordering search. */
    public OrderingOptions options() {
        return options;
    }

    /** The ordering engine's best bandwidth order ({@code auto}), computed on first use. */
    synchronized int[] bandwidthOrder() {
        if (bandwidthOrder == null) {
            bandwidthOrder = Orderers.byName("auto").order(graph, options).order();
        }
        return bandwidthOrder.clone();
    }
}
