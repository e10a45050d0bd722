package dev.skylift.runtime.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The collector against a real exporter: Debian's softflowd reads a pcap this test writes
 * ({@code softflowd -d -r NAME.pcap -n 127.0.0.1:PORT -v 5|9|10 -a}) and exports every flow at the
 * end of the file. The flows, bytes and packets the collector writes must be exactly those of the
 * pcap: softflowd counts IP bytes (IP header and payload, no Ethernet header), for IPv6 too.
 * NetFlow v5 carries IPv4 only. {@code -a} makes softflowd use the capture's clock (without it the
 * times mix the capture's and the machine's); v9's header has whole seconds only, so its times may
 * be up to a second early. softflowd gives both directions of a conversation the conversation's
 * first and last packet times. Skipped when softflowd is not installed ({@code .ci/run} installs it).
 */
class SoftflowdIT {

    private static final long BASE_MICROS = 1_768_471_200_000_000L; // 2026-01-15T10:00:00Z

    @TempDir
    static Path dir;
    private static List<PcapWriter.Sent> sent;
    private static ExecutorService executor;

    @BeforeAll
    static void writePcap() throws IOException {
        assumeTrue(onPath("softflowd"), "softflowd is not installed (apt-get install softflowd)");
        var pcap = PcapWriter.sample(BASE_MICROS);
        pcap.write(dir.resolve("t.pcap"));
        sent = pcap.sent();
        executor = Executors.newCachedThreadPool();
    }

    @AfterAll
    static void stopExecutor() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @ParameterizedTest(name = "softflowd -v {0}")
    @ValueSource(ints = {5, 9, 10})
    void collectorWritesExactlyTheFlowsBytesAndPacketsOfThePcap(int version) throws Exception {
        List<PcapWriter.Sent> expectedPackets = sent.stream()
                .filter(p -> version != 5 || p.source().getAddress().length == 4).toList();
        Map<String, long[]> expected = totals(expectedPackets);
        List<String> log = new CopyOnWriteArrayList<>();
        var csv = new StringWriter();
        try (FlowCollector collector = FlowCollector.bind(new InetSocketAddress("127.0.0.1", 0), log::add);
                FlowCsvWriter writer = FlowCsvWriter.to(csv)) {
            Future<FlowCollector.Result> run = executor.submit(() -> collector.run(writer, Duration.ofMinutes(2), 0));
            String output = softflowd(collector.localAddress().getPort(), version);
            long waited = System.nanoTime();
            while (collector.recordsWritten() < expected.size() && System.nanoTime() - waited < 20_000_000_000L) {
                Thread.sleep(20);
            }
            Thread.sleep(300); // anything beyond the expected records would arrive now
            collector.stop();
            FlowCollector.Result result = run.get(1, TimeUnit.MINUTES);

            List<String> lines = csv.toString().lines().toList();
            assertThat(lines.get(0)).isEqualTo(FlowCsvWriter.HEADER);
            Map<String, long[]> actual = new TreeMap<>();
            List<String[]> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                rows.add(f);
                boolean ports = f[6].equals("6") || f[6].equals("17");
                String key = f[2] + " " + (ports ? f[3] : "0") + " " + f[4] + " " + (ports ? f[5] : "0") + " " + f[6];
                long[] sum = actual.computeIfAbsent(key, k -> new long[4]);
                sum[0] += Long.parseLong(f[7]);
                sum[1] += Long.parseLong(f[8]);
                sum[2] = millis(f[0]);
                sum[3] = millis(f[1]);
            }
            assertThat(result.counts().decodeErrors()).as("decode errors: %s", log).isZero();
            assertThat(rows).as("one record per direction of each flow; softflowd said:%n%s", output)
                    .hasSize(expected.size());
            assertThat(actual.keySet()).isEqualTo(expected.keySet());
            for (var flow : expected.entrySet()) {
                long[] want = flow.getValue();
                long[] got = actual.get(flow.getKey());
                assertThat(got[0]).as("bytes of %s", flow.getKey()).isEqualTo(want[0]);
                assertThat(got[1]).as("packets of %s", flow.getKey()).isEqualTo(want[1]);
                if (version == 9) {
                    assertThat(got[2]).as("start of %s", flow.getKey()).isBetween(want[2] - 1000, want[2]);
                    assertThat(got[3] - got[2]).as("duration of %s", flow.getKey()).isEqualTo(want[3] - want[2]);
                } else {
                    assertThat(got[2]).as("start of %s", flow.getKey()).isEqualTo(want[2]);
                    assertThat(got[3]).as("end of %s", flow.getKey()).isEqualTo(want[3]);
                }
            }
            long bytes = expectedPackets.stream().mapToLong(PcapWriter.Sent::ipBytes).sum();
            assertThat(rows.stream().mapToLong(f -> Long.parseLong(f[7])).sum()).isEqualTo(bytes);
            assertThat(rows.stream().mapToLong(f -> Long.parseLong(f[8])).sum()).isEqualTo(expectedPackets.size());
            System.out.printf("softflowd -v %d: %d flow records, %d bytes, %d packets; %s%n", version, rows.size(),
                    bytes, expectedPackets.size(), result.counts().summary().replace('\n', ';'));
        }
    }

    /**
     * Per directional flow (ports 0 for ICMP): bytes, packets, first and last packet time in ms.
     * softflowd keeps one flow per conversation, both directions together, and gives both of its
     * records the conversation's first and last packet times: so do the expected times here.
     */
    private static Map<String, long[]> totals(List<PcapWriter.Sent> packets) {
        Map<String, long[]> totals = new TreeMap<>();
        Map<String, long[]> conversations = new TreeMap<>();
        for (PcapWriter.Sent p : packets) {
            String from = IpText.format(p.source()) + " " + p.sourcePort();
            String to = IpText.format(p.destination()) + " " + p.destinationPort();
            long[] sum = totals.computeIfAbsent(from + " " + to + " " + p.protocol(), k -> new long[4]);
            sum[0] += p.ipBytes();
            sum[1]++;
            String conversation = (from.compareTo(to) < 0 ? from + " " + to : to + " " + from) + " " + p.protocol();
            long[] times = conversations.computeIfAbsent(conversation, k -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE});
            times[0] = Math.min(times[0], p.micros() / 1000);
            times[1] = Math.max(times[1], p.micros() / 1000);
        }
        for (var flow : totals.entrySet()) {
            String[] key = flow.getKey().split(" ");
            String from = key[0] + " " + key[1];
            String to = key[2] + " " + key[3];
            long[] times = conversations.get((from.compareTo(to) < 0 ? from + " " + to : to + " " + from) + " " + key[4]);
            flow.getValue()[2] = times[0];
            flow.getValue()[3] = times[1];
        }
        return totals;
    }

    private static long millis(String iso) {
        return java.time.Instant.parse(iso).toEpochMilli();
    }

    /** Runs softflowd from the pcap's folder (it truncates the -r path to 15 characters) until it exits. */
    private static String softflowd(int port, int version) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("softflowd", "-d", "-r", "t.pcap", "-n", "127.0.0.1:" + port,
                "-v", Integer.toString(version), "-a", "-c", "none", "-p", "softflowd.pid")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        Future<byte[]> output = executor.submit(() -> process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("softflowd did not exit within 60 s at the end of the pcap");
        }
        try {
            String text = new String(output.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(text).isZero();
            return text;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("cannot read softflowd's output", e);
        }
    }

    static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String folder : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(folder, command))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/usr/sbin", command));
    }
}
