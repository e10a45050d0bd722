package dev.skylift.order;

import dev.skylift.graph.BreadthFirstSearch;
import dev.skylift.graph.CommGraph;
import dev.skylift.graph.LevelStructure;

/**
 * Finds the two ends of a pseudo-diameter of a component: a pair of vertices far apart whose level
 * structures are deep and narrow, the natural places to start a banded numbering.
 *
 * <p>Gibbs, Poole and Stockmeyer, "An algorithm for reducing the bandwidth and profile of a sparse
 * matrix", SIAM J. Numer. Anal. 13(2), 1976, with the shrinking of the candidate set by Duff, Reid
 * and Scott (1989) and the early exit of George and Liu (1979): start from a vertex of minimum
 * degree; build the level structure of each candidate in its last level (one per distinct degree,
 * lowest degree first, at most {@value #MAX_CANDIDATES}), abandoning a search as soon as it gets
 * wider than the narrowest candidate so far; move to any candidate whose structure is deeper and
 * repeat. Each round costs O(m) per candidate and deepens the structure, so there are at most
 * diameter rounds; in practice two or three.
 */
public final class PseudoPeripheral {

    private static final int MAX_CANDIDATES = 5;

    private PseudoPeripheral() {
    }

    /**
     * The ends of a pseudo-diameter of the component of {@code seed}, given as the level
     * structures rooted at each end: {@code [start, end]}, start being the root of the deepest
     * structure found and end the narrowest candidate at the far side of it. GPS seed the search
     * with a vertex of least degree in the component; callers pass one.
     */
    public static LevelStructure[] ends(CommGraph graph, BreadthFirstSearch bfs, int seed) {
        LevelStructure from = bfs.levels(seed);
        while (true) {
            LevelStructure narrowest = null;
            LevelStructure deeper = null;
            for (int candidate : candidates(graph, from.lastLevel())) {
                int limit = narrowest == null ? Integer.MAX_VALUE : narrowest.width();
                LevelStructure levels = bfs.levels(candidate, limit);
                if (levels == null) {
                    continue;
                }
                if (levels.depth() > from.depth()) {
                    deeper = levels;
                    break;
                }
                if (narrowest == null || levels.width() < narrowest.width()) {
                    narrowest = levels;
                }
            }
            if (deeper != null) {
                from = deeper;
            } else {
                return new LevelStructure[] {from, narrowest == null ? from : narrowest};
            }
        }
    }
    /** One vertex per distinct degree of the last level, lowest degree (then index) first. */
    private static int[] candidates(CommGraph graph, int[] lastLevel) {
        long[] keyed = new long[lastLevel.length];
        for (int i = 0; i < lastLevel.length; i++) {
            keyed[i] = ((long) graph.degree(lastLevel[i]) << 32) | lastLevel[i];
        }
        java.util.Arrays.sort(keyed);
        int[] picked = new int[Math.min(MAX_CANDIDATES, keyed.length)];
        int count = 0;
        long previousDegree = -1;
        for (int i = 0; i < keyed.length && count < picked.length; i++) {
            long degree = keyed[i] >>> 32;
            if (degree != previousDegree) {
                picked[count++] = (int) keyed[i];
                previousDegree = degree;
            }
        }
        return java.util.Arrays.copyOf(picked, count);
    }
}
