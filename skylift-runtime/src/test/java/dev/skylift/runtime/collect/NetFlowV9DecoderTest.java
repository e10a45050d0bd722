package dev.skylift.runtime.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetFlowV9DecoderTest {

    private static final InetAddress EXPORTER = InetAddress.getLoopbackAddress();
    private static final long EXPORT_SECONDS = 1_764_064_800L;
    private static final long EXPORT = EXPORT_SECONDS * 1000;
    private static final int[] A = {10, 1, 2, 3};
    private static final int[] B = {10, 4, 5, 6};

    private static byte[] template() {
        return Packets.set(0, Packets.template(256, Packets.V4_FIELDS));
    }

    private static byte[] data() {
        return Packets.set(256, Packets.concat(Packets.v4Record(A, B, 40_000, 45_000, 1500, 10, 1234, 80, 6),
                Packets.v4Record(B, A, 41_000, 49_000, 90_000, 60, 80, 1234, 6), new byte[] {0, 0, 0}));
    }

    @Test
    void decodesDataByItsTemplateInTheSamePacketIgnoringPadding() throws Exception {
        byte[] packet = Packets.v9(50_000, EXPORT_SECONDS, 1, template(), data());

        List<FlowRecord> records = new FlowDecoder().decode(EXPORTER, packet, packet.length);

        InetAddress a = InetAddress.getByName("10.1.2.3");
        InetAddress b = InetAddress.getByName("10.4.5.6");
        assertThat(records).containsExactly(
                new FlowRecord(EXPORT - 10_000, EXPORT - 5_000, a, 1234, b, 80, 6, 1500, 10),
                new FlowRecord(EXPORT - 9_000, EXPORT - 1_000, b, 80, a, 1234, 6, 90_000, 60));
    }

    @Test
    void dataBeforeItsTemplateIsBufferedAndDecodedWhenTheTemplateArrives() {
        var decoder = new FlowDecoder();
        byte[] early = Packets.v9(50_000, EXPORT_SECONDS, 1, data());
        byte[] late = Packets.v9(51_000, EXPORT_SECONDS + 1, 1, template());

        assertThat(decoder.decode(EXPORTER, early, early.length)).isEmpty();
        List<FlowRecord> replayed = decoder.decode(EXPORTER, late, late.length);

        // Replayed with the early packet's clock, not the late one's.
        assertThat(replayed).hasSize(2);
        assertThat(replayed.get(0).startMillis()).isEqualTo(EXPORT - 10_000);
        assertThat(decoder.counts().templateMisses()).isEqualTo(1);
        assertThat(decoder.counts().replayedSets()).isEqualTo(1);
        assertThat(decoder.counts().droppedSets()).isZero();
    }

    @Test
    void theBufferOfEarlySetsIsBoundedAndWhatFallsOutIsCountedAsDropped() {
        var decoder = new FlowDecoder(2);
        for (int i = 0; i < 3; i++) {
            byte[] early = Packets.v9(50_000, EXPORT_SECONDS, 1, data());
            decoder.decode(EXPORTER, early, early.length);
        }
        byte[] late = Packets.v9(50_000, EXPORT_SECONDS, 1, template());

        assertThat(decoder.decode(EXPORTER, late, late.length)).hasSize(4);
        assertThat(decoder.counts().templateMisses()).isEqualTo(3);
        assertThat(decoder.counts().replayedSets()).isEqualTo(2);
        assertThat(decoder.counts().droppedSets()).isEqualTo(1);

        byte[] orphan = Packets.v9(50_000, EXPORT_SECONDS, 2, data());
        decoder.decode(EXPORTER, orphan, orphan.length);
        decoder.finish();
        assertThat(decoder.counts().droppedSets()).isEqualTo(2);
    }

    @Test
    void templatesAreKeptPerSourceIdAndPerExporter() throws Exception {
        var decoder = new FlowDecoder();
        byte[] first = Packets.v9(50_000, EXPORT_SECONDS, 1, template());
        decoder.decode(EXPORTER, first, first.length);

        byte[] otherSource = Packets.v9(50_000, EXPORT_SECONDS, 2, data());
        byte[] otherExporter = Packets.v9(50_000, EXPORT_SECONDS, 1, data());
        assertThat(decoder.decode(EXPORTER, otherSource, otherSource.length)).isEmpty();
        assertThat(decoder.decode(InetAddress.getByName("192.0.2.9"), otherExporter, otherExporter.length)).isEmpty();
        byte[] same = Packets.v9(50_000, EXPORT_SECONDS, 1, data());
        assertThat(decoder.decode(EXPORTER, same, same.length)).hasSize(2);
        assertThat(decoder.counts().templateMisses()).isEqualTo(2);
    }

    @Test
    void optionsTemplateAndItsDataAreSkippedWithoutRecords() {
        byte[] options = Packets.set(1, new Bytes().u16(300).u16(4).u16(8).u16(2).u16(4).u16(34).u16(4)
                .u16(35).u16(1).u16(0).toArray());
        byte[] optionsData = Packets.set(300, new Bytes().u32(1).u32(100).u8(2).u32(7).u32(200).u8(1).toArray());
        byte[] packet = Packets.v9(50_000, EXPORT_SECONDS, 1, options, optionsData, template(), data());
        var decoder = new FlowDecoder();

        assertThat(decoder.decode(EXPORTER, packet, packet.length)).hasSize(2);
        assertThat(decoder.counts().optionsRecords()).isEqualTo(2);
        assertThat(decoder.counts().templateMisses()).isZero();
    }

    @Test
    void decodesIpv6FlowsWithEightByteCounters() throws Exception {
        byte[] source = InetAddress.getByName("2001:db8::1").getAddress();
        byte[] destination = InetAddress.getByName("fd00::1:0:0:11").getAddress();
        byte[] packet = Packets.v9(50_000, EXPORT_SECONDS, 1,
                Packets.set(0, Packets.template(257, 27, 16, 28, 16, 1, 8, 2, 8, 4, 1, 7, 2, 11, 2, 22, 4, 21, 4)),
                Packets.set(257, new Bytes().raw(source).raw(destination).u64(5_000_000_000L).u64(4_000_000)
                        .u8(17).u16(53).u16(33000).u32(49_000).u32(50_000).toArray()));

        FlowRecord record = new FlowDecoder().decode(EXPORTER, packet, packet.length).get(0);

        assertThat(record).isEqualTo(new FlowRecord(EXPORT - 1000, EXPORT, InetAddress.getByName("2001:db8::1"), 53,
                InetAddress.getByName("fd00::1:0:0:11"), 33000, 17, 5_000_000_000L, 4_000_000));
        assertThat(FlowCsvWriter.line(record)).contains(",2001:db8::1,53,fd00::1:0:0:11,33000,17,");
    }

    @Test
    void flowsetLengthShorterThanItsHeaderIsADecodeError() {
        byte[] packet = Packets.v9(50_000, EXPORT_SECONDS, 1, new Bytes().u16(256).u16(2).toArray());
        assertThatThrownBy(() -> new FlowDecoder().decode(EXPORTER, packet, packet.length))
                .isInstanceOf(FlowDecodeException.class)
                .hasMessageContaining("flowset 256 at offset 20 has length 2");
    }

    @Test
    void templateWithAnImpossibleAddressLengthIsRejectedWhenLearned() {
        byte[] packet = Packets.v9(50_000, EXPORT_SECONDS, 1, Packets.set(0, Packets.template(256, 8, 3, 12, 4)));
        assertThatThrownBy(() -> new FlowDecoder().decode(EXPORTER, packet, packet.length))
                .isInstanceOf(FlowDecodeException.class)
                .hasMessageContaining("information element 8 (sourceIPv4Address) the length 3; expected 4 bytes");
    }

    @Test
    void templateOfZeroLengthRecordsIsRejectedSoNoLoopCanSpinOnIt() {
        byte[] packet = Packets.v9(50_000, EXPORT_SECONDS, 1, Packets.set(0, Packets.template(256, 99, 0)),
                Packets.set(256, new byte[8]));
        assertThatThrownBy(() -> new FlowDecoder().decode(EXPORTER, packet, packet.length))
                .isInstanceOf(FlowDecodeException.class).hasMessageContaining("records of 0 bytes");
    }
}
