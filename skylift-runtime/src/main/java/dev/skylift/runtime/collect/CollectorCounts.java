package dev.skylift.runtime.collect;

/**
 * What a collector (or a decoder) has seen so far: datagrams and flow records in total and per
 * export version (NetFlow v5, NetFlow v9 of RFC 3954, IPFIX of RFC 7011), and what went wrong.
 *
 * @param packets        datagrams received
 * @param records        flow records decoded (and written)
 * @param v5Packets      NetFlow v5 datagrams
 * @param v9Packets      NetFlow v9 datagrams
 * @param ipfixPackets   IPFIX messages
 * @param v5Records      flow records from NetFlow v5
 * @param v9Records      flow records from NetFlow v9
 * @param ipfixRecords   flow records from IPFIX
 * @param decodeErrors   datagrams rejected as undecodable (each logged with exporter and reason)
 * @param templateMisses data sets that arrived before their template (each was buffered)
 * @param replayedSets   of those, the sets decoded once their template arrived
 * @param droppedSets    of those, the sets never decoded: buffer full, still waiting at the end, or
 *                       undecodable with the template that came
 * @param optionsRecords options data records (read for systemInitTimeMilliseconds, otherwise skipped)
 * @param nonIpRecords   data records without IPv4 or IPv6 endpoints (skipped)
 * @param guessedTimes   flow records without a usable time; they carry the packet's export time
 */
public record CollectorCounts(long packets, long records, long v5Packets, long v9Packets, long ipfixPackets,
        long v5Records, long v9Records, long ipfixRecords, long decodeErrors, long templateMisses,
        long replayedSets, long droppedSets, long optionsRecords, long nonIpRecords, long guessedTimes) {

    /** A readable multi-line summary, as {@code skylift collect} prints it. */
    public String summary() {
        return "packets " + packets + " (v5 " + v5Packets + ", v9 " + v9Packets + ", ipfix " + ipfixPackets + ")\n"
                + "records " + records + " (v5 " + v5Records + ", v9 " + v9Records + ", ipfix " + ipfixRecords + ")\n"
                + "decode errors " + decodeErrors + ", template misses " + templateMisses + " (replayed "
                + replayedSets + ", dropped " + droppedSets + "), options records " + optionsRecords
                + ", non-IP records " + nonIpRecords + ", records without time " + guessedTimes;
    }
}
