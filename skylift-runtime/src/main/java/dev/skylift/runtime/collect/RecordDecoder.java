package dev.skylift.runtime.collect;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Reads one data record of a template (NetFlow v9, RFC 3954 §5.3; IPFIX, RFC 7011 §3.4.3) into a
 * {@link FlowRecord}: the fields the collector needs are interpreted, every other field (and every
 * enterprise-specific one, RFC 7011 §3.2) is skipped by its length. Variable-length fields use the
 * one- or three-byte length prefix of RFC 7011 §7.
 *
 * <p>Times, per end of the flow, in this order of preference: absolute milliseconds (152/153),
 * seconds (150/151), micro/nanoseconds in NTP format (154–157), then system-uptime-relative (21/22)
 * against the record's own systemInitTimeMilliseconds (160), the header's uptime (NetFlow v9) or
 * the domain's systemInitTimeMilliseconds from an options record (IPFIX, as softflowd sends it).
 * With none of those the record carries the packet's export time and is counted.
 */
final class RecordDecoder {

    private static final long ABSENT = Long.MIN_VALUE;
    /** Seconds from the NTP era (1900) to the Unix epoch. */
    private static final long NTP_TO_UNIX_SECONDS = 2_208_988_800L;

    private RecordDecoder() {
    }

    /** The decoded flow, or null when the record has no IP endpoints (counted by the caller). */
    static FlowRecord read(Template template, PacketReader in, TimeBase time, TemplateCache.Domain domain,
            DecoderStats stats) {
        byte[] source4 = null;
        byte[] destination4 = null;
        byte[] source6 = null;
        byte[] destination6 = null;
        int sourcePort = 0;
        int destinationPort = 0;
        int protocol = 0;
        long deltaOctets = -1;
        long totalOctets = -1;
        long deltaPackets = -1;
        long totalPackets = -1;
        long startAbsolute = ABSENT;
        long endAbsolute = ABSENT;
        long startUptime = -1;
        long endUptime = -1;
        long systemInit = -1;
        for (int i = 0; i < template.elements.length; i++) {
            int length = fieldLength(template.lengths[i], in);
            if (i < template.scopeCount || template.enterprises[i] != 0) {
                in.skip(length, "field");
                continue;
            }
            int element = template.elements[i];
            switch (element) {
                case InformationElements.SOURCE_IPV4 -> source4 = in.bytes(length, "sourceIPv4Address");
                case InformationElements.DESTINATION_IPV4 -> destination4 = in.bytes(length, "destinationIPv4Address");
                case InformationElements.SOURCE_IPV6 -> source6 = in.bytes(length, "sourceIPv6Address");
                case InformationElements.DESTINATION_IPV6 -> destination6 = in.bytes(length, "destinationIPv6Address");
                case InformationElements.SOURCE_PORT -> sourcePort = (int) bounded(in, length, element, 0xFFFF);
                case InformationElements.DESTINATION_PORT -> destinationPort = (int) bounded(in, length, element, 0xFFFF);
                case InformationElements.PROTOCOL -> protocol = (int) bounded(in, length, element, 0xFF);
                case InformationElements.OCTET_DELTA_COUNT -> deltaOctets = count(in, length, element);
                case InformationElements.OCTET_TOTAL_COUNT -> totalOctets = count(in, length, element);
                case InformationElements.PACKET_DELTA_COUNT -> deltaPackets = count(in, length, element);
                case InformationElements.PACKET_TOTAL_COUNT -> totalPackets = count(in, length, element);
                case InformationElements.FLOW_START_SYS_UP_TIME -> startUptime = in.unsigned(length, "flowStartSysUpTime");
                case InformationElements.FLOW_END_SYS_UP_TIME -> endUptime = in.unsigned(length, "flowEndSysUpTime");
                case InformationElements.FLOW_START_SECONDS -> startAbsolute = seconds(in, length, element);
                case InformationElements.FLOW_END_SECONDS -> endAbsolute = seconds(in, length, element);
                case InformationElements.FLOW_START_MILLISECONDS -> startAbsolute = count(in, length, element);
                case InformationElements.FLOW_END_MILLISECONDS -> endAbsolute = count(in, length, element);
                case InformationElements.FLOW_START_MICROSECONDS, InformationElements.FLOW_START_NANOSECONDS ->
                        startAbsolute = ntp(in, element);
                case InformationElements.FLOW_END_MICROSECONDS, InformationElements.FLOW_END_NANOSECONDS ->
                        endAbsolute = ntp(in, element);
                case InformationElements.SYSTEM_INIT_TIME_MILLISECONDS -> systemInit = count(in, length, element);
                default -> in.skip(length, "field " + element);
            }
        }
        InetAddress source;
        InetAddress destination;
        if (source4 != null && destination4 != null) {
            source = address(source4);
            destination = address(destination4);
        } else if (source6 != null && destination6 != null) {
            source = address(source6);
            destination = address(destination6);
        } else {
            return null;
        }
        boolean[] guessed = new boolean[1];
        long start = instant(startAbsolute, startUptime, systemInit, time, domain, guessed);
        long end = instant(endAbsolute, endUptime, systemInit, time, domain, guessed);
        if (guessed[0]) {
            stats.guessedTimes++;
        }
        // An exporter whose clocks disagree can report the end before the start; the flow still happened.
        end = Math.max(start, end);
        long bytes = deltaOctets >= 0 ? deltaOctets : Math.max(totalOctets, 0);
        long packets = deltaPackets >= 0 ? deltaPackets : Math.max(totalPackets, 0);
        return new FlowRecord(start, end, source, sourcePort, destination, destinationPort, protocol, bytes, packets);
    }

    /** Reads an options data record: only systemInitTimeMilliseconds is kept (for its domain). */
    static void readOptions(Template template, PacketReader in, TemplateCache.Domain domain) {
        for (int i = 0; i < template.elements.length; i++) {
            int length = fieldLength(template.lengths[i], in);
            if (i >= template.scopeCount && template.enterprises[i] == 0
                    && template.elements[i] == InformationElements.SYSTEM_INIT_TIME_MILLISECONDS) {
                domain.systemInitMillis = count(in, length, InformationElements.SYSTEM_INIT_TIME_MILLISECONDS);
            } else {
                in.skip(length, "options field");
            }
        }
    }

    private static int fieldLength(int templateLength, PacketReader in) {
        if (templateLength != Template.VARIABLE) {
            return templateLength;
        }
        int length = in.u8("variable-length field length");
        return length < 255 ? length : in.u16("variable-length field long length");
    }

    private static long instant(long absolute, long uptime, long recordInit, TimeBase time,
            TemplateCache.Domain domain, boolean[] guessed) {
        if (absolute != ABSENT) {
            return absolute;
        }
        if (uptime >= 0) {
            if (recordInit >= 0) {
                return recordInit + uptime;
            }
            if (time.hasUptime()) {
                return time.atUptime(uptime);
            }
            if (domain.systemInitMillis >= 0) {
                return domain.systemInitMillis + uptime;
            }
        }
        guessed[0] = true;
        return time.exportMillis();
    }

    private static long count(PacketReader in, int length, int element) {
        long value = in.unsigned(length, InformationElements.name(element));
        if (value < 0) {
            throw new FlowDecodeException(InformationElements.name(element) + " " + Long.toUnsignedString(value)
                    + " exceeds 2^63-1; no real counter or clock gets there, so the record is corrupt");
        }
        return value;
    }

    private static long bounded(PacketReader in, int length, int element, long max) {
        long value = in.unsigned(length, InformationElements.name(element));
        if (value < 0 || value > max) {
            throw new FlowDecodeException(InformationElements.name(element) + " " + Long.toUnsignedString(value)
                    + " is out of range; expected 0.." + max);
        }
        return value;
    }

    private static long seconds(PacketReader in, int length, int element) {
        long value = count(in, length, element);
        if (value > Long.MAX_VALUE / 1000) {
            throw new FlowDecodeException(InformationElements.name(element) + " " + value + " seconds is out of range");
        }
        return value * 1000;
    }

    /** dateTimeMicroseconds / dateTimeNanoseconds: NTP seconds and fraction (RFC 7011 §6.1.9, §6.1.10). */
    private static long ntp(PacketReader in, int element) {
        long seconds = in.u32(InformationElements.name(element));
        long fraction = in.u32(InformationElements.name(element));
        return (seconds - NTP_TO_UNIX_SECONDS) * 1000 + ((fraction * 1000) >>> 32);
    }

    static InetAddress address(byte[] raw) {
        try {
            return InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new FlowDecodeException("address of " + raw.length + " bytes; expected 4 or 16");
        }
    }
}
