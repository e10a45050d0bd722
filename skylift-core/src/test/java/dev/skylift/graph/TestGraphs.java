package dev.skylift.graph;

import dev.skylift.io.MatrixMarketReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Graphs for tests, built edge by edge here rather than by {@link GraphGenerators}, and the simple
 * reference computations (breadth-first distances, components, degrees) the tests check the
 * library against. Everything random comes from a seed.
 */
public final class TestGraphs {

    private TestGraphs() {
    }

    /** A graph on n vertices with the given edges {u, v}, unit weights. */
    public static CommGraph of(int n, int[][] edges) {
        CommGraph.Builder builder = CommGraph.builder(n, Math.max(1, edges.length), false);
        for (int[] e : edges) {
            builder.addEdge(e[0], e[1]);
        }
        return builder.build();
    }

    /** All pairs i < j of n vertices, in a fixed order: edge e of a mask is pairs[e]. */
    public static int[][] allPairs(int n) {
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                pairs.add(new int[] {i, j});
            }
        }
        return pairs.toArray(int[][]::new);
    }

    /** The graph on n vertices whose edges are the pairs[e] with bit e of the mask set. */
    public static CommGraph ofMask(int n, int[][] pairs, long mask) {
        List<int[]> edges = new ArrayList<>();
        for (int e = 0; e < pairs.length; e++) {
            if ((mask & (1L << e)) != 0) {
                edges.add(pairs[e]);
            }
        }
        return of(n, edges.toArray(int[][]::new));
    }

    /** Every connected graph on the labelled vertices 0..n−1 (small n: there are 2^(n(n−1)/2) masks). */
    public static List<CommGraph> allConnected(int n) {
        int[][] pairs = allPairs(n);
        List<CommGraph> graphs = new ArrayList<>();
        for (long mask = 0; mask < 1L << pairs.length; mask++) {
            CommGraph graph = ofMask(n, pairs, mask);
            if (ConnectedComponents.of(graph).count() == 1) {
                graphs.add(graph);
            }
        }
        return graphs;
    }

    /**
     * The first {@code count} connected graphs among {@link #random}(n, p, seed) draws, with n
     * uniform in [minN, maxN], p = minP + spanP · u for u uniform in [0, 1), and the seed, drawn in
     * that order from {@code random}.
     */
    public static List<CommGraph> randomConnected(SplittableRandom random, int count, int minN, int maxN,
                                                  double minP, double spanP) {
        List<CommGraph> graphs = new ArrayList<>();
        while (graphs.size() < count) {
            int n = minN + random.nextInt(maxN - minN + 1);
            CommGraph graph = random(n, minP + spanP * random.nextDouble(), random.nextLong());
            if (ConnectedComponents.of(graph).count() == 1) {
                graphs.add(graph);
            }
        }
        return graphs;
    }

    public static CommGraph empty() {
        return edgeless(0);
    }

    public static CommGraph singleVertex() {
        return edgeless(1);
    }

    public static CommGraph edgeless(int n) {
        return CommGraph.builder(n, 0, false).build();
    }

    /** 0 − 1 − … − (n−1). */
    public static CommGraph path(int n) {
        List<int[]> edges = new ArrayList<>();
        for (int v = 0; v + 1 < n; v++) {
            edges.add(new int[] {v, v + 1});
        }
        return of(n, edges.toArray(int[][]::new));
    }

    /** The cycle on n ≥ 3 vertices. */
    public static CommGraph cycle(int n) {
        List<int[]> edges = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            edges.add(new int[] {v, (v + 1) % n});
        }
        return of(n, edges.toArray(int[][]::new));
    }

    /** Vertex 0 joined to {@code leaves} leaves 1..leaves. */
    public static CommGraph star(int leaves) {
        List<int[]> edges = new ArrayList<>();
        for (int v = 1; v <= leaves; v++) {
            edges.add(new int[] {0, v});
        }
        return of(leaves + 1, edges.toArray(int[][]::new));
    }

    /** The rows × columns grid, vertex r·columns + c. */
    public static CommGraph grid(int rows, int columns) {
        List<int[]> edges = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                int v = r * columns + c;
                if (c + 1 < columns) {
                    edges.add(new int[] {v, v + 1});
                }
                if (r + 1 < rows) {
                    edges.add(new int[] {v, v + columns});
                }
            }
        }
        return of(rows * columns, edges.toArray(int[][]::new));
    }

    public static CommGraph complete(int n) {
        List<int[]> edges = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            for (int v = u + 1; v < n; v++) {
                edges.add(new int[] {u, v});
            }
        }
        return of(n, edges.toArray(int[][]::new));
    }

    /** K_{a,b}: vertices 0..a−1 on one side, a..a+b−1 on the other. */
    public static CommGraph completeBipartite(int a, int b) {
        List<int[]> edges = new ArrayList<>();
        for (int u = 0; u < a; u++) {
            for (int v = a; v < a + b; v++) {
                edges.add(new int[] {u, v});
            }
        }
        return of(a + b, edges.toArray(int[][]::new));
    }

    /** The graphs side by side, the first one's vertices first. */
    public static CommGraph disjointUnion(CommGraph... parts) {
        int n = 0;
        for (CommGraph part : parts) {
            n += part.vertexCount();
        }
        List<int[]> edges = new ArrayList<>();
        int offset = 0;
        for (CommGraph part : parts) {
            for (int[] e : edges(part)) {
                edges.add(new int[] {e[0] + offset, e[1] + offset});
            }
            offset += part.vertexCount();
        }
        return of(n, edges.toArray(int[][]::new));
    }

    /** G(n, p): each pair joined with probability p. */
    public static CommGraph random(int n, double p, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<int[]> edges = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            for (int v = u + 1; v < n; v++) {
                if (random.nextDouble() < p) {
                    edges.add(new int[] {u, v});
                }
            }
        }
        return of(n, edges.toArray(int[][]::new));
    }

    /** About m uniformly drawn pairs (repeats merge), for graphs too large for {@link #random}. */
    public static CommGraph randomSparse(int n, int m, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[][] edges = new int[m][];
        for (int e = 0; e < m; e++) {
            int u = random.nextInt(n);
            int v = random.nextInt(n - 1);
            edges[e] = new int[] {u, v >= u ? v + 1 : v};
        }
        return of(n, edges);
    }

    /** A random recursive tree: vertex v joined to a uniformly chosen earlier vertex. */
    public static CommGraph randomTree(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[][] edges = new int[Math.max(0, n - 1)][];
        for (int v = 1; v < n; v++) {
            edges[v - 1] = new int[] {v, random.nextInt(v)};
        }
        return of(n, edges);
    }

    /** The intersection graph of the closed intervals [left[v], right[v]], by a sweep over the left ends. */
    public static CommGraph intervals(int[] left, int[] right) {
        int n = left.length;
        Integer[] byLeft = new Integer[n];
        for (int v = 0; v < n; v++) {
            byLeft[v] = v;
        }
        Arrays.sort(byLeft, (u, v) -> Integer.compare(left[u], left[v]));
        List<int[]> edges = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int v = byLeft[i];
            for (int j = i + 1; j < n && left[byLeft[j]] <= right[v]; j++) {
                edges.add(new int[] {v, byLeft[j]});
            }
        }
        return of(n, edges.toArray(int[][]::new));
    }

    /**
     * A random interval graph on n vertices: n intervals on a line of up to 3n points, all short,
     * of any length, or short with a few long ones (the shape is drawn from the seed too), numbered
     * in random order.
     */
    public static CommGraph randomInterval(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int span = 1 + random.nextInt(3 * Math.max(1, n));
        int shape = random.nextInt(3);
        int[] left = new int[n];
        int[] right = new int[n];
        for (int v = 0; v < n; v++) {
            left[v] = random.nextInt(span);
            int length = switch (shape) {
                case 0 -> random.nextInt(4);
                case 1 -> random.nextInt(span / 2 + 1);
                default -> random.nextInt(5) == 0 ? random.nextInt(span) : random.nextInt(3);
            };
            right[v] = left[v] + length;
        }
        return shuffled(intervals(left, right), random.nextLong());
    }

    /** The same graph with vertex v renamed {@code newIndex[v]}. */
    public static CommGraph relabel(CommGraph graph, int[] newIndex) {
        List<int[]> edges = new ArrayList<>();
        for (int[] e : edges(graph)) {
            edges.add(new int[] {newIndex[e[0]], newIndex[e[1]]});
        }
        return of(graph.vertexCount(), edges.toArray(int[][]::new));
    }

    /** The same graph under a random relabelling drawn from the seed. */
    public static CommGraph shuffled(CommGraph graph, long seed) {
        return relabel(graph, permutation(graph.vertexCount(), seed));
    }

    /** A uniformly random permutation of 0..n−1. */
    public static int[] permutation(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            int j = random.nextInt(i + 1);
            p[i] = p[j];
            p[j] = i;
        }
        return p;
    }

    /** A benchmark instance from the test resources ({@code graphs/NAME.mtx}). */
    public static CommGraph resource(String name) {
        String path = "/graphs/" + name + ".mtx";
        InputStream stream = TestGraphs.class.getResourceAsStream(path);
        if (stream == null) {
            throw new IllegalArgumentException("no test resource " + path);
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            return MatrixMarketReader.read(in, Path.of(name + ".mtx"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- reference computations ----

    /** Every edge once, as {u, v} with u < v. */
    public static int[][] edges(CommGraph graph) {
        List<int[]> edges = new ArrayList<>();
        for (int u = 0; u < graph.vertexCount(); u++) {
            for (int a = graph.firstArc(u); a < graph.endArc(u); a++) {
                int v = graph.target(a);
                if (u < v) {
                    edges.add(new int[] {u, v});
                }
            }
        }
        return edges.toArray(int[][]::new);
    }

    /** Adjacency lists read off the arcs. */
    public static int[][] adjacency(CommGraph graph) {
        int[][] adjacency = new int[graph.vertexCount()][];
        for (int v = 0; v < graph.vertexCount(); v++) {
            adjacency[v] = new int[graph.endArc(v) - graph.firstArc(v)];
            for (int a = graph.firstArc(v); a < graph.endArc(v); a++) {
                adjacency[v][a - graph.firstArc(v)] = graph.target(a);
            }
        }
        return adjacency;
    }

    /** Breadth-first distances from {@code source}; -1 for vertices it cannot reach. */
    public static int[] distances(int[][] adjacency, int source) {
        int[] distance = new int[adjacency.length];
        Arrays.fill(distance, -1);
        int[] queue = new int[adjacency.length];
        int head = 0;
        int tail = 0;
        distance[source] = 0;
        queue[tail++] = source;
        while (head < tail) {
            int v = queue[head++];
            for (int w : adjacency[v]) {
                if (distance[w] < 0) {
                    distance[w] = distance[v] + 1;
                    queue[tail++] = w;
                }
            }
        }
        return distance;
    }

    /** The largest finite distance from {@code source}. */
    public static int eccentricity(int[][] adjacency, int source) {
        int max = 0;
        for (int d : distances(adjacency, source)) {
            max = Math.max(max, d);
        }
        return max;
    }

    /** A component label per vertex by union–find: the lowest vertex of its component. */
    public static int[] componentRoots(int n, int[][] edges) {
        int[] parent = new int[n];
        for (int v = 0; v < n; v++) {
            parent[v] = v;
        }
        for (int[] e : edges) {
            int a = find(parent, e[0]);
            int b = find(parent, e[1]);
            if (a != b) {
                parent[Math.max(a, b)] = Math.min(a, b);
            }
        }
        int[] root = new int[n];
        for (int v = 0; v < n; v++) {
            root[v] = find(parent, v);
        }
        return root;
    }

    private static int find(int[] parent, int v) {
        while (parent[v] != v) {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }
        return v;
    }

    /** The largest number of edge ends at one vertex, counted from the edge list. */
    public static int maxDegree(int n, int[][] edges) {
        int[] degree = new int[n];
        int max = 0;
        for (int[] e : edges) {
            max = Math.max(max, ++degree[e[0]]);
            max = Math.max(max, ++degree[e[1]]);
        }
        return max;
    }
}
