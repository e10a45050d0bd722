package dev.skylift.runtime.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FlowCollectorTest {

    private static byte[] v5Packet() {
        return Packets.v5(10_000, 1_764_064_800L, 0,
                new Packets.V5Record(new int[] {10, 0, 0, 1}, new int[] {10, 0, 0, 2}, 3, 300, 9_000, 9_500, 1000, 22, 6),
                new Packets.V5Record(new int[] {10, 0, 0, 2}, new int[] {10, 0, 0, 1}, 2, 200, 9_000, 9_500, 22, 1000, 6));
    }

    @Test
    void receivesOverIpv4CountsAndLogsABadPacketAndStopsAtTheRecordLimit() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        var text = new StringWriter();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (FlowCollector collector = FlowCollector.bind(new InetSocketAddress("127.0.0.1", 0), log::add);
                FlowCsvWriter writer = FlowCsvWriter.to(text);
                DatagramSocket sender = new DatagramSocket()) {
            InetSocketAddress target = collector.localAddress();
            // Sent before run() starts: the socket is bound, the kernel keeps them.
            send(sender, target, new byte[] {0, 9, 1});
            send(sender, target, v5Packet());
            send(sender, target, v5Packet());
            Future<FlowCollector.Result> run = executor.submit(() -> collector.run(writer, Duration.ofMinutes(1), 3));

            FlowCollector.Result result = run.get(1, TimeUnit.MINUTES);

            assertThat(result.reason()).isEqualTo(FlowCollector.Stop.MAX_RECORDS);
            assertThat(result.counts().packets()).isEqualTo(3);
            assertThat(result.counts().decodeErrors()).isEqualTo(1);
            assertThat(result.counts().v5Records()).isEqualTo(4);
            assertThat(text.toString().lines()).hasSize(4).first().isEqualTo(FlowCsvWriter.HEADER);
            assertThat(log).singleElement().asString().startsWith("decode error from 127.0.0.1:"
                    + sender.getLocalPort() + " (3 bytes): ");
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void receivesOverIpv6AndStopsWhenAskedTo() throws Exception {
        var text = new StringWriter();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (FlowCollector collector = FlowCollector.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0), m -> { });
                FlowCsvWriter writer = FlowCsvWriter.to(text);
                DatagramSocket sender = new DatagramSocket()) {
            send(sender, collector.localAddress(), v5Packet());
            Future<FlowCollector.Result> run = executor.submit(() -> collector.run(writer, null, 0));
            while (collector.recordsWritten() == 0 && !run.isDone()) {
                Thread.onSpinWait();
            }
            collector.stop();

            FlowCollector.Result result = run.get(1, TimeUnit.MINUTES);

            assertThat(result.reason()).isEqualTo(FlowCollector.Stop.STOPPED);
            assertThat(text.toString().lines()).hasSize(3);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void endsWhenTheDurationHasPassed() throws Exception {
        try (FlowCollector collector = FlowCollector.bind(new InetSocketAddress("127.0.0.1", 0), m -> { });
                FlowCsvWriter writer = FlowCsvWriter.to(new StringWriter())) {
            FlowCollector.Result result = collector.run(writer, Duration.ofMillis(50), 0);
            assertThat(result.reason()).isEqualTo(FlowCollector.Stop.DURATION);
            assertThat(result.counts().packets()).isZero();
        }
    }

    private static void send(DatagramSocket sender, InetSocketAddress target, byte[] data) throws IOException {
        sender.send(new DatagramPacket(data, data.length, target));
    }
}
