package dev.skylift.plan;

import java.util.Locale;

/**
 * What a migration order is tuned for, each measured by {@link PlanMetrics} on the plan's timeline.
 * Stretch is the bandwidth problem in time (the longest split of a communicating pair); exposure and
 * peak are its weighted linear-arrangement and cutwidth relatives (the bytes that crossed the WAN
 * because of splits, and the highest cross-WAN rate).
 */
public enum Objective {
    /** The longest time a communicating pair is split, seconds. */
    STRETCH,
    /** The bytes that crossed the WAN because of splits. */
    EXPOSURE,
    /** The highest cross-WAN traffic rate. */
    PEAK;

    /** The name users select it by: {@code stretch}, {@code exposure} or {@code peak}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The objective named {@code name}, case-insensitive, or a message listing the known ones. */
    public static Objective parse(String name) {
        for (Objective objective : values()) {
            if (objective.label().equalsIgnoreCase(name.trim())) {
                return objective;
            }
        }
        throw new IllegalArgumentException("unknown objective '" + name + "'. Use stretch, exposure or peak");
    }

    /** This objective's value in {@code metrics}: lower is better. */
    public double of(PlanMetrics metrics) {
        return switch (this) {
            case STRETCH -> metrics.maxStretch();
            case EXPOSURE -> metrics.exposureBytes();
            case PEAK -> metrics.peakRate();
        };
    }
}
