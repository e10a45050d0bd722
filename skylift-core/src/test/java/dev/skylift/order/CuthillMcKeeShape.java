package dev.skylift.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skylift.graph.CommGraph;
import dev.skylift.graph.TestGraphs;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks of the shape a Cuthill–McKee order must have, from the method's definition rather than
 * from its implementation.
 */
final class CuthillMcKeeShape {

    private CuthillMcKeeShape() {
    }

    /**
     * Checks that every connected component occupies one contiguous block of positions and that
     * the blocks come in the documented order: isolated vertices first, then the components by
     * their least-degree vertex (lowest degree, then lowest index); returns the blocks as
     * {from, to} position ranges.
     */
    static List<int[]> componentBlocks(CommGraph graph, int[] order) {
        int n = graph.vertexCount();
        int[] root = TestGraphs.componentRoots(n, TestGraphs.edges(graph));
        // The key of a component: its least (degree, index) pair, packed.
        long[] key = new long[n];
        java.util.Arrays.fill(key, Long.MAX_VALUE);
        for (int v = 0; v < n; v++) {
            key[root[v]] = Math.min(key[root[v]], ((long) graph.degree(v) << 32) | v);
        }
        List<int[]> blocks = new ArrayList<>();
        boolean[] finished = new boolean[n];
        int from = 0;
        while (from < n) {
            int component = root[order[from]];
            assertThat(finished[component]).as("component of vertex %d appears in two blocks", component).isFalse();
            int to = from;
            while (to < n && root[order[to]] == component) {
                to++;
            }
            finished[component] = true;
            blocks.add(new int[] {from, to});
            from = to;
        }
        for (int b = 1; b < blocks.size(); b++) {
            long previous = key[root[order[blocks.get(b - 1)[0]]]];
            long current = key[root[order[blocks.get(b)[0]]]];
            assertThat(current).as("(least degree, index) of block %d after block %d's", b, b - 1)
                    .isGreaterThan(previous);
        }
        return blocks;
    }

    /**
     * Checks that {@code order[from..to)} is a Cuthill–McKee numbering of one component: a
     * breadth-first numbering in which each vertex is numbered by its earliest-numbered neighbour
     * (its parent), the children of earlier parents come first, and the children of one parent come
     * in increasing degree, ties by increasing index. Together these leave only the start vertex free.
     */
    static void assertCuthillMcKee(CommGraph graph, int[] order, int from, int to) {
        int[] position = new int[graph.vertexCount()];
        java.util.Arrays.fill(position, -1);
        for (int i = from; i < to; i++) {
            position[order[i]] = i;
        }
        long[] previousKey = null;
        for (int i = from + 1; i < to; i++) {
            int w = order[i];
            int parentPosition = Integer.MAX_VALUE;
            for (int a = graph.firstArc(w); a < graph.endArc(w); a++) {
                int p = position[graph.target(a)];
                if (p >= 0) {
                    parentPosition = Math.min(parentPosition, p);
                }
            }
            assertThat(parentPosition).as("vertex %d at %d has an earlier neighbour", w, i).isLessThan(i);
            long[] key = {parentPosition, graph.degree(w), w};
            if (previousKey != null) {
                assertThat(compare(previousKey, key))
                        .as("(parent position, degree, index) of position %d %s before %s", i,
                                java.util.Arrays.toString(previousKey), java.util.Arrays.toString(key))
                        .isNegative();
            }
            previousKey = key;
        }
    }

    private static int compare(long[] a, long[] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return Long.compare(a[i], b[i]);
            }
        }
        return 0;
    }

    /** The order with each block reversed in place. */
    static int[] reverseBlocks(int[] order, List<int[]> blocks) {
        int[] reversed = order.clone();
        for (int[] block : blocks) {
            for (int i = block[0], j = block[1] - 1; i < j; i++, j--) {
                int t = reversed[i];
                reversed[i] = reversed[j];
                reversed[j] = t;
            }
        }
        return reversed;
    }
}
