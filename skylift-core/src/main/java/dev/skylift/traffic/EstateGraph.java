package dev.skylift.traffic;

import dev.skylift.graph.CommGraph;
import dev.skylift.graph.VertexLabels;
import dev.skylift.inventory.Inventory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The communication graph of an estate with everything known about it: the inventory (vertex i is
 * VM i), each communicating pair's observed bytes, packets and flow records and its affinity
 * weight, each VM's traffic with the outside, and the summary of what the flow readers saw.
 *
 * <p>How weights combine. A pair's weight is its observed measure (bytes by default, or packets,
 * or flow records) plus {@code affinityScale} times the weight the affinity rules give it; with the
 * default scale 1 an affinity weight is read in the unit of the chosen measure (bytes-equivalent
 * for bytes). A pair only in the rules is an edge with its affinity weight; a pair only observed is
 * an edge with its measure. The orderers look at which pairs communicate, so any pair in either
 * source constrains the order; the weights matter for hub detection, reports and the planner.
 */
public final class EstateGraph {

    private final Inventory inventory;
    private final PairTraffic pairs;
    private final long[] externalBytes;
    private final long[] externalPackets;
    private final FlowSummary summary;
    private final Weight weight;
    private final double affinityScale;
    private final AffinityRules rules;

    private EstateGraph(Inventory inventory, PairTraffic pairs, long[] externalBytes, long[] externalPackets,
                        FlowSummary summary, Weight weight, double affinityScale, AffinityRules rules) {
        this.inventory = inventory;
        this.pairs = pairs;
        this.externalBytes = externalBytes;
        this.externalPackets = externalPackets;
        this.summary = summary;
        this.weight = weight;
        this.affinityScale = affinityScale;
        this.rules = rules;
    }

    /** The graph of what the aggregator summed, merged with the rules. */
    public static EstateGraph of(FlowAggregator aggregator, AffinityRules rules, Weight weight, double affinityScale) {
        return of(aggregator.inventory(), aggregator.pairs(), aggregator.externalBytes(), aggregator.externalPackets(),
                aggregator.summary(), rules, weight, affinityScale);
    }

    /** The graph of the rules alone. */
    public static EstateGraph ofRules(Inventory inventory, AffinityRules rules, Weight weight) {
        return of(inventory, PairTraffic.empty(), new long[inventory.size()], new long[inventory.size()],
                FlowSummary.empty(), rules, weight, 1.0);
    }

    static EstateGraph of(Inventory inventory, PairTraffic observed, long[] externalBytes, long[] externalPackets,
                          FlowSummary summary, AffinityRules rules, Weight weight, double affinityScale) {
        if (!(affinityScale >= 0) || Double.isInfinite(affinityScale)) {
            throw new IllegalArgumentException("the affinity scale " + affinityScale + " is not a finite number ≥ 0");
        }
        PairTraffic merged = merge(inventory, observed, rules);
        return new EstateGraph(inventory, merged, externalBytes, externalPackets, summary, weight, affinityScale, rules);
    }

    private static PairTraffic merge(Inventory inventory, PairTraffic observed, AffinityRules rules) {
        Map<Long, Double> affinity = new HashMap<>();
        for (AffinityRules.Group group : rules.groups()) {
            for (int i = 0; i < group.vms().size(); i++) {
                for (int j = i + 1; j < group.vms().size(); j++) {
                    put(affinity, inventory, group.vms().get(i), group.vms().get(j), group.weight());
                }
            }
        }
        for (AffinityRules.Pair pair : rules.pairs()) {
            put(affinity, inventory, pair.a(), pair.b(), pair.weight());
        }
        for (AffinityRules.SharedService service : rules.sharedServices()) {
            for (String other : inventory.names()) {
                put(affinity, inventory, service.vm(), other, service.weight());
            }
        }
        if (affinity.isEmpty()) {
            return observed;
        }
        long[] ruleKeys = affinity.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        int capacity = observed.size() + ruleKeys.length;
        int[] as = new int[capacity];
        int[] bs = new int[capacity];
        long[] bytes = new long[capacity];
        long[] packets = new long[capacity];
        long[] flows = new long[capacity];
        double[] weights = new double[capacity];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < observed.size() || j < ruleKeys.length) {
            long observedKey = i < observed.size() ? PairTraffic.key(observed.a(i), observed.b(i)) : Long.MAX_VALUE;
            long ruleKey = j < ruleKeys.length ? ruleKeys[j] : Long.MAX_VALUE;
            long key = Math.min(observedKey, ruleKey);
            as[n] = (int) (key >>> 32);
            bs[n] = (int) key;
            if (observedKey == key) {
                bytes[n] = observed.bytes(i);
                packets[n] = observed.packets(i);
                flows[n] = observed.flows(i);
                weights[n] = observed.affinity(i);
                i++;
            }
            if (ruleKey == key) {
                weights[n] += affinity.get(key);
                j++;
            }
            n++;
        }
        return new PairTraffic(Arrays.copyOf(as, n), Arrays.copyOf(bs, n), Arrays.copyOf(bytes, n),
                Arrays.copyOf(packets, n), Arrays.copyOf(flows, n), Arrays.copyOf(weights, n));
    }

    private static void put(Map<Long, Double> affinity, Inventory inventory, String a, String b, double weight) {
        int u = inventory.indexOf(a);
        int v = inventory.indexOf(b);
        if (u < 0 || v < 0) {
            throw new IllegalArgumentException("affinity rule names a VM not in the inventory: " + (u < 0 ? a : b));
        }
        if (u != v) {
            affinity.merge(PairTraffic.key(u, v), weight, Double::sum);
        }
    }

    public Inventory inventory() {
        return inventory;
    }

    public PairTraffic pairs() {
        return pairs;
    }

    public FlowSummary summary() {
        return summary;
    }

    public Weight weight() {
        return weight;
    }

    public double affinityScale() {
        return affinityScale;
    }

    public AffinityRules rules() {
        return rules;
    }

    /** Bytes VM {@code vm} exchanged with addresses outside the inventory. */
    public long externalBytes(int vm) {
        return externalBytes[vm];
    }

    public long externalPackets(int vm) {
        return externalPackets[vm];
    }

    /** The weight of pair {@code i}: its measure plus the scaled affinity weight. */
    public double weightOf(int i) {
        return pairs.measure(i, weight) + affinityScale * pairs.affinity(i);
    }

    /** The sum of all pair weights. */
    public double totalWeight() {
        double sum = 0;
        for (int i = 0; i < pairs.size(); i++) {
            sum += weightOf(i);
        }
        return sum;
    }

    /** How many other VMs each VM communicates with. */
    public int[] degrees() {
        int[] degrees = new int[inventory.size()];
        for (int i = 0; i < pairs.size(); i++) {
            degrees[pairs.a(i)]++;
            degrees[pairs.b(i)]++;
        }
        return degrees;
    }

    /**
     * How many other VMs each VM was seen talking to — pairs known only from the affinity rules
     * are left out when any traffic was observed, so that a large application group (every two
     * members "communicate") does not make all its members look like shared services. With no
     * observed traffic at all, the rules are all there is and every pair counts.
     */
    public int[] observedDegrees() {
        boolean anyObserved = false;
        for (int i = 0; i < pairs.size() && !anyObserved; i++) {
            anyObserved = observed(i);
        }
        if (!anyObserved) {
            return degrees();
        }
        int[] degrees = new int[inventory.size()];
        for (int i = 0; i < pairs.size(); i++) {
            if (observed(i)) {
                degrees[pairs.a(i)]++;
                degrees[pairs.b(i)]++;
            }
        }
        return degrees;
    }

    private boolean observed(int i) {
        return pairs.flows(i) > 0 || pairs.bytes(i) > 0 || pairs.packets(i) > 0;
    }

    /** The total weight of each VM's pairs. */
    public double[] incidentWeights() {
        double[] sums = new double[inventory.size()];
        for (int i = 0; i < pairs.size(); i++) {
            double w = weightOf(i);
            sums[pairs.a(i)] += w;
            sums[pairs.b(i)] += w;
        }
        return sums;
    }

    /** The whole graph: every VM of the inventory (isolated ones too), labelled by name. */
    public CommGraph graph() {
        int n = inventory.size();
        List<String> names = new ArrayList<>(n);
        for (int v = 0; v < n; v++) {
            names.add(inventory.vm(v).name());
        }
        CommGraph.Builder builder = CommGraph.builder(n, pairs.size(), true);
        for (int i = 0; i < pairs.size(); i++) {
            builder.addEdge(pairs.a(i), pairs.b(i), weightOf(i));
        }
        return builder.build(VertexLabels.of(names));
    }

    /**
     * The graph to order: every VM except the hubs moved first, last or excluded (their decisions
     * are the planner's, not the orderer's), labelled by name.
     */
    public CommGraph orderedGraph(Map<String, HubTreatment> decisions) {
        boolean[] ordered = new boolean[inventory.size()];
        for (int v = 0; v < ordered.length; v++) {
            ordered[v] = decisions.getOrDefault(inventory.vm(v).name(), HubTreatment.ORDER) == HubTreatment.ORDER;
        }
        return graph().induced(ordered);
    }
}
