package dev.skylift.plan;

import dev.skylift.graph.VertexLabels;
import dev.skylift.order.Precedence;
import dev.skylift.traffic.AffinityRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Makes an order obey the affinity rules with as little change as the rules force. VMs that must
 * move together become one unit ({@link Precedence}), placed at its earliest member's position;
 * {@code before} pairs hold a unit back until the VMs it follows are placed; the repaired order is
 * the topological order of the units that always takes the unit earliest in the given order among
 * those whose predecessors are placed (Kahn's algorithm with a priority queue, O((n + r) log n) for
 * r rules). An order that already obeys the rules, with every together group contiguous, comes back
 * unchanged.
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
        Precedence precedence = Precedence.of(labels, rules);
        int unitCount = precedence.unitCount();
        // A unit's priority is its earliest member's position; positions are distinct, so priorities are too.
        int[] key = new int[unitCount];
        int[] waiting = new int[unitCount];
        var ready = new PriorityQueue<Integer>(Comparator.comparingInt((Integer u) -> key[u]));
        for (int u = 0; u < unitCount; u++) {
            key[u] = Arrays.stream(precedence.members(u)).map(v -> position[v]).min().orElseThrow();
            waiting[u] = precedence.predecessors(u).length;
            if (waiting[u] == 0) {
                ready.add(u);
            }
        }
        List<int[]> units = new ArrayList<>(unitCount);
        List<int[]> predecessors = new ArrayList<>(unitCount);
        int[] repairedOrder = new int[n];
        int placed = 0;
        while (!ready.isEmpty()) {
            int u = ready.poll();
            int[] unit = Arrays.stream(precedence.members(u)).boxed()
                    .sorted(Comparator.comparingInt(v -> position[v])).mapToInt(Integer::intValue).toArray();
            units.add(unit);
            predecessors.add(precedence.predecessors(u));
            for (int v : unit) {
                repairedOrder[placed++] = v;
                for (int next : precedence.waitingOn(v)) {
                    if (--waiting[next] == 0) {
                        ready.add(next);
                    }
                }
            }
        }
        // Precedence.of has refused rules with a cycle, so every unit was placed.
        return new PrecedenceRepair(units, predecessors, repairedOrder, !Arrays.equals(order, repairedOrder));
    }
}
