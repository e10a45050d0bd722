package dev.skylift.order;

import dev.skylift.graph.CommGraph;

/**
 * One method of numbering the VMs of a communication graph for migration: the vertex at position 0
 * moves first. Every method returns an {@link Ordering} that carries its own certificate (the
 * bandwidth recomputed from the permutation and the best lower bound known), so callers never have
 * to trust a method's own account of its result. Orderers do no I/O.
 */
public interface Orderer {

    /** The name users select this method by, e.g. {@code rcm}. */
    String name();

    /** Orders the graph within the options' time limit. */
    Ordering order(CommGraph graph, OrderingOptions options);

    /** Orders the graph with the default options. */
    default Ordering order(CommGraph graph) {
        return order(graph, OrderingOptions.defaults());
    }
}
