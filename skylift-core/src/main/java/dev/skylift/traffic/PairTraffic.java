package dev.skylift.traffic;

/**
 * The traffic of every communicating VM pair, in parallel primitive arrays sorted by pair
 * (a &lt; b, then by b): bytes, packets and flow records observed, and the weight affinity rules
 * give the pair. Immutable once built.
 */
public final class PairTraffic {

    private final int[] a;
    private final int[] b;
    private final long[] bytes;
    private final long[] packets;
    private final long[] flows;
    private final double[] affinity;

    PairTraffic(int[] a, int[] b, long[] bytes, long[] packets, long[] flows, double[] affinity) {
        this.a = a;
        this.b = b;
        this.bytes = bytes;
        this.packets = packets;
        this.flows = flows;
        this.affinity = affinity;
    }

    static PairTraffic empty() {
        return new PairTraffic(new int[0], new int[0], new long[0], new long[0], new long[0], new double[0]);
    }

    public int size() {
        return a.length;
    }

    /** The lower VM index of pair {@code i}. */
    public int a(int i) {
        return a[i];
    }

    /** The higher VM index of pair {@code i}. */
    public int b(int i) {
        return b[i];
    }

    public long bytes(int i) {
        return bytes[i];
    }

    public long packets(int i) {
        return packets[i];
    }

    public long flows(int i) {
        return flows[i];
    }

    /** The weight affinity rules give the pair (0 when none do). */
    public double affinity(int i) {
        return affinity[i];
    }

    /** The observed measure of pair {@code i}. */
    public long measure(int i, Weight weight) {
        return switch (weight) {
            case BYTES -> bytes[i];
            case PACKETS -> packets[i];
            case FLOWS -> flows[i];
        };
    }

    static long key(int u, int v) {
        return u < v ? ((long) u << 32) | v : ((long) v << 32) | u;
    }
}
