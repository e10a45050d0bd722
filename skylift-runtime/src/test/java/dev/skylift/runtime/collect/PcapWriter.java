package dev.skylift.runtime.collect;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes a classic libpcap file (magic a1b2c3d4, version 2.4, link type 1 Ethernet) of IPv4 and
 * IPv6 packets with TCP, UDP or ICMP headers and a payload of a chosen size, and remembers what
 * it wrote so a test can compute the flow totals an exporter should report. Checksums are left 0:
 * flow exporters do not verify them.
 */
final class PcapWriter {

    /** One packet as an exporter sees it: its 5-tuple and its IP length (IP header included). */
    record Sent(long micros, InetAddress source, int sourcePort, InetAddress destination, int destinationPort,
            int protocol, int ipBytes) {
    }

    private record Frame(long micros, byte[] bytes) {
    }

    private final List<Frame> frames = new ArrayList<>();
    private final List<Sent> sent = new ArrayList<>();

    /** A TCP (6), UDP (17) or ICMP/ICMPv6 (1/58, ports ignored) packet with {@code payload} bytes after its header. */
    PcapWriter packet(long micros, String source, int sourcePort, String destination, int destinationPort,
            int protocol, int payload) throws IOException {
        InetAddress from = InetAddress.getByName(source);
        InetAddress to = InetAddress.getByName(destination);
        Bytes transport = new Bytes();
        switch (protocol) {
            case 6 -> transport.u16(sourcePort).u16(destinationPort).u32(1000).u32(2000).u8(5 << 4).u8(0x18)
                    .u16(65535).u16(0).u16(0);
            case 17 -> transport.u16(sourcePort).u16(destinationPort).u16(8 + payload).u16(0);
            case 1, 58 -> transport.u8(protocol == 1 ? 8 : 128).u8(0).u16(0).u16(1).u16(1);
            default -> throw new IllegalArgumentException("protocol " + protocol);
        }
        transport.raw(new byte[payload]);
        byte[] l4 = transport.toArray();
        Bytes frame = new Bytes().raw(2, 0, 0, 0, 0, 2).raw(2, 0, 0, 0, 0, 1);
        int ipBytes;
        if (from.getAddress().length == 4) {
            ipBytes = 20 + l4.length;
            frame.u16(0x0800).u8(0x45).u8(0).u16(ipBytes).u16(1).u16(0x4000).u8(64).u8(protocol).u16(0)
                    .raw(from.getAddress()).raw(to.getAddress());
        } else {
            ipBytes = 40 + l4.length;
            frame.u16(0x86DD).u32(6L << 28).u16(l4.length).u8(protocol).u8(64).raw(from.getAddress())
                    .raw(to.getAddress());
        }
        frame.raw(l4);
        frames.add(new Frame(micros, frame.toArray()));
        boolean ports = protocol == 6 || protocol == 17;
        sent.add(new Sent(micros, from, ports ? sourcePort : 0, to, ports ? destinationPort : 0, protocol, ipBytes));
        return this;
    }

    /**
     * The integration tests' capture: a TCP conversation both ways, DNS over UDP one way, NTP to an
     * outside address, ICMP echo requests and an IPv6 TCP conversation; about 4 s from {@code baseMicros}.
     */
    static PcapWriter sample(long baseMicros) throws IOException {
        var pcap = new PcapWriter();
        for (int i = 0; i < 12; i++) {
            pcap.packet(baseMicros + i * 100_000L, "10.0.0.1", 40000, "10.0.0.2", 80, 6, 100 + i);
            pcap.packet(baseMicros + i * 100_000L + 50_000, "10.0.0.2", 80, "10.0.0.1", 40000, 6, 1400);
        }
        for (int i = 0; i < 5; i++) {
            pcap.packet(baseMicros + 1_000_000 + i * 20_000L, "10.0.0.3", 5353, "10.0.0.53", 53, 17, 40 + i);
        }
        for (int i = 0; i < 3; i++) {
            pcap.packet(baseMicros + 2_000_000 + i * 1_000_000L, "10.0.0.5", 123, "192.0.2.10", 123, 17, 48);
            pcap.packet(baseMicros + 500_000 + i * 250_000L, "10.0.0.1", 0, "10.0.0.9", 0, 1, 56);
        }
        for (int i = 0; i < 4; i++) {
            pcap.packet(baseMicros + 3_000_000 + i * 10_000L, "fd00::11", 41000, "fd00::12", 443, 6, 200);
            pcap.packet(baseMicros + 3_005_000 + i * 10_000L, "fd00::12", 443, "fd00::11", 41000, 6, 1200 - i);
        }
        return pcap;
    }

    List<Sent> sent() {
        return List.copyOf(sent);
    }

    void write(Path file) throws IOException {
        Bytes out = new Bytes();
        // pcap global header, little-endian: magic, version 2.4, thiszone, sigfigs, snaplen, link type.
        out.raw(le32(0xA1B2C3D4L)).raw(le16(2)).raw(le16(4)).raw(le32(0)).raw(le32(0)).raw(le32(65535)).raw(le32(1));
        List<Frame> sorted = new ArrayList<>(frames);
        sorted.sort(Comparator.comparingLong(Frame::micros));
        for (Frame frame : sorted) {
            out.raw(le32(frame.micros() / 1_000_000)).raw(le32(frame.micros() % 1_000_000))
                    .raw(le32(frame.bytes().length)).raw(le32(frame.bytes().length)).raw(frame.bytes());
        }
        Files.write(file, out.toArray());
    }

    private static byte[] le32(long value) {
        return new byte[] {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)};
    }

    private static byte[] le16(int value) {
        return new byte[] {(byte) value, (byte) (value >>> 8)};
    }
}
