package dev.skylift.plan;

import dev.skylift.graph.CommGraph;
import dev.skylift.graph.VertexLabels;
import dev.skylift.traffic.HubTreatment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What the operator's hub decisions mean for a plan. The orderer never sees a hub that is moved
 * first, last or excluded (its edges would set the bandwidth of every order by themselves), but
 * every VM still has to move, so the plan puts the hubs back:
 * <ul>
 *   <li>{@link HubTreatment#FIRST}: before every ordered VM, in inventory order;</li>
 *   <li>{@link HubTreatment#LAST}: after every ordered VM, in inventory order;</li>
 *   <li>{@link HubTreatment#EXCLUDE}: the hub is kept out of the objective (it is replicated on both
 *       sides, or reached the same way from either), so its pairs are not counted as split traffic;
 *       it still moves, after everything else, so that it is never taken away from VMs still home
 *       before they have left.</li>
 * </ul>
 * The affinity rules still bind: the planner repairs the whole order against them, so a rule that
 * names a hub may pull it from its place.
 */
public final class HubPlacement {

    private HubPlacement() {
    }

    /**
     * The graph a plan is made and measured on: every VM of {@code full}, with the pairs of excluded
     * hubs left out.
     */
    public static CommGraph measured(CommGraph full, Map<String, HubTreatment> decisions) {
        return withoutPairsOf(full, treated(full.labels(), decisions, HubTreatment.EXCLUDE));
    }

    /**
     * The pairs the order decides: every VM of {@code full}, with only the pairs between VMs left to
     * the orderer. A hub moved first or last is split from each of its partners from its own cutover to
     * theirs whatever the order, for as long as the rules make it (the first hubs' pairs stay split
     * almost the whole migration); the longest split worth minimising is among the other pairs.
     */
    public static CommGraph decided(CommGraph full, Map<String, HubTreatment> decisions) {
        boolean[] ordered = ordered(full.labels(), decisions);
        boolean[] hub = new boolean[ordered.length];
        for (int v = 0; v < hub.length; v++) {
            hub[v] = !ordered[v];
        }
        return withoutPairsOf(full, hub);
    }

    /**
     * The graph the orderer sees: the VMs of {@code full} the decisions leave to it (no decision, or
     * {@link HubTreatment#ORDER}), in the same relative order, with the pairs among them.
     */
    public static CommGraph ordered(CommGraph full, Map<String, HubTreatment> decisions) {
        return full.induced(ordered(full.labels(), decisions));
    }

    private static boolean[] ordered(VertexLabels labels, Map<String, HubTreatment> decisions) {
        boolean[] ordered = new boolean[labels.size()];
        Arrays.fill(ordered, true);
        for (HubTreatment treatment : List.of(HubTreatment.FIRST, HubTreatment.LAST, HubTreatment.EXCLUDE)) {
            boolean[] marked = treated(labels, decisions, treatment);
            for (int v = 0; v < ordered.length; v++) {
                ordered[v] &= !marked[v];
            }
        }
        return ordered;
    }

    /** Every VM of {@code full}, without the pairs that touch a {@code dropped} VM. */
    private static CommGraph withoutPairsOf(CommGraph full, boolean[] dropped) {
        int n = full.vertexCount();
        CommGraph.Builder builder = CommGraph.builder(n, full.edgeCount(), full.isWeighted());
        for (int u = 0; u < n; u++) {
            for (int arc = full.firstArc(u); arc < full.endArc(u); arc++) {
                int v = full.target(arc);
                if (u < v && !dropped[u] && !dropped[v]) {
                    builder.addEdge(u, v, full.weight(arc));
                }
            }
        }
        return builder.build(full.labels());
    }

    /**
     * The order of every VM of {@code full}: the first hubs, then {@code order} (an order of
     * {@code ordered}, whose VMs are those of {@code full} the decisions leave to the orderer), then
     * the last hubs, then the excluded ones.
     */
    public static int[] fullOrder(CommGraph full, CommGraph ordered, int[] order, Map<String, HubTreatment> decisions) {
        VertexLabels labels = full.labels();
        int n = full.vertexCount();
        int[] result = new int[n];
        int at = 0;
        for (int v : vertices(labels, decisions, HubTreatment.FIRST)) {
            result[at++] = v;
        }
        for (int u : order) {
            int v = labels.indexOf(ordered.labels().label(u));
            if (v < 0) {
                throw new IllegalArgumentException("VM " + ordered.labels().label(u) + " of the ordered graph is not in the estate");
            }
            result[at++] = v;
        }
        for (HubTreatment treatment : List.of(HubTreatment.LAST, HubTreatment.EXCLUDE)) {
            for (int v : vertices(labels, decisions, treatment)) {
                result[at++] = v;
            }
        }
        if (at != n) {
            throw new IllegalArgumentException("the ordered graph and the hub decisions cover " + at + " VMs but the estate has "
                    + n + ". Was the ordered graph built with other decisions?");
        }
        return result;
    }

    private static List<Integer> vertices(VertexLabels labels, Map<String, HubTreatment> decisions, HubTreatment treatment) {
        List<Integer> vertices = new ArrayList<>();
        boolean[] marked = treated(labels, decisions, treatment);
        for (int v = 0; v < marked.length; v++) {
            if (marked[v]) {
                vertices.add(v);
            }
        }
        return vertices;
    }

    private static boolean[] treated(VertexLabels labels, Map<String, HubTreatment> decisions, HubTreatment treatment) {
        boolean[] marked = new boolean[labels.size()];
        for (Map.Entry<String, HubTreatment> decision : decisions.entrySet()) {
            if (decision.getValue() == treatment) {
                int v = labels.indexOf(decision.getKey());
                if (v < 0) {
                    throw new IllegalArgumentException("the hub decision for " + decision.getKey()
                            + " names a VM that is not in the estate");
                }
                marked[v] = true;
            }
        }
        return marked;
    }
}
