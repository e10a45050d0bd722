package dev.skylift.runtime.collect;

import java.net.InetAddress;
import java.util.List;

/**
 * IPFIX (RFC 7011): a 16-byte message header (version 10, length, export time, sequence,
 * observation domain) and sets: templates (ID 2, §3.4.1), options templates (ID 3, §3.4.2; learned
 * so their data is skipped correctly, read only for systemInitTimeMilliseconds) and data (ID ≥ 256).
 * Field specifiers with the enterprise bit carry a 4-byte enterprise number (§3.2) and are skipped
 * when decoding; length 65535 marks a variable-length field (§7). A template record with no fields
 * withdraws that template, and ID 2 (or 3) with no fields withdraws all (§8.1).
 */
final class IpfixDecoder {

    static final int HEADER_LENGTH = 16;

    private IpfixDecoder() {
    }

    static void decode(InetAddress exporter, PacketReader datagram, DataSets sets, List<FlowRecord> out) {
        int total = datagram.remaining();
        datagram.u16("version");
        int length = datagram.u16("IPFIX message length");
        if (length < HEADER_LENGTH || length > total) {
            throw new FlowDecodeException("IPFIX message length " + length + " does not fit the datagram of " + total
                    + " bytes; expected " + HEADER_LENGTH + ".." + total);
        }
        PacketReader in = datagram.slice(length - 4, "IPFIX message");
        long exportSeconds = in.u32("IPFIX export time");
        in.u32("IPFIX sequence");
        long domainId = in.u32("IPFIX observation domain");
        TimeBase time = new TimeBase(exportSeconds * 1000, TimeBase.NO_UPTIME);
        TemplateCache.Key key = new TemplateCache.Key(exporter, 10, domainId);
        TemplateCache.Domain domain = sets.cache().domain(key);
        while (in.remaining() > 0) {
            int at = in.absoluteOffset();
            int setId = in.u16("IPFIX set ID");
            int setLength = in.u16("IPFIX set length");
            if (setLength < 4) {
                throw new FlowDecodeException("IPFIX set " + setId + " at offset " + at + " has length " + setLength
                        + "; a set is at least 4 bytes (its header)");
            }
            if (setLength - 4 > in.remaining()) {
                throw new FlowDecodeException("IPFIX set " + setId + " at offset " + at + " has length " + setLength
                        + " but the message has only " + (in.remaining() + 4) + " bytes left");
            }
            PacketReader body = in.slice(setLength - 4, "IPFIX set");
            if (setId == 2 || setId == 3) {
                templates(key, domain, body, setId == 3, sets, out, at);
            } else if (setId >= 256) {
                sets.data(key, domain, setId, body, time, out);
            }
            // IDs 0, 1 (NetFlow v9's) and 4..255 are not used in IPFIX (RFC 7011 §3.3.2): skipped.
        }
    }

    private static void templates(TemplateCache.Key key, TemplateCache.Domain domain, PacketReader body,
            boolean options, DataSets sets, List<FlowRecord> out, int at) {
        String where = "IPFIX " + (options ? "options template" : "template") + " set at offset " + at;
        while (body.remaining() >= 4) {
            int id = body.u16("IPFIX template ID");
            int count = body.u16("IPFIX field count");
            if (count == 0) {
                withdraw(domain, id, options, where);
                continue;
            }
            if (id < 256) {
                throw new FlowDecodeException(where + ": template ID " + id + " is below 256");
            }
            int scopes = 0;
            if (options) {
                scopes = body.u16("IPFIX scope field count");
                if (scopes == 0 || scopes > count) {
                    throw new FlowDecodeException(where + ": options template " + id + " has scope field count "
                            + scopes + "; expected 1.." + count);
                }
            }
            int[] elements = new int[count];
            long[] enterprises = new long[count];
            int[] lengths = new int[count];
            for (int i = 0; i < count; i++) {
                int element = body.u16("IPFIX information element ID");
                lengths[i] = body.u16("IPFIX field length");
                if ((element & 0x8000) != 0) {
                    elements[i] = element & 0x7FFF;
                    enterprises[i] = body.u32("IPFIX enterprise number");
                } else {
                    elements[i] = element;
                }
            }
            sets.learned(key, domain, new Template(id, elements, enterprises, lengths, scopes, options, where), out);
        }
        // Fewer than 4 bytes left: padding (RFC 7011 §3.3.1).
    }

    private static void withdraw(TemplateCache.Domain domain, int id, boolean options, String where) {
        if (id == 2 || id == 3) {
            domain.templates.values().removeIf(t -> t.options == options);
        } else if (id >= 256) {
            domain.templates.remove(id);
        } else {
            throw new FlowDecodeException(where + ": withdrawal of template ID " + id + "; expected 2, 3 or 256..65535");
        }
    }
}
