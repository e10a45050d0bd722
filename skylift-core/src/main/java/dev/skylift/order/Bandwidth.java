package dev.skylift.order;

import dev.skylift.graph.CommGraph;

/** The bandwidth of a numbering: the largest |f(u) − f(v)| over the graph's edges. O(n + m). */
public final class Bandwidth {

    private Bandwidth() {
    }

    /** The bandwidth of the numbering that puts vertex v at {@code position[v]}. */
    public static int of(CommGraph graph, int[] position) {
        int bandwidth = 0;
        for (int v = 0; v < graph.vertexCount(); v++) {
            int pv = position[v];
            for (int a = graph.firstArc(v), end = graph.endArc(v); a < end; a++) {
                int stretch = pv - position[graph.target(a)];
                if (stretch > bandwidth) {
                    bandwidth = stretch;
                }
            }
        }
        return bandwidth;
    }

    /** The positions of a migration order: {@code position[order[i]] = i}. Checks it is a permutation. */
    public static int[] positions(int[] order, int n) {
        if (order.length != n) {
            throw new IllegalArgumentException("the order has " + order.length + " entries for " + n + " vertices");
        }
        int[] position = new int[n];
        java.util.Arrays.fill(position, -1);
        for (int i = 0; i < n; i++) {
            int v = order[i];
            if (v < 0 || v >= n) {
                throw new IllegalArgumentException("position " + i + " holds vertex " + v + ", outside 0.." + (n - 1));
            }
            if (position[v] >= 0) {
                throw new IllegalArgumentException(
                        "vertex " + v + " appears at positions " + position[v] + " and " + i + ": not a permutation");
            }
            position[v] = i;
        }
        return position;
    }
}
