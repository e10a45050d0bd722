package dev.skylift.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectCommandTest {

    /** A NetFlow v5 datagram with two records, built from Cisco's layout (24-byte header, 48-byte records). */
    static byte[] v5Datagram() {
        ByteBuffer b = ByteBuffer.allocate(24 + 2 * 48);
        b.putShort((short) 5).putShort((short) 2).putInt(60_000).putInt(1_764_064_800).putInt(0).putInt(1).putInt(0);
        for (int i = 0; i < 2; i++) {
            b.put(new byte[] {10, 0, 0, (byte) (1 + i)}).put(new byte[] {10, 0, 0, (byte) (2 - i)}).putInt(0)
                    .putShort((short) 0).putShort((short) 0).putInt(7 + i).putInt(700 + i).putInt(50_000).putInt(59_000)
                    .putShort((short) (i == 0 ? 40_000 : 22)).putShort((short) (i == 0 ? 22 : 40_000))
                    .put((byte) 0).put((byte) 0x18).put((byte) 6).put((byte) 0).putShort((short) 0).putShort((short) 0)
                    .put((byte) 0).put((byte) 0).putShort((short) 0);
        }
        return b.array();
    }

    @Test
    void collectWritesTheCsvAndPrintsTheCountsWhenTheRecordLimitIsReached(@TempDir Path dir) throws Exception {
        int port;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Path out = dir.resolve("flows.csv");
        CompletableFuture<CommandRunner.Result> run = CompletableFuture.supplyAsync(() -> CommandRunner.run(
                "collect", "--listen", "127.0.0.1:" + port, "--out", out.toString(), "--max-records", "2",
                "--duration", "60"));
        try (DatagramSocket sender = new DatagramSocket()) {
            byte[] datagram = v5Datagram();
            // UDP to a port nobody listens on yet is lost: send until the collector has what it needs.
            while (!run.isDone()) {
                sender.send(new DatagramPacket(datagram, datagram.length, new InetSocketAddress("127.0.0.1", port)));
                Thread.sleep(50);
            }
        }
        CommandRunner.Result result = run.get(1, TimeUnit.MINUTES);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("listening on UDP");
        assertThat(result.out()).contains("stopped (max records reached)").contains("2 flow records written to " + out)
                .contains("decode errors 0");
        assertThat(Files.readAllLines(out)).containsExactly(
                "start,end,src_ip,src_port,dst_ip,dst_port,protocol,bytes,packets",
                "2025-11-25T09:59:50.000Z,2025-11-25T09:59:59.000Z,10.0.0.1,40000,10.0.0.2,22,6,700,7",
                "2025-11-25T09:59:50.000Z,2025-11-25T09:59:59.000Z,10.0.0.2,22,10.0.0.1,40000,6,701,8");
    }

    @Test
    void listenAddressesParseForIpv4AndBracketedIpv6() {
        assertThat(CollectCommand.parseListen("127.0.0.1:2055")).isEqualTo(new InetSocketAddress("127.0.0.1", 2055));
        assertThat(CollectCommand.parseListen("[::1]:9995").getAddress().getHostAddress()).isEqualTo("0:0:0:0:0:0:0:1");
        assertThat(CollectCommand.parseListen("[::1]:9995").getPort()).isEqualTo(9995);
        assertThatThrownBy(() -> CollectCommand.parseListen("::1:2055")).hasMessageContaining("brackets required");
        assertThatThrownBy(() -> CollectCommand.parseListen("127.0.0.1:70000")).hasMessageContaining("expected 0..65535");
    }

    @Test
    void badListenAddressIsAUsageError(@TempDir Path dir) throws IOException {
        CommandRunner.Result result = CommandRunner.run("collect", "--listen", "2055", "--out",
                dir.resolve("x.csv").toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--listen '2055' is not HOST:PORT");
    }
}
