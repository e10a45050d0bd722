package dev.skylift.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The communication graph of an estate: one vertex per VM, one undirected weighted edge per
 * communicating pair. Immutable and compact: the structure lives in int arrays in compressed
 * sparse row (CSR) form, so the ordering algorithms walk it without boxing or pointer chasing,
 * and the vertex names live apart in {@link VertexLabels}.
 *
 * <p>Vertices are 0..n−1. The neighbours of {@code v} are the arcs
 * {@code firstArc(v) .. endArc(v)−1}, in increasing vertex order; every edge appears as two
 * arcs. Weights are kept per edge and shared by both arcs; a graph whose weights are all 1 stores
 * none (a 1,000,000-vertex, 5,000,000-edge graph takes 44 MB unweighted, 124 MB weighted).
 */
public final class CommGraph {

    private final int[] offsets;
    private final int[] neighbours;
    /** Edge id of each arc, or null when every weight is 1. */
    private final int[] arcEdge;
    /** Weight of each edge, or null when every weight is 1. */
    private final double[] edgeWeights;
    private final int edgeCount;
    private final int maxDegree;
    private final VertexLabels labels;

    private CommGraph(int[] offsets, int[] neighbours, int[] arcEdge, double[] edgeWeights,
                      int edgeCount, VertexLabels labels) {
        this.offsets = offsets;
        this.neighbours = neighbours;
        this.arcEdge = arcEdge;
        this.edgeWeights = edgeWeights;
        this.edgeCount = edgeCount;
        this.labels = labels;
        int max = 0;
        for (int v = 0; v + 1 < offsets.length; v++) {
            max = Math.max(max, offsets[v + 1] - offsets[v]);
        }
        this.maxDegree = max;
    }

    /** A builder for a graph on {@code vertexCount} vertices whose edges carry weights. */
    public static Builder builder(int vertexCount) {
        return new Builder(vertexCount, true, 16);
    }

    /**
     * A builder for a graph on {@code vertexCount} vertices, sized for about {@code expectedEdges}
     * edge additions; {@code weighted = false} ignores weights (every edge weighs 1) and saves their
     * memory.
     */
    public static Builder builder(int vertexCount, long expectedEdges, boolean weighted) {
        return new Builder(vertexCount, weighted, expectedEdges);
    }

    public int vertexCount() {
        return offsets.length - 1;
    }

    public int edgeCount() {
        return edgeCount;
    }

    public int degree(int v) {
        return offsets[v + 1] - offsets[v];
    }

    public int maxDegree() {
        return maxDegree;
    }

    /** The first arc of {@code v}; its arcs are {@code firstArc(v) .. endArc(v)−1}. */
    public int firstArc(int v) {
        return offsets[v];
    }

    /** One past the last arc of {@code v}. */
    public int endArc(int v) {
        return offsets[v + 1];
    }

    /** The vertex an arc leads to. */
    public int target(int arc) {
        return neighbours[arc];
    }

    /** The weight of the edge an arc belongs to. */
    public double weight(int arc) {
        return edgeWeights == null ? 1.0 : edgeWeights[arcEdge[arc]];
    }

    /** Whether some edge weighs other than 1. */
    public boolean isWeighted() {
        return edgeWeights != null;
    }

    /** The sum of all edge weights. */
    public double totalWeight() {
        if (edgeWeights == null) {
            return edgeCount;
        }
        double sum = 0;
        for (double w : edgeWeights) {
            sum += w;
        }
        return sum;
    }

    /** Whether {@code u} and {@code v} communicate; O(log degree). */
    public boolean hasEdge(int u, int v) {
        return arc(u, v) >= 0;
    }

    /** The arc from {@code u} to {@code v}, or a negative number when they do not communicate; O(log degree). */
    public int arc(int u, int v) {
        return Arrays.binarySearch(neighbours, offsets[u], offsets[u + 1], v);
    }

    public VertexLabels labels() {
        return labels;
    }

    /** The same structure and weights under other labels. */
    public CommGraph withLabels(VertexLabels newLabels) {
        checkLabels(newLabels, vertexCount());
        return new CommGraph(offsets, neighbours, arcEdge, edgeWeights, edgeCount, newLabels);
    }

    /**
     * The subgraph induced by the vertices marked in {@code keep}: they are renumbered in their
     * order, keep their labels, and keep the pairs (and weights) among them.
     */
    public CommGraph induced(boolean[] keep) {
        int n = vertexCount();
        if (keep.length != n) {
            throw new IllegalArgumentException("the selection has " + keep.length + " marks for " + n + " vertices");
        }
        int[] vertex = new int[n];
        List<String> names = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            vertex[v] = keep[v] ? names.size() : -1;
            if (keep[v]) {
                names.add(labels.label(v));
            }
        }
        Builder builder = builder(names.size(), edgeCount, isWeighted());
        for (int u = 0; u < n; u++) {
            for (int arc = firstArc(u); arc < endArc(u); arc++) {
                int v = target(arc);
                if (u < v && vertex[u] >= 0 && vertex[v] >= 0) {
                    builder.addEdge(vertex[u], vertex[v], weight(arc));
                }
            }
        }
        return builder.build(VertexLabels.of(names));
    }

    @Override
    public String toString() {
        return "CommGraph[n=" + vertexCount() + ", m=" + edgeCount + (isWeighted() ? ", weighted" : "") + "]";
    }

    private static void checkLabels(VertexLabels labels, int n) {
        if (labels.size() != n) {
            throw new IllegalArgumentException(
                    "there are " + labels.size() + " labels for " + n + " vertices");
        }
    }

    /**
     * Collects edges, then builds a {@link CommGraph}: duplicate pairs are merged with their
     * weights summed, self-loops are dropped (and counted). Edges are held as packed pairs and
     * sorted in place, so building a graph needs little more memory than the graph itself.
     * A builder builds once.
     */
    public static final class Builder {
        private final int n;
        private long[] keys;
        private double[] weights;
        private int size;
        private long selfLoops;
        private boolean built;

        private Builder(int vertexCount, boolean weighted, long expectedEdges) {
            if (vertexCount < 0) {
                throw new IllegalArgumentException("vertex count " + vertexCount + " is negative");
            }
            this.n = vertexCount;
            int capacity = (int) Math.max(16, Math.min(expectedEdges, Integer.MAX_VALUE - 8));
            this.keys = new long[capacity];
            this.weights = weighted ? new double[capacity] : null;
        }

        public int vertexCount() {
            return n;
        }

        /** Adds the pair {u, v} with weight 1. */
        public Builder addEdge(int u, int v) {
            return addEdge(u, v, 1.0);
        }

        /** Adds the pair {u, v}; a repeated pair adds its weight to the earlier one. */
        public Builder addEdge(int u, int v, double weight) {
            if (built) {
                throw new IllegalStateException("this builder has already built its graph");
            }
            checkVertex(u);
            checkVertex(v);
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException(
                        "the weight " + weight + " of edge {" + u + ", " + v + "} is not a finite non-negative number");
            }
            weight += 0.0; // -0.0 becomes 0.0
            if (u == v) {
                selfLoops++;
                return this;
            }
            if (size == keys.length) {
                grow();
            }
            keys[size] = u < v ? ((long) u << 32) | v : ((long) v << 32) | u;
            if (weights != null) {
                weights[size] = weight;
            }
            size++;
            return this;
        }

        /** How many self-loops were dropped so far. */
        public long selfLoopsDropped() {
            return selfLoops;
        }

        /** Builds the graph with labels "1".."n". */
        public CommGraph build() {
            return build(VertexLabels.oneBased(n));
        }

        public CommGraph build(VertexLabels labels) {
            if (built) {
                throw new IllegalStateException("this builder has already built its graph");
            }
            checkLabels(labels, n);
            built = true;
            if (weights == null) {
                Arrays.sort(keys, 0, size);
            } else {
                PairSort.sort(keys, weights, 0, size);
            }
            int m = mergeDuplicates();

            int[] offsets = new int[n + 1];
            for (int e = 0; e < m; e++) {
                offsets[(int) (keys[e] >>> 32) + 1]++;
                offsets[(int) keys[e] + 1]++;
            }
            for (int v = 0; v < n; v++) {
                offsets[v + 1] += offsets[v];
            }
            boolean unit = weights == null || allOnes(weights, m);
            int[] neighbours = new int[2 * m];
            int[] arcEdge = unit ? null : new int[2 * m];
            int[] cursor = Arrays.copyOf(offsets, n);
            // Keys are sorted by (low, high): row x receives its lower neighbours first, in increasing
            // order, then its higher ones, so every row comes out sorted.
            for (int e = 0; e < m; e++) {
                int a = (int) (keys[e] >>> 32);
                int b = (int) keys[e];
                int arcA = cursor[a]++;
                int arcB = cursor[b]++;
                neighbours[arcA] = b;
                neighbours[arcB] = a;
                if (arcEdge != null) {
                    arcEdge[arcA] = e;
                    arcEdge[arcB] = e;
                }
            }
            keys = null;
            double[] edgeWeights = unit ? null : (weights.length == m ? weights : Arrays.copyOf(weights, m));
            weights = null;
            return new CommGraph(offsets, neighbours, arcEdge, edgeWeights, m, labels);
        }

        private int mergeDuplicates() {
            int m = 0;
            for (int i = 0; i < size; i++) {
                if (m > 0 && keys[i] == keys[m - 1]) {
                    if (weights != null) {
                        weights[m - 1] += weights[i];
                    }
                } else {
                    keys[m] = keys[i];
                    if (weights != null) {
                        weights[m] = weights[i];
                    }
                    m++;
                }
            }
            return m;
        }

        private static boolean allOnes(double[] weights, int m) {
            for (int e = 0; e < m; e++) {
                if (weights[e] != 1.0) {
                    return false;
                }
            }
            return true;
        }

        private void grow() {
            long wanted = keys.length + (keys.length >> 1) + 16L;
            int capacity = (int) Math.min(wanted, Integer.MAX_VALUE - 8);
            if (capacity <= keys.length) {
                throw new IllegalStateException("too many edge additions for one builder: " + size);
            }
            keys = Arrays.copyOf(keys, capacity);
            if (weights != null) {
                weights = Arrays.copyOf(weights, capacity);
            }
        }

        private void checkVertex(int v) {
            if (v < 0 || v >= n) {
                throw new IndexOutOfBoundsException("vertex " + v + " is outside 0.." + (n - 1));
            }
        }
    }
}
