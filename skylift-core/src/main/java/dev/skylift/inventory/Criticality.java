package dev.skylift.inventory;

import java.util.Locale;

/** How much the business depends on a VM; the planner may weigh its downtime by it. */
public enum Criticality {
    LOW, MEDIUM, HIGH, CRITICAL;

    /** {@code low}, {@code medium}, {@code high} or {@code critical}, any case; null when it is none. */
    public static Criticality parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "low" -> LOW;
            case "medium" -> MEDIUM;
            case "high" -> HIGH;
            case "critical" -> CRITICAL;
            default -> null;
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
