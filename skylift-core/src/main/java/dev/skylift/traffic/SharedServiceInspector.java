package dev.skylift.traffic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the shared services (hubs) of an estate graph: VMs that talk to a large share of the other
 * VMs, or that a large share of all traffic touches. Such a VM makes every order look bad — the
 * bandwidth is at least half its degree, wherever it is put — so the operator should decide what to
 * do with it (see {@link HubTreatment}); this class only finds and explains, it decides nothing.
 *
 * <p>Defaults: degree ≥ 30 % of the other VMs, or ≥ 20 % of the total weight, in estates of at least
 * 10 VMs (below that every busy VM would look like a hub). O(n + m).
 */
public final class SharedServiceInspector {

    /** When a VM counts as a hub. */
    public record Thresholds(double degreeShare, double weightShare, int minVms) {

        public Thresholds {
            if (!(degreeShare > 0 && degreeShare <= 1) || !(weightShare > 0 && weightShare <= 1)) {
                throw new IllegalArgumentException("hub thresholds are shares in (0, 1]: degree " + degreeShare
                        + ", weight " + weightShare);
            }
        }

        /** Degree ≥ 30 % of the other VMs or weight ≥ 20 % of the total, from 10 VMs up. */
        public static Thresholds defaults() {
            return new Thresholds(0.30, 0.20, 10);
        }
    }

    private SharedServiceInspector() {
    }

    /** The hubs, the strongest (highest degree share) first. */
    public static List<Hub> hubs(EstateGraph graph, Thresholds thresholds) {
        int n = graph.inventory().size();
        List<Hub> hubs = new ArrayList<>();
        if (n < Math.max(2, thresholds.minVms())) {
            return hubs;
        }
        int[] degrees = graph.observedDegrees();
        double[] weights = graph.incidentWeights();
        double total = graph.totalWeight();
        for (int v = 0; v < n; v++) {
            double degreeShare = degrees[v] / (double) (n - 1);
            double weightShare = total > 0 ? weights[v] / total : 0;
            boolean byDegree = degreeShare >= thresholds.degreeShare();
            boolean byWeight = weightShare >= thresholds.weightShare();
            if (byDegree || byWeight) {
                hubs.add(new Hub(v, graph.inventory().vm(v).name(), degrees[v], degreeShare, weights[v], weightShare,
                        byDegree, byWeight));
            }
        }
        hubs.sort(Comparator.comparingDouble(Hub::degreeShare).reversed().thenComparing(Hub::name));
        return hubs;
    }
}
