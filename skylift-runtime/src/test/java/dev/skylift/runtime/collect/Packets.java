package dev.skylift.runtime.collect;

import java.util.ArrayList;
import java.util.List;

/**
 * Export packets built field by field from the layouts of Cisco's NetFlow v5 format, RFC 3954
 * (NetFlow v9) and RFC 7011 (IPFIX), for the decoder tests.
 */
final class Packets {

    private Packets() {
    }

    /** One NetFlow v5 record's interesting fields. */
    record V5Record(int[] source, int[] destination, long packets, long bytes, long first, long last,
            int sourcePort, int destinationPort, int protocol) {
    }

    static byte[] v5(long uptime, long seconds, long nanos, V5Record... records) {
        Bytes b = new Bytes().u16(5).u16(records.length).u32(uptime).u32(seconds).u32(nanos).u32(77)
                .u8(0).u8(0).u16(0);
        for (V5Record r : records) {
            b.raw(r.source()).raw(r.destination()).raw(0, 0, 0, 0).u16(1).u16(2)
                    .u32(r.packets()).u32(r.bytes()).u32(r.first()).u32(r.last())
                    .u16(r.sourcePort()).u16(r.destinationPort()).u8(0).u8(0x18).u8(r.protocol()).u8(0)
                    .u16(0).u16(0).u8(24).u8(24).u16(0);
        }
        return b.toArray();
    }

    /** A set (v9 flowset or IPFIX set): ID, length and body. */
    static byte[] set(int id, byte[] body) {
        return new Bytes().u16(id).u16(body.length + 4).raw(body).toArray();
    }

    static byte[] v9(long uptime, long seconds, long sourceId, byte[]... flowsets) {
        Bytes b = new Bytes().u16(9).u16(flowsets.length).u32(uptime).u32(seconds).u32(1).u32(sourceId);
        for (byte[] set : flowsets) {
            b.raw(set);
        }
        return b.toArray();
    }

    static byte[] ipfix(long exportSeconds, long domain, byte[]... sets) {
        Bytes b = new Bytes().u16(10).u16(0).u32(exportSeconds).u32(1).u32(domain);
        for (byte[] set : sets) {
            b.raw(set);
        }
        return Bytes.patch16(b.toArray(), 2, b.size());
    }

    /** A template record body: ID, count, then (type, length) pairs (v9, or IPFIX without enterprise bits). */
    static byte[] template(int id, int... typesAndLengths) {
        Bytes b = new Bytes().u16(id).u16(typesAndLengths.length / 2);
        for (int value : typesAndLengths) {
            b.u16(value);
        }
        return b.toArray();
    }

    static byte[] concat(byte[]... parts) {
        Bytes b = new Bytes();
        for (byte[] part : parts) {
            b.raw(part);
        }
        return b.toArray();
    }

    /** The softflowd-style IPv4 data template (v9 / IPFIX IDs): addresses, uptimes, counters, ports, protocol. */
    static final int[] V4_FIELDS = {8, 4, 12, 4, 22, 4, 21, 4, 1, 4, 2, 4, 10, 4, 14, 4, 7, 2, 11, 2, 4, 1, 6, 1, 60, 1, 5, 1};

    static byte[] v4Record(int[] source, int[] destination, long startUptime, long endUptime, long bytes, long packets,
            int sourcePort, int destinationPort, int protocol) {
        return new Bytes().raw(source).raw(destination).u32(startUptime).u32(endUptime).u32(bytes).u32(packets)
                .u32(1).u32(2).u16(sourcePort).u16(destinationPort).u8(protocol).u8(0x18).u8(4).u8(0).toArray();
    }

    /** A few valid packets of each version, used as seeds by the fuzz test. */
    static List<byte[]> samples(int version) {
        List<byte[]> samples = new ArrayList<>();
        int[] a = {10, 0, 0, 1};
        int[] b = {10, 0, 0, 2};
        switch (version) {
            case 5 -> {
                samples.add(v5(100_000, 1_764_064_800L, 5_000_000, new V5Record(a, b, 10, 1500, 90_000, 99_000, 1234, 80, 6),
                        new V5Record(b, a, 8, 9000, 90_500, 99_500, 80, 1234, 6)));
                samples.add(v5(5, 1_764_064_800L, 0));
            }
            case 9 -> {
                byte[] template = set(0, template(256, V4_FIELDS));
                byte[] data = set(256, concat(v4Record(a, b, 1000, 2000, 1500, 10, 1234, 80, 6),
                        v4Record(b, a, 1100, 2100, 900, 9, 80, 1234, 6), new byte[] {0, 0}));
                byte[] options = set(1, new Bytes().u16(300).u16(4).u16(8).u16(2).u16(4).u16(34).u16(4)
                        .u16(35).u16(1).u16(0).toArray());
                byte[] optionsData = set(300, new Bytes().u32(1).u32(100).u8(2).raw(0, 0, 0).toArray());
                samples.add(v9(50_000, 1_764_064_800L, 7, template, options, data, optionsData));
                samples.add(v9(50_000, 1_764_064_800L, 7, data));
                samples.add(v9(50_000, 1_764_064_800L, 7, set(0, template(257, 27, 16, 28, 16, 1, 8, 2, 8, 4, 1)),
                        set(257, new Bytes().raw(new byte[32]).u64(5).u64(1).u8(17).toArray())));
            }
            default -> {
                byte[] template = set(2, IpfixDecoderTest.enterpriseVariableTemplate());
                byte[] data = set(400, IpfixDecoderTest.enterpriseVariableRecords());
                byte[] options = set(3, new Bytes().u16(256).u16(2).u16(1).u16(143).u16(4).u16(160).u16(8).toArray());
                byte[] optionsData = set(256, new Bytes().u32(1).u64(1_764_064_000_000L).toArray());
                byte[] v4 = set(2, template(1024, 8, 4, 12, 4, 22, 4, 21, 4, 1, 4, 2, 4, 7, 2, 11, 2, 4, 1));
                byte[] v4data = set(1024, new Bytes().raw(a).raw(b).u32(1000).u32(2000).u32(1500).u32(10)
                        .u16(1234).u16(80).u8(6).raw(0, 0, 0).toArray());
                samples.add(ipfix(1_764_064_800L, 3, template, data));
                samples.add(ipfix(1_764_064_800L, 3, options, optionsData, v4, v4data));
                samples.add(ipfix(1_764_064_800L, 3, v4data, set(2, new Bytes().u16(1024).u16(0).toArray())));
            }
        }
        return samples;
    }
}
