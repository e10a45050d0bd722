package dev.skylift.runtime.collect;

import java.net.InetAddress;
import java.util.List;

/**
 * NetFlow version 9 (RFC 3954): a 20-byte header (version, count, sysUpTime, unix secs, sequence,
 * source ID) and flowsets: templates (ID 0, §5.2), options templates (ID 1, §6.1; learned so their
 * data sets are skipped correctly, and read only for systemInitTimeMilliseconds) and data
 * (ID ≥ 256, §5.3). The header's {@code count} is not trusted: flowsets are read until the datagram
 * ends (fewer than 4 bytes left are padding).
 */
final class NetFlowV9Decoder {

    static final int HEADER_LENGTH = 20;

    private NetFlowV9Decoder() {
    }

    static void decode(InetAddress exporter, PacketReader in, DataSets sets, List<FlowRecord> out) {
        in.u16("version");
        in.u16("v9 count");
        long uptime = in.u32("v9 sysUpTime");
        long seconds = in.u32("v9 unix secs");
        in.u32("v9 sequence");
        long sourceId = in.u32("v9 source ID");
        TimeBase time = new TimeBase(seconds * 1000, uptime);
        TemplateCache.Key key = new TemplateCache.Key(exporter, 9, sourceId);
        TemplateCache.Domain domain = sets.cache().domain(key);
        while (in.remaining() >= 4) {
            int at = in.absoluteOffset();
            int flowsetId = in.u16("v9 flowset ID");
            int length = in.u16("v9 flowset length");
            if (length < 4) {
                throw new FlowDecodeException("NetFlow v9 flowset " + flowsetId + " at offset " + at + " has length "
                        + length + "; a flowset is at least 4 bytes (its header)");
            }
            if (length - 4 > in.remaining()) {
                throw new FlowDecodeException("NetFlow v9 flowset " + flowsetId + " at offset " + at + " has length "
                        + length + " but only " + (in.remaining() + 4) + " bytes are left in the datagram");
            }
            PacketReader body = in.slice(length - 4, "v9 flowset");
            if (flowsetId == 0) {
                templates(key, domain, body, sets, out, at);
            } else if (flowsetId == 1) {
                optionsTemplates(key, domain, body, sets, out, at);
            } else if (flowsetId >= 256) {
                sets.data(key, domain, flowsetId, body, time, out);
            }
            // IDs 2..255 are reserved (RFC 3954 §5.3): skipped.
        }
    }

    private static void templates(TemplateCache.Key key, TemplateCache.Domain domain, PacketReader body,
            DataSets sets, List<FlowRecord> out, int at) {
        while (body.remaining() >= 4) {
            String where = "NetFlow v9 template flowset at offset " + at;
            int id = body.u16("v9 template ID");
            int count = body.u16("v9 field count");
            if (id < 256) {
                throw new FlowDecodeException(where + ": template ID " + id + " is below 256");
            }
            if (count == 0) {
                throw new FlowDecodeException(where + ": template " + id + " has no fields");
            }
            int[] elements = new int[count];
            long[] enterprises = new long[count];
            int[] lengths = new int[count];
            for (int i = 0; i < count; i++) {
                elements[i] = body.u16("v9 field type");
                lengths[i] = body.u16("v9 field length");
            }
            sets.learned(key, domain, new Template(id, elements, enterprises, lengths, 0, false, where), out);
        }
    }

    private static void optionsTemplates(TemplateCache.Key key, TemplateCache.Domain domain, PacketReader body,
            DataSets sets, List<FlowRecord> out, int at) {
        // An options template is at least 6 bytes plus one field; less is padding.
        while (body.remaining() >= 10) {
            String where = "NetFlow v9 options template flowset at offset " + at;
            int id = body.u16("v9 options template ID");
            int scopeLength = body.u16("v9 option scope length");
            int optionLength = body.u16("v9 option length");
            if (id < 256) {
                throw new FlowDecodeException(where + ": template ID " + id + " is below 256");
            }
            if (scopeLength % 4 != 0 || optionLength % 4 != 0 || scopeLength + optionLength == 0) {
                throw new FlowDecodeException(where + ": options template " + id + " has scope length " + scopeLength
                        + " and option length " + optionLength + "; expected multiples of 4 bytes, not both 0");
            }
            int scopes = scopeLength / 4;
            int count = scopes + optionLength / 4;
            int[] elements = new int[count];
            long[] enterprises = new long[count];
            int[] lengths = new int[count];
            for (int i = 0; i < count; i++) {
                elements[i] = body.u16("v9 options field type");
                lengths[i] = body.u16("v9 options field length");
            }
            sets.learned(key, domain, new Template(id, elements, enterprises, lengths, scopes, true, where), out);
        }
    }
}
