package dev.skylift.order;

import dev.skylift.graph.CommGraph;
import dev.skylift.graph.VertexLabels;
import java.time.Duration;
import java.util.AbstractList;
import java.util.List;

/**
 * A migration order and its certificate. The order lists vertices first to migrate first. The
 * bandwidth is computed here from the permutation itself, never taken from the method that made
 * it; the lower bound is the best one known for the graph, and the order is called optimal only
 * when the two meet (a method that proves optimality by exhausting a search raises its bound).
 */
public final class Ordering {

    private final String method;
    private final int[] order;
    private final int[] position;
    private final int bandwidth;
    private final LowerBound lowerBound;
    private final Duration elapsed;

    private Ordering(String method, int[] order, int[] position, int bandwidth, LowerBound lowerBound,
                     Duration elapsed) {
        this.method = method;
        this.order = order;
        this.position = position;
        this.bandwidth = bandwidth;
        this.lowerBound = lowerBound;
        this.elapsed = elapsed;
    }

    /**
     * Checks that {@code order} is a permutation of the graph's vertices, computes its bandwidth and
     * pairs it with the lower bound. Fails loudly when the bound exceeds the bandwidth: one of
     * them is wrong.
     */
    public static Ordering certify(CommGraph graph, int[] order, String method, LowerBound lowerBound,
                                   Duration elapsed) {
        int[] copy = order.clone();
        int[] position = Bandwidth.positions(copy, graph.vertexCount());
        int bandwidth = Bandwidth.of(graph, position);
        if (lowerBound.value() > bandwidth) {
            throw new IllegalStateException("the lower bound " + lowerBound.value() + " (" + lowerBound.reason()
                    + ") exceeds the bandwidth " + bandwidth + " of a " + method + " ordering: one of them is wrong");
        }
        return new Ordering(method, copy, position, bandwidth, lowerBound, elapsed);
    }

    /** The method that produced the order. */
    public String method() {
        return method;
    }

    public int vertexCount() {
        return order.length;
    }

    /** The vertex that migrates at {@code position} (0 = first). */
    public int vertexAt(int position) {
        return order[position];
    }

    /** Where {@code vertex} is in the order (0 = first). */
    public int positionOf(int vertex) {
        return position[vertex];
    }

    /** The order as a fresh array: element i is the vertex that migrates i-th. */
    public int[] order() {
        return order.clone();
    }

    /** The positions as a fresh array: element v is the position of vertex v. */
    public int[] positions() {
        return position.clone();
    }

    public int bandwidth() {
        return bandwidth;
    }

    public LowerBound lowerBound() {
        return lowerBound;
    }

    /** Whether the bandwidth is proven minimal: it equals the lower bound. */
    public boolean optimal() {
        return bandwidth == lowerBound.value();
    }

    public Duration elapsed() {
        return elapsed;
    }

    /** The labels in migration order. */
    public List<String> labels(VertexLabels labels) {
        return new AbstractList<>() {
            @Override
            public String get(int index) {
                return labels.label(order[index]);
            }

            @Override
            public int size() {
                return order.length;
            }
        };
    }

    @Override
    public String toString() {
        return "Ordering[" + method + ", n=" + order.length + ", bandwidth=" + bandwidth + ", lowerBound="
                + lowerBound.value() + (optimal() ? ", optimal" : "") + "]";
    }
}
