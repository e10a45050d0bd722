package dev.skylift.graph;

/**
 * An interval model of a graph: vertex v is the closed interval [left(v), right(v)] of integer
 * points, and two vertices are adjacent exactly when their intervals share a point. The points are
 * 0..pointCount()−1 and each one stands for a maximal clique: the vertices whose intervals contain
 * point p form the p-th maximal clique in a consecutive arrangement of them. Built and checked by
 * {@link IntervalGraphInspector}; immutable.
 */
public final class IntervalModel {

    private final int[] left;
    private final int[] right;
    private final int pointCount;

    IntervalModel(int[] left, int[] right, int pointCount) {
        this.left = left;
        this.right = right;
        this.pointCount = pointCount;
    }

    public int vertexCount() {
        return left.length;
    }

    /** How many points the intervals use: the number of maximal cliques. */
    public int pointCount() {
        return pointCount;
    }

    /** The first point of v's interval. */
    public int left(int v) {
        return left[v];
    }

    /** The last point of v's interval (inclusive). */
    public int right(int v) {
        return right[v];
    }

    /** Whether the intervals of u and v share a point. */
    public boolean intersects(int u, int v) {
        return Math.max(left[u], left[v]) <= Math.min(right[u], right[v]);
    }

    @Override
    public String toString() {
        return "IntervalModel[n=" + left.length + ", points=" + pointCount + "]";
    }
}
