package dev.skylift.traffic;

import java.util.Locale;

/** What the weight of a communicating pair measures. */
public enum Weight {
    /** Bytes exchanged both ways: what a split pair costs on the WAN. */
    BYTES,
    /** Packets exchanged both ways: what a split pair costs in round trips. */
    PACKETS,
    /** Flow records (or, for dependency exports, connection slots): how often the pair talks. */
    FLOWS;

    /** {@code bytes}, {@code packets} or {@code flows}, any case. */
    public static Weight parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "bytes" -> BYTES;
            case "packets" -> PACKETS;
            case "flows", "connections" -> FLOWS;
            default -> throw new IllegalArgumentException("unknown weight '" + name + "'; expected bytes, packets or flows");
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
