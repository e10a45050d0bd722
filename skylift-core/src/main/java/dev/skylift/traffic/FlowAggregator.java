package dev.skylift.traffic;

import dev.skylift.inventory.Inventory;
import dev.skylift.io.InputFormatException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Sums flow records into per-pair traffic while the readers stream them: the hot loop of building a
 * communication graph from tens of millions of records.
 *
 * <p>Design. A record arrives as two VM indices (−1 for an address outside the inventory) and its
 * counts. The pair {a, b} becomes one {@code long} key, {@code min << 32 | max}, in an
 * open-addressing table with linear probing; the key and its three sums (bytes, packets, records)
 * sit side by side in one {@code long} array, 32 bytes per slot, so a record costs one cache miss
 * rather than four (with ~200,000 pairs the table is 16 MB, far larger than the caches). The load
 * stays at most one half, so probe sequences are short. Nothing is allocated
 * per record, so the readers' speed is set by parsing, not by the heap. A record with one end
 * outside goes to that VM's external counters; with both ends outside it is only counted. Counts
 * saturate at {@code Long.MAX_VALUE} rather than wrap.
 *
 * <p>Not thread-safe: one aggregator per reading thread.
 */
public final class FlowAggregator {

    private static final int EXAMPLES = 5;

    private final Inventory inventory;
    private final boolean skipBadLines;
    private final boolean keepRejected;
    private final long[] externalBytes;
    private final long[] externalPackets;
    private final long[] externalFlows;

    /** Slot s is table[4s] (the key, 0 when empty), table[4s + 1] bytes, + 2 packets, + 3 records. */
    private long[] table = new long[4 << 12];
    private int mask = (1 << 12) - 1;
    private int size;

    private long records;
    private long mapped;
    private long sameVm;
    private long external;
    private long unmapped;
    private long rejected;
    private long noData;
    private long skipData;
    private long badLines;
    private final List<String> badLineExamples = new ArrayList<>();
    private long mappedBytes;
    private long externalByteTotal;
    private long unmappedBytes;
    private long rejectedBytes;
    private long firstMillis = Long.MAX_VALUE;
    private long lastMillis = Long.MIN_VALUE;

    /**
     * @param skipBadLines count and report malformed lines instead of failing on the first
     * @param keepRejected add records the network refused (VPC REJECT) to the graph too
     */
    public FlowAggregator(Inventory inventory, boolean skipBadLines, boolean keepRejected) {
        this.inventory = inventory;
        this.skipBadLines = skipBadLines;
        this.keepRejected = keepRejected;
        this.externalBytes = new long[inventory.size()];
        this.externalPackets = new long[inventory.size()];
        this.externalFlows = new long[inventory.size()];
    }

    public Inventory inventory() {
        return inventory;
    }

    public boolean keepRejected() {
        return keepRejected;
    }

    /**
     * One flow record between VM {@code a} and VM {@code b} (−1: outside the inventory), carrying
     * {@code flowCount} records' worth of counts (1 for a flow record; a connection slot for
     * dependency exports).
     */
    public void add(int a, int b, long byteCount, long packetCount, long flowCount) {
        records++;
        if (a < 0 || b < 0) {
            int vm = a < 0 ? b : a;
            if (vm < 0) {
                unmapped++;
                unmappedBytes = plus(unmappedBytes, byteCount);
                return;
            }
            external++;
            externalByteTotal = plus(externalByteTotal, byteCount);
            externalBytes[vm] = plus(externalBytes[vm], byteCount);
            externalPackets[vm] = plus(externalPackets[vm], packetCount);
            externalFlows[vm] = plus(externalFlows[vm], flowCount);
            return;
        }
        if (a == b) {
            sameVm++;
            return;
        }
        mapped++;
        mappedBytes = plus(mappedBytes, byteCount);
        long key = a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
        int at = slot(key) << 2;
        long[] t = table;
        t[at + 1] = plus(t[at + 1], byteCount);
        t[at + 2] = plus(t[at + 2], packetCount);
        t[at + 3] = plus(t[at + 3], flowCount);
    }

    /** A record the network refused: counted apart, and in the graph only when asked. */
    public void rejected(int a, int b, long byteCount, long packetCount) {
        if (keepRejected) {
            add(a, b, byteCount, packetCount, 1);
            return;
        }
        records++;
        rejected++;
        rejectedBytes = plus(rejectedBytes, byteCount);
    }

    /** A VPC NODATA line. */
    public void noData() {
        records++;
        noData++;
    }

    /** A VPC SKIPDATA line. */
    public void skipData() {
        records++;
        skipData++;
    }

    /** Widens the time span seen to include [start, end] (epoch milliseconds). */
    public void time(long startMillis, long endMillis) {
        if (startMillis < firstMillis) {
            firstMillis = startMillis;
        }
        if (endMillis > lastMillis) {
            lastMillis = endMillis;
        }
    }

    /**
     * A malformed line: fails with the message (file:line: what and the value), or, when skipping
     * bad lines, counts it and keeps the first few messages. Never silent.
     */
    public void badLine(Path file, long line, String message) {
        InputFormatException error = new InputFormatException(file, line, message);
        if (!skipBadLines) {
            throw error;
        }
        records++;
        badLines++;
        if (badLineExamples.size() < EXAMPLES) {
            badLineExamples.add(error.getMessage());
        }
    }

    public FlowSummary summary() {
        return new FlowSummary(records, mapped, sameVm, external, unmapped, rejected, noData, skipData, badLines,
                badLineExamples, mappedBytes, externalByteTotal, unmappedBytes, rejectedBytes,
                firstMillis == Long.MAX_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(firstMillis)),
                lastMillis == Long.MIN_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(lastMillis)));
    }

    /** Bytes each VM exchanged with addresses outside the inventory, by VM index. */
    public long[] externalBytes() {
        return externalBytes.clone();
    }

    public long[] externalPackets() {
        return externalPackets.clone();
    }

    public long[] externalFlows() {
        return externalFlows.clone();
    }

    /** How many distinct pairs have been seen. */
    public int pairCount() {
        return size;
    }

    /** The pairs summed so far, sorted. */
    public PairTraffic pairs() {
        long[] sorted = new long[size];
        int n = 0;
        for (int at = 0; at < table.length; at += 4) {
            if (table[at] != 0) {
                sorted[n++] = table[at];
            }
        }
        Arrays.sort(sorted);
        int[] as = new int[size];
        int[] bs = new int[size];
        long[] byteSums = new long[size];
        long[] packetSums = new long[size];
        long[] flowSums = new long[size];
        for (int i = 0; i < size; i++) {
            int at = slot(sorted[i]) << 2;
            as[i] = (int) (sorted[i] >>> 32);
            bs[i] = (int) sorted[i];
            byteSums[i] = table[at + 1];
            packetSums[i] = table[at + 2];
            flowSums[i] = table[at + 3];
        }
        return new PairTraffic(as, bs, byteSums, packetSums, flowSums, new double[size]);
    }

    /** The slot of {@code key}, inserted when new. Keys are never 0: in a pair min < max, so max ≥ 1. */
    private int slot(long key) {
        int slot = hash(key) & mask;
        long k;
        while ((k = table[slot << 2]) != key) {
            if (k == 0) {
                table[slot << 2] = key;
                if (++size > (mask >> 1)) {
                    grow();
                    return slot(key);
                }
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length << 1];
        mask = (table.length >> 2) - 1;
        for (int at = 0; at < old.length; at += 4) {
            long key = old[at];
            if (key != 0) {
                int slot = hash(key) & mask;
                while (table[slot << 2] != 0) {
                    slot = (slot + 1) & mask;
                }
                System.arraycopy(old, at, table, slot << 2, 4);
            }
        }
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    private static long plus(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
