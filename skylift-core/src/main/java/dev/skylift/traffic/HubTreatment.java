package dev.skylift.traffic;

import java.util.Locale;

/**
 * What the operator decided for a shared service (hub): a VM that talks to so much of the estate
 * that it sets the bandwidth of every order by itself (at least half its degree).
 */
public enum HubTreatment {
    /** Order it like any other VM. */
    ORDER,
    /** Move it before everything else; its edges leave the ordered graph. */
    FIRST,
    /** Move it after everything else; its edges leave the ordered graph. */
    LAST,
    /** Keep it out of the objective (e.g. replicated on both sides); it leaves the ordered graph. */
    EXCLUDE;

    /** {@code order}, {@code first}, {@code last} or {@code exclude}, any case; null when it is none. */
    public static HubTreatment parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "order" -> ORDER;
            case "first" -> FIRST;
            case "last" -> LAST;
            case "exclude" -> EXCLUDE;
            default -> null;
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
