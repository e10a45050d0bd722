package dev.skylift.runtime.collect;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes flow export datagrams — NetFlow v5, NetFlow v9 (RFC 3954) and IPFIX (RFC 7011) — into
 * {@link FlowRecord}s, keeping the templates of v9 and IPFIX per exporter address and source ID /
 * observation domain. Written in the project: no library on Maven Central does this well.
 *
 * <p>A datagram decodes whole or not at all: on bad input {@link #decode} throws
 * {@link FlowDecodeException} (and nothing else), delivers none of that datagram's records and
 * counts a decode error; templates learned from its earlier sets stay. Data sets that arrive before
 * their template are buffered (bounded, see {@link TemplateCache}) and decoded when it comes.
 * Not thread-safe: one decoder per receiving thread.
 */
public final class FlowDecoder {

    /** Default bound of the buffer of data sets waiting for their template. */
    public static final int DEFAULT_MAX_PENDING_SETS = 256;
    private static final long MAX_PENDING_BYTES = 1L << 20;

    private final DecoderStats stats = new DecoderStats();
    private final DataSets sets;

    public FlowDecoder() {
        this(DEFAULT_MAX_PENDING_SETS);
    }

    /** A decoder that keeps at most {@code maxPendingSets} early data sets (0: drop them at once). */
    public FlowDecoder(int maxPendingSets) {
        this.sets = new DataSets(new TemplateCache(maxPendingSets, MAX_PENDING_BYTES), stats);
    }

    /**
     * The flow records of one datagram from {@code exporter} (its first {@code length} bytes).
     *
     * @throws FlowDecodeException when the datagram is not a valid v5, v9 or IPFIX packet
     */
    public List<FlowRecord> decode(InetAddress exporter, byte[] datagram, int length) {
        stats.packets++;
        try {
            if (length < 2 || length > datagram.length) {
                throw new FlowDecodeException("datagram of " + length + " bytes has no room for a version number");
            }
            int version = ((datagram[0] & 0xFF) << 8) | (datagram[1] & 0xFF);
            if (version != 5 && version != 9 && version != 10) {
                throw new FlowDecodeException("version " + version
                        + " is not NetFlow v5 (5), NetFlow v9 (9) or IPFIX (10); is something else sending to this port?");
            }
            int slot = DecoderStats.slot(version);
            stats.packetsByVersion[slot]++;
            PacketReader in = new PacketReader(datagram, 0, length);
            List<FlowRecord> out = new ArrayList<>();
            switch (version) {
                case 5 -> NetFlowV5Decoder.decode(in, out);
                case 9 -> NetFlowV9Decoder.decode(exporter, in, sets, out);
                default -> IpfixDecoder.decode(exporter, in, sets, out);
            }
            stats.records += out.size();
            stats.recordsByVersion[slot] += out.size();
            return out;
        } catch (RuntimeException e) {
            // FlowDecodeException is the only expected one (the fuzz test holds the decoders to that);
            // anything else is a bug, still counted so the collector's figures add up.
            stats.decodeErrors++;
            throw e;
        }
    }

    /** Drops the data sets still waiting for a template (counted as dropped); call at the end. */
    public void finish() {
        stats.droppedSets += sets.cache().clearPending();
    }

    /** The counts so far. */
    public CollectorCounts counts() {
        return stats.snapshot();
    }
}
