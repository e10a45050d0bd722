package dev.skylift.order;

import dev.skylift.graph.CommGraph;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wraps an orderer so that each (graph, options) is solved once: the shared invariants of
 * {@link AbstractOrdererTest} ask for the same graph's ordering many times, and a method that
 * spends its whole time limit on a proof would make that add up.
 */
final class MemoOrderer implements Orderer {

    private final Orderer orderer;
    private final Map<CommGraph, Map<OrderingOptions, Ordering>> cache =
            Collections.synchronizedMap(new IdentityHashMap<>());

    MemoOrderer(Orderer orderer) {
        this.orderer = orderer;
    }

    @Override
    public String name() {
        return orderer.name();
    }

    @Override
    public Ordering order(CommGraph graph, OrderingOptions options) {
        return cache.computeIfAbsent(graph, g -> new ConcurrentHashMap<>())
                .computeIfAbsent(options, o -> orderer.order(graph, o));
    }
}
