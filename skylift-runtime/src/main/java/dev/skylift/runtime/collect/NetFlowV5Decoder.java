package dev.skylift.runtime.collect;

import java.util.List;

/**
 * NetFlow version 5 (Cisco's fixed format; no RFC, documented in Cisco's "NetFlow Export Datagram
 * Format"): a 24-byte header (version, count, sysUptime, unix_secs, unix_nsecs, flow_sequence,
 * engine type and id, sampling interval) and {@code count} records of 48 bytes. IPv4 only. First
 * and last switched are uptime milliseconds, turned into instants with the header's clock.
 */
final class NetFlowV5Decoder {

    static final int HEADER_LENGTH = 24;
    static final int RECORD_LENGTH = 48;

    private NetFlowV5Decoder() {
    }

    static void decode(PacketReader in, List<FlowRecord> out) {
        int total = in.remaining();
        in.u16("version");
        int count = in.u16("v5 record count");
        long uptime = in.u32("v5 sysUptime");
        long seconds = in.u32("v5 unix_secs");
        long nanos = in.u32("v5 unix_nsecs");
        in.skip(8, "v5 header (sequence, engine, sampling)");
        if (nanos >= 1_000_000_000L) {
            throw new FlowDecodeException("NetFlow v5 header has unix_nsecs " + nanos + "; expected 0..999999999");
        }
        long needed = HEADER_LENGTH + (long) count * RECORD_LENGTH;
        if (needed > total) {
            throw new FlowDecodeException("NetFlow v5 header says " + count + " records (" + needed
                    + " bytes) but the datagram has " + total + " bytes; truncated in transit?");
        }
        TimeBase time = new TimeBase(seconds * 1000 + nanos / 1_000_000, uptime);
        for (int i = 0; i < count; i++) {
            byte[] source = in.bytes(4, "v5 srcaddr");
            byte[] destination = in.bytes(4, "v5 dstaddr");
            in.skip(8, "v5 nexthop, input, output");
            long packets = in.u32("v5 dPkts");
            long bytes = in.u32("v5 dOctets");
            long first = in.u32("v5 First");
            long last = in.u32("v5 Last");
            int sourcePort = in.u16("v5 srcport");
            int destinationPort = in.u16("v5 dstport");
            in.skip(2, "v5 pad1, tcp_flags");
            int protocol = in.u8("v5 prot");
            in.skip(9, "v5 tos, AS numbers, masks, pad2");
            long start = time.atUptime(first);
            long end = Math.max(start, time.atUptime(last));
            out.add(new FlowRecord(start, end, RecordDecoder.address(source), sourcePort,
                    RecordDecoder.address(destination), destinationPort, protocol, bytes, packets));
        }
    }
}
