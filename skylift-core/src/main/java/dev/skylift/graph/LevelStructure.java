package dev.skylift.graph;

/**
 * The breadth-first level structure rooted at a vertex: level 0 is the root, level i the vertices
 * at distance i. Its depth is the root's eccentricity within its component, its width the size of
 * the largest level; both drive the pseudo-peripheral search of Gibbs, Poole and Stockmeyer and the
 * diameter bound on bandwidth.
 *
 * @param vertices the component's vertices in breadth-first order
 * @param levelStart level i holds {@code vertices[levelStart[i] .. levelStart[i+1]-1]};
 *                   its length is depth + 2
 */
public record LevelStructure(int root, int[] vertices, int[] levelStart) {

    /** Number of levels minus one: the root's eccentricity. */
    public int depth() {
        return levelStart.length - 2;
    }

    /** Number of levels. */
    public int levelCount() {
        return levelStart.length - 1;
    }

    public int levelSize(int level) {
        return levelStart[level + 1] - levelStart[level];
    }

    /** Size of the largest level. */
    public int width() {
        int width = 0;
        for (int level = 0; level < levelCount(); level++) {
            width = Math.max(width, levelSize(level));
        }
        return width;
    }

    /** Number of vertices reached: the size of the root's component. */
    public int size() {
        return vertices.length;
    }

    /** The vertices of the last (deepest) level. */
    public int[] lastLevel() {
        int from = levelStart[levelCount() - 1];
        return java.util.Arrays.copyOfRange(vertices, from, vertices.length);
    }
}
