package dev.skylift.runtime.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second opinion from another collector: the same softflowd export (NetFlow v9 and IPFIX) of
 * the same pcap, received once by nfdump's {@code nfcapd} and once by ours; {@code nfdump -o csv}
 * and our CSV must agree flow by flow on bytes and packets. Skipped without softflowd and nfdump.
 */
class NfdumpCrossCheckIT {

    private static final long BASE_MICROS = 1_768_471_200_000_000L;

    @TempDir
    Path dir;

    @Test
    void nfdumpAndSkyliftAgreeOnEveryFlowOfTheSameExport() throws Exception {
        assumeTrue(SoftflowdIT.onPath("softflowd") && SoftflowdIT.onPath("nfcapd") && SoftflowdIT.onPath("nfdump"),
                "softflowd and nfdump are not installed (apt-get install softflowd nfdump)");
        PcapWriter.sample(BASE_MICROS).write(dir.resolve("t.pcap"));
        for (int version : new int[] {9, 10}) {
            Map<String, Long> nfdump = viaNfcapd(version);
            Map<String, Long> ours = viaSkylift(version);
            assertThat(ours).as("v%d: flow -> bytes/packets, ours vs nfdump", version).isEqualTo(nfdump);
            assertThat(ours).isNotEmpty();
        }
    }

    private Map<String, Long> viaNfcapd(int version) throws Exception {
        Path store = Files.createDirectory(dir.resolve("nfcapd-v" + version));
        int port = freePort();
        Process nfcapd = new ProcessBuilder("nfcapd", "-b", "127.0.0.1", "-p", Integer.toString(port), "-w",
                store.toString(), "-t", "60").redirectErrorStream(true).redirectOutput(dir.resolve("nfcapd.log").toFile())
                .start();
        try {
            Thread.sleep(500); // nfcapd binds its socket at start; it has no ready signal
            softflowd(port, version);
            Thread.sleep(500);
        } finally {
            nfcapd.destroy(); // SIGTERM: nfcapd writes its file and exits
            assertThat(nfcapd.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        Process nfdump = new ProcessBuilder("nfdump", "-R", store.toString(), "-o", "csv").start();
        String csv = new String(nfdump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(nfdump.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Map<String, Long> flows = new TreeMap<>();
        for (String line : csv.lines().toList()) {
            String[] f = line.split(",");
            if (f.length < 13 || !f[0].matches("\\d{4}-.*")) {
                continue; // header, summary
            }
            String protocol = switch (f[7].trim()) {
                case "TCP" -> "6";
                case "UDP" -> "17";
                case "ICMP" -> "1";
                case "ICMP6" -> "58";
                default -> f[7].trim();
            };
            add(flows, f[3], f[5], f[4], f[6], protocol, Long.parseLong(f[12]), Long.parseLong(f[11]));
        }
        return flows;
    }

    private Map<String, Long> viaSkylift(int version) throws Exception {
        var csv = new StringWriter();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (FlowCollector collector = FlowCollector.bind(new InetSocketAddress("127.0.0.1", 0), m -> { });
                FlowCsvWriter writer = FlowCsvWriter.to(csv)) {
            Future<FlowCollector.Result> run = executor.submit(() -> collector.run(writer, Duration.ofMinutes(1), 0));
            softflowd(collector.localAddress().getPort(), version);
            Thread.sleep(500);
            collector.stop();
            run.get(1, TimeUnit.MINUTES);
        } finally {
            executor.shutdownNow();
        }
        Map<String, Long> flows = new TreeMap<>();
        for (String line : csv.toString().lines().skip(1).toList()) {
            String[] f = line.split(",");
            add(flows, f[2], f[3], f[4], f[5], f[6], Long.parseLong(f[7]), Long.parseLong(f[8]));
        }
        return flows;
    }

    /** Flow key (ports only for TCP/UDP: nfdump writes ICMP type/code as a port) to bytes * 1e6 + packets. */
    private static void add(Map<String, Long> flows, String source, String sourcePort, String destination,
            String destinationPort, String protocol, long bytes, long packets) throws IOException {
        boolean ports = protocol.equals("6") || protocol.equals("17");
        String key = IpText.format(InetAddress.getByName(source.trim())) + " " + (ports ? sourcePort.trim() : "-") + " "
                + IpText.format(InetAddress.getByName(destination.trim())) + " " + (ports ? destinationPort.trim() : "-")
                + " " + protocol;
        flows.merge(key, bytes * 1_000_000 + packets, Long::sum);
    }

    private void softflowd(int port, int version) throws Exception {
        Process process = new ProcessBuilder("softflowd", "-d", "-r", "t.pcap", "-n", "127.0.0.1:" + port,
                "-v", Integer.toString(version), "-a", "-c", "none", "-p", "softflowd.pid")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("softflowd.log").toFile())
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("softflowd exits at the end of the pcap").isTrue();
        assertThat(process.exitValue()).isZero();
    }

    private static int freePort() throws IOException {
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
