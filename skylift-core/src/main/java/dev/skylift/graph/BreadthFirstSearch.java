package dev.skylift.graph;

import java.util.Arrays;

/**
 * Breadth-first searches over one graph that share their work arrays, so that algorithms running
 * many searches (pseudo-peripheral vertex search, diameter, density bounds) allocate nothing per
 * search but the result. O(size of the component) per search. The visited set is a bitset, cleared
 * vertex by vertex after each search: on a million-vertex graph it stays in cache where an int
 * array would not, which is what a search's random accesses cost. Not thread-safe: one per thread.
 */
public final class BreadthFirstSearch {

    private final CommGraph graph;
    private final long[] visited;
    private final int[] queue;
    private final int[] levelEnds;

    public BreadthFirstSearch(CommGraph graph) {
        this.graph = graph;
        this.visited = new long[(graph.vertexCount() + 63) >>> 6];
        this.queue = new int[graph.vertexCount()];
        this.levelEnds = new int[graph.vertexCount() + 1];
    }

    /** The full level structure rooted at {@code root}. */
    public LevelStructure levels(int root) {
        return levels(root, Integer.MAX_VALUE);
    }

    /**
     * The level structure rooted at {@code root}, or null as soon as a level holds more than
     * {@code maxWidth} vertices (the early exit of George and Liu's pseudo-peripheral search).
     */
    public LevelStructure levels(int root, int maxWidth) {
        int levels = search(root, maxWidth);
        if (levels < 0) {
            return null;
        }
        int size = levelEnds[levels - 1];
        int[] levelStart = new int[levels + 1];
        System.arraycopy(levelEnds, 0, levelStart, 1, levels);
        return new LevelStructure(root, Arrays.copyOf(queue, size), levelStart);
    }

    /** The eccentricity of {@code root}: the largest distance from it within its component. */
    public int eccentricity(int root) {
        return search(root, Integer.MAX_VALUE) - 1;
    }

    /**
     * Sizes of the balls around {@code root}: element k is |{v : dist(root, v) ≤ k}|, for k up
     * to the root's eccentricity.
     */
    public int[] ballSizes(int root) {
        int levels = search(root, Integer.MAX_VALUE);
        return Arrays.copyOf(levelEnds, levels);
    }

    /** Runs the search; returns the number of levels, or -1 when a level exceeds maxWidth. */
    private int search(int root, int maxWidth) {
        long[] seen = visited;
        queue[0] = root;
        seen[root >>> 6] |= 1L << root;
        int head = 0;
        int tail = 1;
        int levels = 0;
        while (head < tail) {
            int levelEnd = tail;
            if (levelEnd - head > maxWidth) {
                levels = -1;
                break;
            }
            while (head < levelEnd) {
                int v = queue[head++];
                for (int a = graph.firstArc(v), end = graph.endArc(v); a < end; a++) {
                    int w = graph.target(a);
                    long bit = 1L << w;
                    if ((seen[w >>> 6] & bit) == 0) {
                        seen[w >>> 6] |= bit;
                        queue[tail++] = w;
                    }
                }
            }
            levelEnds[levels++] = levelEnd;
        }
        for (int i = 0; i < tail; i++) {
            seen[queue[i] >>> 6] = 0;
        }
        return levels;
    }
}
