package dev.skylift.order;

import dev.skylift.graph.VertexLabels;
import dev.skylift.traffic.AffinityRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The affinity rules as a method that picks VMs one at a time needs them, with no order given up
 * front: the units that move as one (a together group, or a single VM) and, per unit, the VMs that
 * must have cut over before it may start ({@code before}). A {@link Tracker} follows one migration:
 * which units may start now. Built in O(n + r α(n)) for r rules; the rules must admit some order
 * (no cycle of {@code before} between units), else building fails naming VMs on the cycle.
 */
public final class Precedence {

    private final int[] unitOf;
    private final int[][] members;
    private final int[][] predecessors;
    private final int[][] releases;

    private Precedence(int[] unitOf, int[][] members, int[][] predecessors, int[][] releases) {
        this.unitOf = unitOf;
        this.members = members;
        this.predecessors = predecessors;
        this.releases = releases;
    }

    /** No rules: every VM is its own unit and may start at any time. */
    public static Precedence none(int vertexCount) {
        int[] unitOf = new int[vertexCount];
        int[][] members = new int[vertexCount][];
        int[][] empty = new int[vertexCount][];
        for (int v = 0; v < vertexCount; v++) {
            unitOf[v] = v;
            members[v] = new int[] {v};
            empty[v] = new int[0];
        }
        return new Precedence(unitOf, members, empty, empty.clone());
    }

    /** The rules' {@code before} and {@code together} over the VMs {@code labels} names. */
    public static Precedence of(VertexLabels labels, AffinityRules rules) {
        int n = labels.size();
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
        int[] unitOf = new int[n];
        int[] unitOfRoot = new int[n];
        Arrays.fill(unitOfRoot, -1);
        int units = 0;
        int[] sizes = new int[n];
        for (int v = 0; v < n; v++) {
            int root = find(parent, v);
            if (unitOfRoot[root] < 0) {
                unitOfRoot[root] = units++;
            }
            unitOf[v] = unitOfRoot[root];
            sizes[unitOf[v]]++;
        }
        int[][] members = new int[units][];
        for (int u = 0; u < units; u++) {
            members[u] = new int[sizes[u]];
        }
        int[] filled = new int[units];
        for (int v = 0; v < n; v++) {
            members[unitOf[v]][filled[unitOf[v]]++] = v;
        }
        List<List<Integer>> before = new ArrayList<>(units);
        List<List<Integer>> after = new ArrayList<>(n);
        for (int u = 0; u < units; u++) {
            before.add(new ArrayList<>(0));
        }
        for (int v = 0; v < n; v++) {
            after.add(new ArrayList<>(0));
        }
        Set<Long> seen = new HashSet<>();
        for (AffinityRules.Precedence rule : rules.before()) {
            int a = vertex(labels, rule.first(), "before");
            int b = vertex(labels, rule.then(), "before");
            if (unitOf[a] == unitOf[b]) {
                List<String> group = Arrays.stream(members[unitOf[a]]).mapToObj(labels::label).toList();
                throw new IllegalArgumentException("VM " + rule.first() + " must move before " + rule.then()
                        + ", but the together rules put them in one wave " + group + ". Drop one of the two rules");
            }
            if (seen.add(((long) a << 32) | unitOf[b])) {
                before.get(unitOf[b]).add(a);
                after.get(a).add(unitOf[b]);
            }
        }
        int[][] predecessors = new int[units][];
        for (int u = 0; u < units; u++) {
            predecessors[u] = before.get(u).stream().mapToInt(Integer::intValue).toArray();
        }
        int[][] releases = new int[n][];
        for (int v = 0; v < n; v++) {
            releases[v] = after.get(v).stream().mapToInt(Integer::intValue).toArray();
        }
        var precedence = new Precedence(unitOf, members, predecessors, releases);
        precedence.checkAcyclic(labels);
        return precedence;
    }

    /** How many units (together groups and single VMs). */
    public int unitCount() {
        return members.length;
    }

    /** The unit {@code vertex} moves in. */
    public int unitOf(int vertex) {
        return unitOf[vertex];
    }

    /** The VMs of {@code unit}, as a fresh array in increasing vertex order. */
    public int[] members(int unit) {
        return members[unit].clone();
    }

    /** The size of {@code unit}. */
    public int size(int unit) {
        return members[unit].length;
    }

    /** The VMs outside {@code unit} that must cut over before it starts, as a fresh array. */
    public int[] predecessors(int unit) {
        return predecessors[unit].clone();
    }

    /** The units that wait for {@code vertex}'s cutover (among others), as a fresh array. */
    public int[] waitingOn(int vertex) {
        return releases[vertex].clone();
    }

    /** The largest unit: a plan needs at least this many slots. */
    public int largestUnit() {
        int largest = 0;
        for (int[] unit : members) {
            largest = Math.max(largest, unit.length);
        }
        return largest;
    }

    /** A fresh tracker: nothing has cut over yet. */
    public Tracker tracker() {
        return new Tracker();
    }

    /**
     * One migration under the rules: told each cutover, it says which units may start. O(1) per
     * question, O(rules of the VM) per cutover.
     */
    public final class Tracker {

        private final int[] waitingFor;
        private final boolean[] cutOver;

        private Tracker() {
            waitingFor = new int[members.length];
            for (int u = 0; u < members.length; u++) {
                waitingFor[u] = predecessors[u].length;
            }
            cutOver = new boolean[unitOf.length];
        }

        /** Whether every VM that must cut over before {@code unit} starts has. */
        public boolean mayStart(int unit) {
            return waitingFor[unit] == 0;
        }

        /** Whether {@code vertex} has cut over. */
        public boolean hasCutOver(int vertex) {
            return cutOver[vertex];
        }

        /**
         * Records that {@code vertex} cut over; returns the units this made free to start (their last
         * predecessor was {@code vertex}). A second cutover of the same VM is an error.
         */
        public int[] cutOver(int vertex) {
            if (cutOver[vertex]) {
                throw new IllegalStateException("vertex " + vertex + " cut over twice");
            }
            cutOver[vertex] = true;
            int[] released = new int[releases[vertex].length];
            int count = 0;
            for (int u : releases[vertex]) {
                if (--waitingFor[u] == 0) {
                    released[count++] = u;
                }
            }
            return Arrays.copyOf(released, count);
        }
    }

    private void checkAcyclic(VertexLabels labels) {
        int units = members.length;
        int[] indegree = new int[units];
        for (int u = 0; u < units; u++) {
            indegree[u] = predecessors[u].length;
        }
        int[] queue = new int[units];
        int head = 0;
        int tail = 0;
        for (int u = 0; u < units; u++) {
            if (indegree[u] == 0) {
                queue[tail++] = u;
            }
        }
        while (head < tail) {
            int u = queue[head++];
            for (int v : members[u]) {
                for (int w : releases[v]) {
                    if (--indegree[w] == 0) {
                        queue[tail++] = w;
                    }
                }
            }
        }
        if (tail < units) {
            List<String> stuck = new ArrayList<>();
            for (int u = 0; u < units && stuck.size() < 10; u++) {
                if (indegree[u] > 0) {
                    for (int v : members[u]) {
                        stuck.add(labels.label(v));
                    }
                }
            }
            throw new IllegalArgumentException("the before rules form a cycle, so no order obeys them; among the VMs "
                    + "involved: " + stuck + ". Check the affinity rules' before list");
        }
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
}
