package dev.skylift.graph;

import java.util.Arrays;

/**
 * The connected components of a graph, numbered in the order of their lowest vertex, each listing
 * its vertices in increasing order. O(n + m).
 */
public final class ConnectedComponents {

    private final int[] componentOf;
    private final int[] start;
    private final int[] members;

    private ConnectedComponents(int[] componentOf, int[] start, int[] members) {
        this.componentOf = componentOf;
        this.start = start;
        this.members = members;
    }

    public static ConnectedComponents of(CommGraph graph) {
        int n = graph.vertexCount();
        int[] componentOf = new int[n];
        Arrays.fill(componentOf, -1);
        int[] queue = new int[n];
        int count = 0;
        for (int s = 0; s < n; s++) {
            if (componentOf[s] >= 0) {
                continue;
            }
            componentOf[s] = count;
            queue[0] = s;
            int head = 0;
            int tail = 1;
            while (head < tail) {
                int v = queue[head++];
                for (int a = graph.firstArc(v), end = graph.endArc(v); a < end; a++) {
                    int w = graph.target(a);
                    if (componentOf[w] < 0) {
                        componentOf[w] = count;
                        queue[tail++] = w;
                    }
                }
            }
            count++;
        }
        // Counting sort of the vertices by component keeps each component's vertices increasing.
        int[] start = new int[count + 1];
        for (int v = 0; v < n; v++) {
            start[componentOf[v] + 1]++;
        }
        for (int c = 0; c < count; c++) {
            start[c + 1] += start[c];
        }
        int[] members = queue;
        int[] cursor = Arrays.copyOf(start, count);
        for (int v = 0; v < n; v++) {
            members[cursor[componentOf[v]]++] = v;
        }
        return new ConnectedComponents(componentOf, start, members);
    }

    public int count() {
        return start.length - 1;
    }

    public int componentOf(int v) {
        return componentOf[v];
    }

    public int size(int component) {
        return start[component + 1] - start[component];
    }

    /** The vertices of a component, in increasing order. */
    public int[] vertices(int component) {
        return Arrays.copyOfRange(members, start[component], start[component + 1]);
    }

    /** The lowest vertex of a component. */
    public int firstVertex(int component) {
        return members[start[component]];
    }

    /**
     * Each component as a graph of its own: vertex i of component c is {@code vertices(c)[i]} of
     * the whole graph, with the same weights and labels. O(n + m) for all of them.
     */
    public CommGraph[] subgraphs(CommGraph graph) {
        int n = graph.vertexCount();
        int[] local = new int[n];
        for (int c = 0; c < count(); c++) {
            for (int i = start[c]; i < start[c + 1]; i++) {
                local[members[i]] = i - start[c];
            }
        }
        CommGraph[] parts = new CommGraph[count()];
        for (int c = 0; c < count(); c++) {
            int size = size(c);
            long arcs = 0;
            String[] names = new String[size];
            for (int i = 0; i < size; i++) {
                int v = members[start[c] + i];
                arcs += graph.degree(v);
                names[i] = graph.labels().label(v);
            }
            CommGraph.Builder builder = CommGraph.builder(size, arcs / 2, graph.isWeighted());
            for (int i = 0; i < size; i++) {
                int v = members[start[c] + i];
                for (int a = graph.firstArc(v); a < graph.endArc(v); a++) {
                    int w = graph.target(a);
                    if (v < w) {
                        builder.addEdge(i, local[w], graph.weight(a));
                    }
                }
            }
            parts[c] = builder.build(VertexLabels.of(names));
        }
        return parts;
    }

    /**
     * One order of the whole graph from one order per component (in the local numbering of
     * {@link #subgraphs}), the components laid one after another.
     */
    public int[] concatenate(int[][] localOrders) {
        int[] order = new int[componentOf.length];
        int next = 0;
        for (int c = 0; c < count(); c++) {
            for (int local : localOrders[c]) {
                order[next++] = members[start[c] + local];
            }
        }
        return order;
    }

    public int largestSize() {
        int largest = 0;
        for (int c = 0; c < count(); c++) {
            largest = Math.max(largest, size(c));
        }
        return largest;
    }
}
