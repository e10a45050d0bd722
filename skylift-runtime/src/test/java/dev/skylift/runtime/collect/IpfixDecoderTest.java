package dev.skylift.runtime.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class IpfixDecoderTest {

    private static final InetAddress EXPORTER = InetAddress.getLoopbackAddress();
    private static final long EXPORT_SECONDS = 1_764_064_800L;
    private static final long START = 1_764_064_700_123L;

    /**
     * Template 400: an IPv4 flow with an enterprise-specific field between the addresses, a
     * variable-length interfaceName, absolute millisecond times and a reduced-size packet count.
     */
    static byte[] enterpriseVariableTemplate() {
        return new Bytes().u16(400).u16(10)
                .u16(8).u16(4)
                .u16(0x8000 | 100).u16(4).u32(29305)
                .u16(12).u16(4)
                .u16(82).u16(0xFFFF)
                .u16(152).u16(8).u16(153).u16(8)
                .u16(1).u16(8).u16(2).u16(4)
                .u16(7).u16(2).u16(4).u16(1)
                .toArray();
    }

    /** Two records of template 400: a short and a long (three-byte length) variable field, then padding. */
    static byte[] enterpriseVariableRecords() {
        byte[] longName = "x".repeat(300).getBytes(StandardCharsets.US_ASCII);
        return new Bytes()
                .raw(192, 0, 2, 1).u32(0xDEADBEEFL).raw(198, 51, 100, 7).u8(3).raw("eth".getBytes(StandardCharsets.US_ASCII))
                .u64(START).u64(START + 2_000).u64(123_456_789_012L).u32(1000).u16(443).u8(6)
                .raw(198, 51, 100, 7).u32(0).raw(192, 0, 2, 1).u8(255).u16(300).raw(longName)
                .u64(START + 5).u64(START + 5).u64(64).u32(1).u16(9999).u8(17)
                .raw(0, 0)
                .toArray();
    }

    @Test
    void skipsEnterpriseAndVariableLengthFieldsAndReadsMillisecondTimes() throws Exception {
        byte[] packet = Packets.ipfix(EXPORT_SECONDS, 3, Packets.set(2, enterpriseVariableTemplate()),
                Packets.set(400, enterpriseVariableRecords()));

        List<FlowRecord> records = new FlowDecoder().decode(EXPORTER, packet, packet.length);

        InetAddress a = InetAddress.getByName("192.0.2.1");
        InetAddress b = InetAddress.getByName("198.51.100.7");
        // No destination port in the template: 0.
        assertThat(records).containsExactly(
                new FlowRecord(START, START + 2_000, a, 443, b, 0, 6, 123_456_789_012L, 1000),
                new FlowRecord(START + 5, START + 5, b, 9999, a, 0, 17, 64, 1));
    }

    @Test
    void enterpriseFieldWithAnIanaNumberIsNotTakenForTheIanaElement() throws Exception {
        // Enterprise 9 element 8 is not sourceIPv4Address; with only it, the record has no source.
        byte[] template = new Bytes().u16(500).u16(2).u16(0x8000 | 8).u16(4).u32(9).u16(12).u16(4).toArray();
        byte[] packet = Packets.ipfix(EXPORT_SECONDS, 0, Packets.set(2, template),
                Packets.set(500, new Bytes().raw(10, 0, 0, 1).raw(10, 0, 0, 2).toArray()));
        var decoder = new FlowDecoder();

        assertThat(decoder.decode(EXPORTER, packet, packet.length)).isEmpty();
        assertThat(decoder.counts().nonIpRecords()).isEqualTo(1);
    }

    @Test
    void secondsTimesTotalCountsAndTheExportTimeWhenTimesAreMissing() throws Exception {
        byte[] packet = Packets.ipfix(EXPORT_SECONDS, 0,
                Packets.set(2, Packets.concat(Packets.template(256, 8, 4, 12, 4, 150, 4, 151, 4, 85, 4, 86, 4),
                        Packets.template(257, 8, 4, 12, 4, 1, 2))),
                Packets.set(256, new Bytes().raw(10, 0, 0, 1).raw(10, 0, 0, 2).u32(EXPORT_SECONDS - 60)
                        .u32(EXPORT_SECONDS - 30).u32(7000).u32(7).toArray()),
                Packets.set(257, new Bytes().raw(10, 0, 0, 3).raw(10, 0, 0, 4).u16(80).toArray()));
        var decoder = new FlowDecoder();

        List<FlowRecord> records = decoder.decode(EXPORTER, packet, packet.length);

        assertThat(records.get(0).startMillis()).isEqualTo((EXPORT_SECONDS - 60) * 1000);
        assertThat(records.get(0).endMillis()).isEqualTo((EXPORT_SECONDS - 30) * 1000);
        assertThat(records.get(0).bytes()).isEqualTo(7000);
        assertThat(records.get(0).packets()).isEqualTo(7);
        assertThat(records.get(1).startMillis()).isEqualTo(EXPORT_SECONDS * 1000);
        assertThat(records.get(1).bytes()).isEqualTo(80);
        assertThat(decoder.counts().guessedTimes()).isEqualTo(1);
    }

    @Test
    void uptimeTimesUseSystemInitTimeFromTheRecordOrFromTheDomainsOptionsData() {
        long init = 1_764_000_000_000L;
        byte[] withInit = Packets.ipfix(EXPORT_SECONDS, 5,
                Packets.set(2, Packets.template(256, 8, 4, 12, 4, 160, 8, 22, 4, 21, 4)),
                Packets.set(256, new Bytes().raw(10, 0, 0, 1).raw(10, 0, 0, 2).u64(init).u32(1_000).u32(3_000).toArray()));
        // softflowd's way: systemInitTimeMilliseconds in an options record, scoped by meteringProcessId.
        byte[] options = Packets.set(3, new Bytes().u16(300).u16(2).u16(1).u16(143).u16(4).u16(160).u16(8).toArray());
        byte[] optionsData = Packets.set(300, new Bytes().u32(1).u64(init + 10_000).toArray());
        byte[] relative = Packets.ipfix(EXPORT_SECONDS, 6, options, optionsData,
                Packets.set(2, Packets.template(1024, 8, 4, 12, 4, 22, 4, 21, 4)),
                Packets.set(1024, new Bytes().raw(10, 0, 0, 1).raw(10, 0, 0, 2).u32(500).u32(700).toArray()));
        var decoder = new FlowDecoder();

        FlowRecord own = decoder.decode(EXPORTER, withInit, withInit.length).get(0);
        FlowRecord fromOptions = decoder.decode(EXPORTER, relative, relative.length).get(0);

        assertThat(own.startMillis()).isEqualTo(init + 1_000);
        assertThat(own.endMillis()).isEqualTo(init + 3_000);
        assertThat(fromOptions.startMillis()).isEqualTo(init + 10_500);
        assertThat(fromOptions.endMillis()).isEqualTo(init + 10_700);
        assertThat(decoder.counts().optionsRecords()).isEqualTo(1);
        assertThat(decoder.counts().guessedTimes()).isZero();
    }

    @Test
    void withdrawnTemplateNoLongerDecodesData() {
        byte[] template = Packets.set(2, Packets.template(256, 8, 4, 12, 4));
        byte[] data = Packets.set(256, new Bytes().raw(10, 0, 0, 1).raw(10, 0, 0, 2).toArray());
        byte[] withdrawal = Packets.set(2, new Bytes().u16(256).u16(0).toArray());
        var decoder = new FlowDecoder();

        byte[] first = Packets.ipfix(EXPORT_SECONDS, 0, template, data, withdrawal, data);
        assertThat(decoder.decode(EXPORTER, first, first.length)).hasSize(1);
        assertThat(decoder.counts().templateMisses()).isEqualTo(1);
    }

    @Test
    void messageLengthLongerThanTheDatagramIsADecodeError() {
        byte[] packet = Packets.ipfix(EXPORT_SECONDS, 0, Packets.set(2, Packets.template(256, 8, 4, 12, 4)));
        assertThatThrownBy(() -> new FlowDecoder().decode(EXPORTER, packet, packet.length - 1))
                .isInstanceOf(FlowDecodeException.class)
                .hasMessageContaining("IPFIX message length " + packet.length + " does not fit the datagram of "
                        + (packet.length - 1) + " bytes");
    }

    @Test
    void optionsTemplateWithoutScopeIsADecodeError() {
        byte[] packet = Packets.ipfix(EXPORT_SECONDS, 0,
                Packets.set(3, new Bytes().u16(300).u16(1).u16(0).u16(160).u16(8).toArray()));
        assertThatThrownBy(() -> new FlowDecoder().decode(EXPORTER, packet, packet.length))
                .isInstanceOf(FlowDecodeException.class).hasMessageContaining("scope field count 0; expected 1..1");
    }

    @Test
    void countAboveTwoToTheSixtyThreeIsADecodeError() {
        byte[] packet = Packets.ipfix(EXPORT_SECONDS, 0, Packets.set(2, Packets.template(256, 8, 4, 12, 4, 1, 8)),
                Packets.set(256, new Bytes().raw(10, 0, 0, 1).raw(10, 0, 0, 2).u64(-1L).toArray()));
        assertThatThrownBy(() -> new FlowDecoder().decode(EXPORTER, packet, packet.length))
                .isInstanceOf(FlowDecodeException.class)
                .hasMessageContaining("octetDeltaCount 18446744073709551615 exceeds 2^63-1");
    }
}
