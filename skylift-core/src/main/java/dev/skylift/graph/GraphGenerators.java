package dev.skylift.graph;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Graphs made to measure: grids (the classic banded structure, whose bandwidth is known), uniform
 * random graphs, and random relabellings that hide any structure an input order would give away.
 * Used by benchmarks and tests; every random choice comes from the seed.
 */
public final class GraphGenerators {

    private GraphGenerators() {
    }

    /**
     * The a×b×c grid graph (c = 1 for a plane grid), vertices numbered x + a·(y + b·z), each joined
     * to its neighbours along the axes.
     */
    public static CommGraph grid(int a, int b, int c) {
        long n = (long) a * b * c;
        if (a < 1 || b < 1 || c < 1 || n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("grid " + a + "×" + b + "×" + c + " is empty or too large");
        }
        long edges = (long) (a - 1) * b * c + (long) a * (b - 1) * c + (long) a * b * (c - 1);
        CommGraph.Builder builder = CommGraph.builder((int) n, edges, false);
        for (int z = 0; z < c; z++) {
            for (int y = 0; y < b; y++) {
                for (int x = 0; x < a; x++) {
                    int v = x + a * (y + b * z);
                    if (x + 1 < a) {
                        builder.addEdge(v, v + 1);
                    }
                    if (y + 1 < b) {
                        builder.addEdge(v, v + a);
                    }
                    if (z + 1 < c) {
                        builder.addEdge(v, v + a * b);
                    }
                }
            }
        }
        return builder.build();
    }

    /**
     * A random graph with n vertices and about m edges drawn uniformly (repeats merge, so slightly
     * fewer), weights uniform in [1, maxWeight] when maxWeight &gt; 1, else unweighted.
     */
    public static CommGraph random(int n, long m, double maxWeight, long seed) {
        if (n < 2 && m > 0) {
            throw new IllegalArgumentException("a graph with edges needs at least two vertices");
        }
        SplittableRandom random = new SplittableRandom(seed);
        boolean weighted = maxWeight > 1;
        CommGraph.Builder builder = CommGraph.builder(n, m, weighted);
        for (long e = 0; e < m; e++) {
            int u = random.nextInt(n);
            int v = random.nextInt(n - 1);
            if (v >= u) {
                v++;
            }
            builder.addEdge(u, v, weighted ? 1 + random.nextDouble() * (maxWeight - 1) : 1.0);
        }
        return builder.build();
    }

    /** A uniformly random permutation of 0..n−1 (Fisher–Yates). */
    public static int[] randomPermutation(int n, long seed) {
        return randomPermutation(n, new SplittableRandom(seed));
    }

    /** A uniformly random permutation of 0..n−1 (Fisher–Yates), drawn from {@code random}. */
    public static int[] randomPermutation(int n, RandomGenerator random) {
        int[] permutation = new int[n];
        for (int i = 0; i < n; i++) {
            permutation[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = permutation[i];
            permutation[i] = permutation[j];
            permutation[j] = t;
        }
        return permutation;
    }

    /**
     * The same graph with vertex v renamed {@code newIndex[v]}; labels follow their vertices.
     */
    public static CommGraph relabel(CommGraph graph, int[] newIndex) {
        int n = graph.vertexCount();
        if (newIndex.length != n) {
            throw new IllegalArgumentException("the relabelling has " + newIndex.length + " entries for " + n + " vertices");
        }
        CommGraph.Builder builder = CommGraph.builder(n, graph.edgeCount(), graph.isWeighted());
        String[] labels = new String[n];
        boolean[] seen = new boolean[n];
        for (int v = 0; v < n; v++) {
            int w = newIndex[v];
            if (w < 0 || w >= n || seen[w]) {
                throw new IllegalArgumentException("the relabelling is not a permutation at vertex " + v);
            }
            seen[w] = true;
            labels[w] = graph.labels().label(v);
            for (int a = graph.firstArc(v); a < graph.endArc(v); a++) {
                int u = graph.target(a);
                if (v < u) {
                    builder.addEdge(w, newIndex[u], graph.weight(a));
                }
            }
        }
        return builder.build(graph.labels() instanceof VertexLabels.OneBased
                ? VertexLabels.oneBased(n) : VertexLabels.of(labels));
    }

    /** The graph randomly relabelled with the seed. One-based labels are renumbered, names kept. */
    public static CommGraph shuffle(CommGraph graph, long seed) {
        return relabel(graph, randomPermutation(graph.vertexCount(), seed));
    }
}
