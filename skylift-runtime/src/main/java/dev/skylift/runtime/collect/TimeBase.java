package dev.skylift.runtime.collect;

/**
 * What a packet header says about time, needed to turn relative flow times into instants: the
 * export time (epoch milliseconds) and, for NetFlow v5/v9 (RFC 3954 §5.1), the exporter's uptime
 * at export; IPFIX (RFC 7011 §3.1) has no uptime in its header ({@code uptimeMillis} is -1).
 */
record TimeBase(long exportMillis, long uptimeMillis) {

    static final long NO_UPTIME = -1;

    boolean hasUptime() {
        return uptimeMillis >= 0;
    }

    /**
     * The instant at which the exporter's uptime clock read {@code uptime}: the difference is taken
     * as a signed 32-bit number of milliseconds, so it survives the 49.7-day wrap of the counter.
     */
    long atUptime(long uptime) {
        return exportMillis - (int) (uptimeMillis - uptime);
    }
}
