package dev.skylift.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.InputStreamReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code skylift collect} as a user runs it, on the packaged jar: records reach the gzip file
 * within about a second while it runs, and an interrupt (SIGINT, as Ctrl-C sends) prints the counts
 * and leaves a complete file.
 */
class CollectCommandIT {

    private static final Path JAR = Path.of("target", "skylift.jar");

    @Test
    void flushesWhileRunningAndPrintsCountsOnInterrupt(@TempDir Path dir) throws Exception {
        assertThat(JAR).as("the packaged jar (failsafe runs after package)").exists();
        int port;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Path out = dir.resolve("flows.csv.gz");
        List<String> command = new ArrayList<>(defaultSigint());
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "collect", "--listen", "127.0.0.1:" + port, "--out", out.toString()));
        Process process = new ProcessBuilder(command).start();
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        try (var stderr = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
                DatagramSocket sender = new DatagramSocket()) {
            assertThat(stderr.readLine()).contains("listening on UDP");
            byte[] datagram = CollectCommandTest.v5Datagram();
            sender.send(new DatagramPacket(datagram, datagram.length, new InetSocketAddress("127.0.0.1", port)));
            sender.send(new DatagramPacket(new byte[] {0, 42}, 2, new InetSocketAddress("127.0.0.1", port)));
            assertThat(stderr.readLine()).contains("decode error from 127.0.0.1:" + sender.getLocalPort())
                    .contains("version 42");

            // Within about a second the records are in the file, before any stop.
            List<String> lines = List.of();
            for (int i = 0; i < 100 && lines.size() < 3; i++) {
                Thread.sleep(50);
                lines = gunzipWhatIsThere(out);
            }
            assertThat(lines).hasSize(3).first().isEqualTo("start,end,src_ip,src_port,dst_ip,dst_port,protocol,bytes,packets");

            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            process.destroyForcibly();
        }
        String printed = stdout.get(10, TimeUnit.SECONDS);
        assertThat(printed).contains("stopped (interrupted)").contains("2 flow records written")
                .contains("packets 2 (v5 1, v9 0, ipfix 0)").contains("decode errors 1");
        try (var in = new GZIPInputStream(Files.newInputStream(out))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()).hasSize(3);
        }
    }

    /**
     * A build started in the background by a non-interactive shell ignores SIGINT, the collector's
     * JVM inherits that, and a JVM that starts with SIGINT ignored never handles it (a user's Ctrl-C
     * reaches a foreground process, whose SIGINT is not ignored). GNU env (coreutils 8.31 or later)
     * restores the default disposition; without it the collector starts as it is.
     */
    private static List<String> defaultSigint() throws InterruptedException {
        try {
            Process probe = new ProcessBuilder("env", "--default-signal=INT", "true").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor() == 0 ? List.of("env", "--default-signal=INT") : List.of();
        } catch (java.io.IOException noGnuEnv) {
            return List.of();
        }
    }

    private static List<String> gunzipWhatIsThere(Path file) throws java.io.IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            return List.of();
        }
        var bytes = new ByteArrayOutputStream();
        try (var in = new GZIPInputStream(Files.newInputStream(file))) {
            byte[] chunk = new byte[256];
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                bytes.write(chunk, 0, n);
            }
        } catch (EOFException noTrailerYet) {
            // still being written
        }
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
