package dev.skylift.graph;

import java.util.Arrays;

/**
 * Breadth-first searches over one graph that share their work arrays, so that algorithms running
 * many searches (pseudo-peripheral vertex search, diameter, density bounds) allocate nothing per
 * search but the result. O(size of the component) per search. Not thread-safe: one per thread.
 */
public final class BreadthFirstSearch {

    private final CommGraph graph;
    private final int[] stamp;
    private final int[] queue;
    private final int[] levelEnds;
    private int currentStamp;

    public BreadthFirstSearch(CommGraph graph) {
        this.graph = graph;
        this.stamp = new int[graph.vertexCount()];
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
        int mark = nextStamp();
        queue[0] = root;
        stamp[root] = mark;
        int head = 0;
        int tail = 1;
        int levels = 0;
        while (head < tail) {
            int levelEnd = tail;
            if (levelEnd - head > maxWidth) {
                return -1;
            }
            while (head < levelEnd) {
                int v = queue[head++];
                for (int a = graph.firstArc(v), end = graph.endArc(v); a < end; a++) {
                    int w = graph.target(a);
                    if (stamp[w] != mark) {
                        stamp[w] = mark;
                        queue[tail++] = w;
                    }
                }
            }
            levelEnds[levels++] = levelEnd;
        }
        return levels;
    }

    private int nextStamp() {
        if (++currentStamp == Integer.MAX_VALUE) {
            Arrays.fill(stamp, 0);
            currentStamp = 1;
        }
        return currentStamp;
    }
}
