package dev.skylift.runtime.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetFlowV5DecoderTest {

    private static final InetAddress EXPORTER = InetAddress.getLoopbackAddress();
    private static final long EXPORT_SECONDS = 1_764_064_800L; // 2025-11-25T10:00:00Z

    @Test
    void decodesEveryFieldAndTurnsUptimesIntoInstantsWithTheHeaderClock() throws Exception {
        byte[] packet = Packets.v5(100_000, EXPORT_SECONDS, 250_000_000,
                new Packets.V5Record(new int[] {10, 0, 0, 1}, new int[] {192, 168, 7, 200}, 12, 3456, 40_000, 99_000,
                        51000, 443, 6),
                new Packets.V5Record(new int[] {192, 168, 7, 200}, new int[] {10, 0, 0, 1}, 3, 0xFFFF_FFFFL, 99_999,
                        100_000, 443, 51000, 17));
        var decoder = new FlowDecoder();

        List<FlowRecord> records = decoder.decode(EXPORTER, packet, packet.length);

        long export = EXPORT_SECONDS * 1000 + 250;
        assertThat(records).containsExactly(
                new FlowRecord(export - 60_000, export - 1_000, InetAddress.getByName("10.0.0.1"), 51000,
                        InetAddress.getByName("192.168.7.200"), 443, 6, 3456, 12),
                new FlowRecord(export - 1, export, InetAddress.getByName("192.168.7.200"), 443,
                        InetAddress.getByName("10.0.0.1"), 51000, 17, 0xFFFF_FFFFL, 3));
        assertThat(decoder.counts().v5Packets()).isEqualTo(1);
        assertThat(decoder.counts().v5Records()).isEqualTo(2);
    }

    @Test
    void uptimeThatWrappedSinceTheFlowStartedStillGivesTheRightInstant() throws Exception {
        // The uptime counter wrapped: the flow started 2 s before the wrap, export 3 s after it.
        byte[] packet = Packets.v5(3_000, EXPORT_SECONDS, 0, new Packets.V5Record(new int[] {10, 0, 0, 1},
                new int[] {10, 0, 0, 2}, 1, 40, 0xFFFF_FFFFL - 1_999, 1_000, 1, 2, 6));

        FlowRecord record = new FlowDecoder().decode(EXPORTER, packet, packet.length).get(0);

        assertThat(record.startMillis()).isEqualTo(EXPORT_SECONDS * 1000 - 5_000);
        assertThat(record.endMillis()).isEqualTo(EXPORT_SECONDS * 1000 - 2_000);
    }

    @Test
    void countLargerThanTheDatagramIsADecodeErrorNamingBoth() {
        byte[] packet = Packets.v5(1, EXPORT_SECONDS, 0, new Packets.V5Record(new int[] {10, 0, 0, 1},
                new int[] {10, 0, 0, 2}, 1, 40, 0, 0, 1, 2, 6));
        Bytes.patch16(packet, 2, 2);
        var decoder = new FlowDecoder();

        assertThatThrownBy(() -> decoder.decode(EXPORTER, packet, packet.length))
                .isInstanceOf(FlowDecodeException.class)
                .hasMessageContaining("says 2 records (120 bytes)").hasMessageContaining("has 72 bytes");
        assertThat(decoder.counts().decodeErrors()).isEqualTo(1);
        assertThat(decoder.counts().records()).isZero();
    }

    @Test
    void unknownVersionIsADecodeErrorWithAHint() {
        byte[] packet = {0, 7, 1, 2, 3};
        assertThatThrownBy(() -> new FlowDecoder().decode(EXPORTER, packet, packet.length))
                .isInstanceOf(FlowDecodeException.class).hasMessageContaining("version 7")
                .hasMessageContaining("something else sending");
    }
}
