package dev.skylift.plan;

import dev.skylift.graph.VertexLabels;
import dev.skylift.traffic.AffinityRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Makes an order obey the affinity rules with as little change as the rules force. VMs that must
 * move together become one unit, placed at its earliest member's position; {@code before} pairs
 * become edges between units; the repaired order is the topological order of the units that always
 * takes the unit earliest in the given order among those whose predecessors are placed (Kahn's
 * algorithm with a priority queue, O((n + r) log n) for r rules). An order that already obeys the
 * rules, with every together group contiguous, comes back unchanged.
 */
final class PrecedenceRepair {

    /** The units in the repaired order; each holds its vertices in their given order. */
    final List<int[]> units;
    /** For each unit (by its place in {@link #units}), the vertices outside it that must cut over first. */
    final List<int[]> predecessors;
    final int[] order;
    final boolean repaired;

    private PrecedenceRepair(List<int[]> units, List<int[]> predecessors, int[] order, boolean repaired) {
        this.units = units;
        this.predecessors = predecessors;
        this.order = order;
        this.repaired = repaired;
    }

    static PrecedenceRepair of(int[] order, VertexLabels labels, AffinityRules rules) {
        int n = order.length;
        int[] position = new int[n];
        Arrays.fill(position, -1);
        for (int i = 0; i < n; i++) {
            int v = order[i];
            if (v < 0 || v >= n || position[v] >= 0) {
                throw new IllegalArgumentException("the order is not a permutation of the " + n
                        + " vertices: vertex " + v + " at position " + i + " is out of range or repeated");
            }
            position[v] = i;
        }
        int[] parent = new int[n];
        for (int v = 0; v < n; v++) {
            parent[v] = v;
        }
        for (List<String> group : rules.together()) {
            int first = -1;
            for (String name : group) {
                int v = vertex(labels, name, "together");
                if (first < 0) {
                    first = v;
                } else {
                    parent[find(parent, v)] = find(parent, first);
                }
            }
        }
        // A unit is named by its earliest member's position: that is also its priority.
        int[] unitKey = new int[n];
        for (int v = 0; v < n; v++) {
            unitKey[v] = Integer.MAX_VALUE;
        }
        for (int v = 0; v < n; v++) {
            int root = find(parent, v);
            unitKey[root] = Math.min(unitKey[root], position[v]);
        }
        int[] unitAt = new int[n]; // unit key of the unit whose earliest member sits at a position, else -1
        Arrays.fill(unitAt, -1);
        int[] keyOf = new int[n];
        for (int v = 0; v < n; v++) {
            keyOf[v] = unitKey[find(parent, v)];
            unitAt[keyOf[v]] = keyOf[v];
        }
        List<List<Integer>> members = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            members.add(null);
        }
        for (int i = 0; i < n; i++) {
            int v = order[i];
            if (members.get(keyOf[v]) == null) {
                members.set(keyOf[v], new ArrayList<>(1));
            }
            members.get(keyOf[v]).add(v);
        }
        List<List<Integer>> successors = new ArrayList<>(n);
        List<List<Integer>> predecessorVertices = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            successors.add(new ArrayList<>(0));
            predecessorVertices.add(new ArrayList<>(0));
        }
        int[] indegree = new int[n];
        Set<Long> unitEdges = new HashSet<>();
        Set<Long> vertexEdges = new HashSet<>();
        for (AffinityRules.Precedence rule : rules.before()) {
            int a = vertex(labels, rule.first(), "before");
            int b = vertex(labels, rule.then(), "before");
            if (keyOf[a] == keyOf[b]) {
                throw new IllegalArgumentException("VM " + rule.first() + " must move before " + rule.then()
                        + ", but the together rules put them in one wave " + names(labels, members.get(keyOf[a]))
                        + ". Drop one of the two rules");
            }
            if (unitEdges.add(((long) keyOf[a] << 32) | keyOf[b])) {
                successors.get(keyOf[a]).add(keyOf[b]);
                indegree[keyOf[b]]++;
            }
            if (vertexEdges.add(((long) a << 32) | keyOf[b])) {
                predecessorVertices.get(keyOf[b]).add(a);
            }
        }
        var ready = new PriorityQueue<Integer>();
        for (int key = 0; key < n; key++) {
            if (unitAt[key] == key && indegree[key] == 0) {
                ready.add(key);
            }
        }
        List<int[]> units = new ArrayList<>();
        List<int[]> predecessors = new ArrayList<>();
        int[] repairedOrder = new int[n];
        int placed = 0;
        while (!ready.isEmpty()) {
            int key = ready.poll();
            int[] unit = members.get(key).stream().mapToInt(Integer::intValue).toArray();
            units.add(unit);
            predecessors.add(predecessorVertices.get(key).stream().mapToInt(Integer::intValue).toArray());
            for (int v : unit) {
                repairedOrder[placed++] = v;
            }
            for (int next : successors.get(key)) {
                if (--indegree[next] == 0) {
                    ready.add(next);
                }
            }
        }
        if (placed < n) {
            List<String> stuck = new ArrayList<>();
            for (int key = 0; key < n && stuck.size() < 10; key++) {
                if (unitAt[key] == key && indegree[key] > 0) {
                    for (int v : members.get(key)) {
                        stuck.add(labels.label(v));
                    }
                }
            }
            throw new IllegalArgumentException("the before rules form a cycle among " + (n - placed)
                    + " VMs, so no order obeys them; among them: " + stuck + ". Check the affinity rules' before list");
        }
        return new PrecedenceRepair(units, predecessors, repairedOrder, !Arrays.equals(order, repairedOrder));
    }

    private static int vertex(VertexLabels labels, String name, String rule) {
        int v = labels.indexOf(name);
        if (v < 0) {
            throw new IllegalArgumentException("the " + rule + " rule names VM " + name
                    + ", which is not in the graph. Maybe the rules belong to another estate or the VM was dropped");
        }
        return v;
    }

    private static int find(int[] parent, int v) {
        while (parent[v] != v) {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }
        return v;
    }

    private static List<String> names(VertexLabels labels, List<Integer> vertices) {
        return vertices.stream().map(labels::label).toList();
    }
}
