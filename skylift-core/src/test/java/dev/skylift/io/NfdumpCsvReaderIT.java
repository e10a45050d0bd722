package dev.skylift.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.skylift.inventory.Inventory;
import dev.skylift.inventory.Vm;
import dev.skylift.traffic.FlowAggregator;
import dev.skylift.traffic.PairTraffic;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nfdump reader on real nfdump output: a generated pcap of one TCP conversation is exported by
 * softflowd (NetFlow v9) into nfcapd, dumped with {@code nfdump -o csv}, and read; byte and packet
 * totals must be the pcap's. Needs Debian's softflowd and nfdump; skipped without them.
 */
class NfdumpCsvReaderIT {

    @TempDir
    Path dir;

    @Test
    void totalsOfRealNfdumpOutputAreThePcapTotals() throws Exception {
        assumeTrue(onPath("softflowd") && onPath("nfcapd") && onPath("nfdump"), "softflowd and nfdump are not installed");
        long[] sent = writePcap(dir.resolve("x.pcap"));
        Path capture = Files.createDirectories(dir.resolve("capture"));
        int port;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Process collector = new ProcessBuilder("nfcapd", "-b", "127.0.0.1", "-p", Integer.toString(port), "-w",
                capture.toString(), "-t", "60").redirectErrorStream(true).redirectOutput(dir.resolve("nfcapd.log").toFile())
                .start();
        try {
            Thread.sleep(1000); // nfcapd binds its socket
            Process exporter = new ProcessBuilder("softflowd", "-d", "-r", "x.pcap", "-n", "127.0.0.1:" + port, "-v", "9")
                    .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("softflowd.log").toFile())
                    .start();
            assertThat(exporter.waitFor(60, TimeUnit.SECONDS)).as("softflowd finishes").isTrue();
            Thread.sleep(1000); // the last datagrams reach nfcapd
        } finally {
            collector.destroy(); // SIGTERM: nfcapd writes its file and exits
            collector.waitFor(30, TimeUnit.SECONDS);
        }
        Path csv = dir.resolve("flows.csv");
        Process dump = new ProcessBuilder("nfdump", "-R", capture.toString(), "-o", "csv").redirectOutput(csv.toFile())
                .redirectError(dir.resolve("nfdump.log").toFile()).start();
        assertThat(dump.waitFor(60, TimeUnit.SECONDS)).isTrue();

        Inventory inventory = new Inventory(List.of(vm("web-1", "10.0.1.11"), vm("app-1", "10.0.1.21")), List.of());
        FlowAggregator aggregator = new FlowAggregator(inventory, false, false);
        FlowReaders.read(csv, FlowReaders.detect(csv), aggregator);

        PairTraffic pairs = aggregator.pairs();
        assertThat(pairs.size()).as(Files.readString(csv)).isEqualTo(1);
        assertThat(pairs.bytes(0)).isEqualTo(sent[0]);
        assertThat(pairs.packets(0)).isEqualTo(sent[1]);
        assertThat(aggregator.summary().badLines()).isZero();
    }

    private static Vm vm(String name, String ip) {
        return new Vm(name, List.of(ip), "n", 1, 1, OptionalDouble.empty(), List.of(), Optional.empty(), Map.of());
    }

    /** One TCP conversation: 5 requests of 100 bytes, 5 answers of 300, then a FIN each way. Returns {IP bytes, packets}. */
    private static long[] writePcap(Path file) throws IOException {
        ByteBuffer out = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        long bytes = 0;
        long packets = 0;
        int t = 1_764_064_800;
        for (int i = 0; i <= 5; i++) {
            boolean fin = i == 5;
            bytes += packet(out, new int[] {10, 0, 1, 11}, new int[] {10, 0, 1, 21}, 40000, 8080, fin ? 0 : 100, t + i, fin);
            bytes += packet(out, new int[] {10, 0, 1, 21}, new int[] {10, 0, 1, 11}, 8080, 40000, fin ? 0 : 300, t + i, fin);
            packets += 2;
        }
        try (OutputStream stream = Files.newOutputStream(file)) {
            stream.write(out.array(), 0, out.position());
        }
        return new long[] {bytes, packets};
    }

    private static int packet(ByteBuffer out, int[] src, int[] dst, int sport, int dport, int payload, int seconds, boolean fin) {
        int ipLength = 20 + 20 + payload;
        int frame = 14 + ipLength;
        out.putInt(seconds).putInt(0).putInt(frame).putInt(frame);
        ByteBuffer p = ByteBuffer.allocate(frame); // network order
        p.put(new byte[] {0, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, (byte) 0x88, (byte) 0x99, (byte) 0xaa, (byte) 0xbb, 8, 0});
        int ipStart = p.position();
        p.put((byte) 0x45).put((byte) 0).putShort((short) ipLength).putShort((short) 1).putShort((short) 0)
                .put((byte) 64).put((byte) 6).putShort((short) 0);
        for (int b : src) {
            p.put((byte) b);
        }
        for (int b : dst) {
            p.put((byte) b);
        }
        int sum = 0;
        for (int i = ipStart; i < ipStart + 20; i += 2) {
            sum += ((p.get(i) & 0xff) << 8) | (p.get(i + 1) & 0xff);
        }
        sum = (sum >> 16) + (sum & 0xffff);
        sum += sum >> 16;
        p.putShort(ipStart + 10, (short) ~sum);
        p.putShort((short) sport).putShort((short) dport).putInt(1).putInt(1).put((byte) 0x50)
                .put((byte) (fin ? 0x11 : 0x18)).putShort((short) 65535).putShort((short) 0).putShort((short) 0);
        p.put(new byte[payload]);
        out.put(p.array());
        return ipLength;
    }

    private static boolean onPath(String program) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, program))) {
                return true;
            }
        }
        return false;
    }
}
