package dev.skylift.plan;

import dev.skylift.graph.CommGraph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the operator feels of a plan, computed from its timeline and the weighted communication
 * graph. An edge's weight is the bytes per day observed between the two VMs, so it is split at the
 * rate weight / 86,400 bytes/s from the first of the two cutovers to the second. From that: the
 * longest split (max stretch, and which pair), the bytes that crossed the WAN because of splits
 * (exposure), the cross-WAN traffic over time as a step function and its peak, each VM's downtime,
 * and the makespan against its bound. O(m + n log n) for n VMs and m communicating pairs.
 *
 * @param maxStretch         the longest time a communicating pair was split, seconds
 * @param worstPair          that pair, when some pair was split at all
 * @param exposureBytes      Σ over pairs of rate × split time, bytes
 * @param peakRate           the highest cross-WAN traffic rate, bytes/s
 * @param peakTime           when it was first reached, seconds
 * @param crossWanCurve      the cross-WAN traffic rate from each point's time until the next point's;
 *                           it starts at (0, 0) and ends at the last change, where the rate is 0
 * @param downtimes          each VM's pause, seconds, in start order
 * @param makespan           when the last VM cut over, seconds
 * @param makespanLowerBound what no plan can beat, seconds
 */
public record PlanMetrics(double maxStretch, Optional<Pair> worstPair, double exposureBytes, double peakRate,
                          double peakTime, List<RatePoint> crossWanCurve, Map<String, Double> downtimes,
                          double makespan, double makespanLowerBound) {

    /** Seconds per day: edge weights are bytes per day. */
    public static final double SECONDS_PER_DAY = 86_400;

    public PlanMetrics {
        crossWanCurve = List.copyOf(crossWanCurve);
        downtimes = Collections.unmodifiableMap(new LinkedHashMap<>(downtimes));
    }

    /** Two VMs that communicate, and how long they were split. */
    public record Pair(String a, String b, double stretch) {
    }

    /** The cross-WAN traffic rate (bytes/s) from {@code time} (seconds) until the next point. */
    public record RatePoint(double time, double rate) {
    }

    /** The metrics of {@code plan} on {@code graph}, whose vertices the plan's steps name. */
    public static PlanMetrics of(MigrationPlan plan, CommGraph graph) {
        int n = graph.vertexCount();
        if (plan.steps().size() != n) {
            throw new IllegalArgumentException("the plan moves " + plan.steps().size() + " VMs but the graph has " + n
                    + ". Was the plan made for another graph?");
        }
        double[] cutover = plan.cutoversByVertex();
        double maxStretch = 0;
        int worstA = -1;
        int worstB = -1;
        double exposure = 0;
        // Every split pair adds its rate at its first cutover and takes it away at its second; both are
        // some VM's cutover, so the changes gather per VM and the curve needs only the VMs sorted by cutover.
        double[] change = new double[n];
        int[] opened = new int[n];
        for (int u = 0; u < n; u++) {
            for (int arc = graph.firstArc(u); arc < graph.endArc(u); arc++) {
                int v = graph.target(arc);
                if (v <= u) {
                    continue;
                }
                double stretch = Math.abs(cutover[u] - cutover[v]);
                double rate = graph.weight(arc) / SECONDS_PER_DAY;
                exposure += rate * stretch;
                if (stretch > maxStretch) {
                    maxStretch = stretch;
                    worstA = u;
                    worstB = v;
                }
                if (stretch > 0 && rate > 0) {
                    int first = cutover[u] < cutover[v] ? u : v;
                    change[first] += rate;
                    opened[first]++;
                    change[u + v - first] -= rate;
                    opened[u + v - first]--;
                }
            }
        }
        var curve = curve(cutover, change, opened);
        double peakRate = 0;
        double peakTime = 0;
        for (RatePoint point : curve) {
            if (point.rate() > peakRate) {
                peakRate = point.rate();
                peakTime = point.time();
            }
        }
        Map<String, Double> downtimes = new LinkedHashMap<>();
        for (MigrationStep step : plan.steps()) {
            downtimes.put(step.vm(), step.downtime());
        }
        Optional<Pair> worst = worstA < 0 ? Optional.empty() : Optional.of(new Pair(
                graph.labels().label(worstA), graph.labels().label(worstB), maxStretch));
        return new PlanMetrics(maxStretch, worst, exposure, peakRate, peakTime, curve, downtimes, plan.makespan(),
                plan.makespanLowerBound());
    }

    private static List<RatePoint> curve(double[] cutover, double[] change, int[] opened) {
        int n = cutover.length;
        Integer[] byCutover = new Integer[n];
        for (int v = 0; v < n; v++) {
            byCutover[v] = v;
        }
        Arrays.sort(byCutover, (x, y) -> Double.compare(cutover[x], cutover[y]));
        var curve = new ArrayList<RatePoint>();
        curve.add(new RatePoint(0, 0));
        double rate = 0;
        long open = 0;
        for (int i = 0; i < n; ) {
            double at = cutover[byCutover[i]];
            for (; i < n && cutover[byCutover[i]] == at; i++) {
                rate += change[byCutover[i]];
                open += opened[byCutover[i]];
            }
            if (open == 0) {
                rate = 0; // no pair split: drop the rounding left by adding and removing rates
            }
            RatePoint last = curve.get(curve.size() - 1);
            if (last.time() == at) {
                curve.set(curve.size() - 1, new RatePoint(at, rate));
            } else if (last.rate() != rate) {
                curve.add(new RatePoint(at, rate));
            }
        }
        return curve;
    }

    /** The makespan over its lower bound, ≥ 1; 1 when nothing had to move. */
    public double makespanRatio() {
        return makespanLowerBound > 0 ? makespan / makespanLowerBound : 1;
    }

    /** The longest downtime of any VM, seconds. */
    public double maxDowntime() {
        return downtimes.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
}
