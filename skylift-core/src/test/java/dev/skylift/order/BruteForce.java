package dev.skylift.order;

import dev.skylift.graph.CommGraph;
import dev.skylift.graph.TestGraphs;

/**
 * Exact bandwidths by trying every numbering, for graphs small enough (n ≤ 9) that this is cheap.
 * Deliberately naive: the only pruning is to abandon a partial numbering that already has an edge
 * as long as the best complete numbering found so far.
 */
final class BruteForce {

    private BruteForce() {
    }

    /** The bandwidth of a numbering, by a plain loop over the edges. */
    static int bandwidth(int[][] edges, int[] position) {
        int bandwidth = 0;
        for (int[] e : edges) {
            bandwidth = Math.max(bandwidth, Math.abs(position[e[0]] - position[e[1]]));
        }
        return bandwidth;
    }

    /** The minimum bandwidth over all n! numberings. */
    static int optimum(CommGraph graph) {
        int n = graph.vertexCount();
        if (n > 9) {
            throw new IllegalArgumentException("brute force is for n ≤ 9, not " + n);
        }
        int[][] adjacency = TestGraphs.adjacency(graph);
        int[] position = new int[n];
        java.util.Arrays.fill(position, -1);
        int[] best = {Math.max(0, n - 1)};
        place(adjacency, position, 0, 0, best);
        return best[0];
    }

    private static void place(int[][] adjacency, int[] position, int next, int widthSoFar, int[] best) {
        int n = adjacency.length;
        if (next == n) {
            best[0] = Math.min(best[0], widthSoFar);
            return;
        }
        for (int v = 0; v < n; v++) {
            if (position[v] >= 0) {
                continue;
            }
            int width = widthSoFar;
            for (int w : adjacency[v]) {
                if (position[w] >= 0) {
                    width = Math.max(width, next - position[w]);
                }
            }
            // Any numbering achieves n − 1, the starting best: only strictly narrower ones matter.
            if (width < best[0]) {
                position[v] = next;
                place(adjacency, position, next + 1, width, best);
                position[v] = -1;
            }
        }
    }

    /**
     * Whether some numbering has bandwidth ≤ k, by exhaustive search for graphs of up to 16
     * vertices. Positions are filled in order; a vertex may take the next position only if its
     * placed neighbours are within k, and a partial numbering is abandoned when its unplaced
     * vertices cannot all meet the deadlines their placed neighbours set (more vertices due by some
     * position than positions left before it).
     */
    static boolean hasBandwidthAtMost(CommGraph graph, int k) {
        int n = graph.vertexCount();
        if (n > 16) {
            throw new IllegalArgumentException("exhaustive search is for n ≤ 16, not " + n);
        }
        int[] position = new int[n];
        java.util.Arrays.fill(position, -1);
        return extend(TestGraphs.adjacency(graph), k, position, 0);
    }

    private static boolean extend(int[][] adjacency, int k, int[] position, int next) {
        int n = adjacency.length;
        if (next == n) {
            return true;
        }
        int[] dueAt = new int[n + k + 1];
        for (int v = 0; v < n; v++) {
            if (position[v] >= 0) {
                continue;
            }
            int due = Integer.MAX_VALUE;
            for (int w : adjacency[v]) {
                if (position[w] >= 0) {
                    due = Math.min(due, position[w] + k);
                }
            }
            if (due != Integer.MAX_VALUE) {
                if (due < next) {
                    return false;
                }
                dueAt[due]++;
            }
        }
        int due = 0;
        for (int t = next; t < dueAt.length; t++) {
            due += dueAt[t];
            if (due > t - next + 1) {
                return false;
            }
        }
        for (int v = 0; v < n; v++) {
            if (position[v] >= 0) {
                continue;
            }
            boolean fits = true;
            for (int w : adjacency[v]) {
                fits &= position[w] < 0 || next - position[w] <= k;
            }
            if (fits) {
                position[v] = next;
                boolean found = extend(adjacency, k, position, next + 1);
                position[v] = -1;
                if (found) {
                    return true;
                }
            }
        }
        return false;
    }
}
