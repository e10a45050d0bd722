package dev.skylift.sim;

import dev.skylift.plan.PlanMetrics;

/**
 * The headline metrics of one run of a strategy, from its plan's {@link PlanMetrics}.
 *
 * @param seed          the seed the run used
 * @param maxStretch    the longest split of a communicating pair, seconds
 * @param exposureBytes the bytes that crossed the WAN because of splits
 * @param peakRate      the highest cross-WAN traffic rate, bytes/s
 * @param makespan      when the last VM cut over, seconds
 */
public record RunMetrics(long seed, double maxStretch, double exposureBytes, double peakRate, double makespan) {

    static RunMetrics of(long seed, PlanMetrics metrics) {
        return new RunMetrics(seed, metrics.maxStretch(), metrics.exposureBytes(), metrics.peakRate(), metrics.makespan());
    }
}
