package dev.skylift.runtime.collect;

/**
 * The IANA information elements the collector reads (RFC 7012 and the IANA IPFIX registry; the
 * NetFlow v9 field types of RFC 3954 §8 share these numbers). Every other element is skipped by
 * its length.
 */
final class InformationElements {

    static final int OCTET_DELTA_COUNT = 1;
    static final int PACKET_DELTA_COUNT = 2;
    static final int PROTOCOL = 4;
    static final int SOURCE_PORT = 7;
    static final int SOURCE_IPV4 = 8;
    static final int DESTINATION_PORT = 11;
    static final int DESTINATION_IPV4 = 12;
    /** flowEndSysUpTime (NetFlow v9: LAST_SWITCHED). */
    static final int FLOW_END_SYS_UP_TIME = 21;
    /** flowStartSysUpTime (NetFlow v9: FIRST_SWITCHED). */
    static final int FLOW_START_SYS_UP_TIME = 22;
    static final int SOURCE_IPV6 = 27;
    static final int DESTINATION_IPV6 = 28;
    static final int OCTET_TOTAL_COUNT = 85;
    static final int PACKET_TOTAL_COUNT = 86;
    static final int FLOW_START_SECONDS = 150;
    static final int FLOW_END_SECONDS = 151;
    static final int FLOW_START_MILLISECONDS = 152;
    static final int FLOW_END_MILLISECONDS = 153;
    static final int FLOW_START_MICROSECONDS = 154;
    static final int FLOW_END_MICROSECONDS = 155;
    static final int FLOW_START_NANOSECONDS = 156;
    static final int FLOW_END_NANOSECONDS = 157;
    static final int SYSTEM_INIT_TIME_MILLISECONDS = 160;

    private InformationElements() {
    }

    static boolean isInteger(int element) {
        return switch (element) {
            case OCTET_DELTA_COUNT, PACKET_DELTA_COUNT, PROTOCOL, SOURCE_PORT, DESTINATION_PORT,
                    FLOW_END_SYS_UP_TIME, FLOW_START_SYS_UP_TIME, OCTET_TOTAL_COUNT, PACKET_TOTAL_COUNT,
                    FLOW_START_SECONDS, FLOW_END_SECONDS, FLOW_START_MILLISECONDS, FLOW_END_MILLISECONDS,
                    SYSTEM_INIT_TIME_MILLISECONDS -> true;
            default -> false;
        };
    }

    static String name(int element) {
        return switch (element) {
            case OCTET_DELTA_COUNT -> "octetDeltaCount";
            case PACKET_DELTA_COUNT -> "packetDeltaCount";
            case PROTOCOL -> "protocolIdentifier";
            case SOURCE_PORT -> "sourceTransportPort";
            case SOURCE_IPV4 -> "sourceIPv4Address";
            case DESTINATION_PORT -> "destinationTransportPort";
            case DESTINATION_IPV4 -> "destinationIPv4Address";
            case FLOW_END_SYS_UP_TIME -> "flowEndSysUpTime";
            case FLOW_START_SYS_UP_TIME -> "flowStartSysUpTime";
            case SOURCE_IPV6 -> "sourceIPv6Address";
            case DESTINATION_IPV6 -> "destinationIPv6Address";
            case OCTET_TOTAL_COUNT -> "octetTotalCount";
            case PACKET_TOTAL_COUNT -> "packetTotalCount";
            case FLOW_START_SECONDS -> "flowStartSeconds";
            case FLOW_END_SECONDS -> "flowEndSeconds";
            case FLOW_START_MILLISECONDS -> "flowStartMilliseconds";
            case FLOW_END_MILLISECONDS -> "flowEndMilliseconds";
            case FLOW_START_MICROSECONDS -> "flowStartMicroseconds";
            case FLOW_END_MICROSECONDS -> "flowEndMicroseconds";
            case FLOW_START_NANOSECONDS -> "flowStartNanoseconds";
            case FLOW_END_NANOSECONDS -> "flowEndNanoseconds";
            case SYSTEM_INIT_TIME_MILLISECONDS -> "systemInitTimeMilliseconds";
            default -> "not read";
        };
    }
}
