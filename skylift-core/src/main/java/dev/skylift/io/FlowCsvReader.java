package dev.skylift.io;

import dev.skylift.inventory.IpIndex;
import dev.skylift.inventory.IpParser;
import dev.skylift.traffic.FlowAggregator;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads Skylift's own flow CSV, {@code start,end,src_ip,src_port,dst_ip,dst_port,protocol,bytes,packets}
 * (header required; gzip transparent), into a {@link FlowAggregator}: the format {@code skylift
 * collect} writes and the one tuned for speed. Each line is parsed in place in the line buffer —
 * no split, no regular expression, no String or record object per line — and fully checked before
 * it counts, so a bad line adds nothing.
 */
public final class FlowCsvReader {

    /** The header line, exactly. */
    public static final String HEADER = "start,end,src_ip,src_port,dst_ip,dst_port,protocol,bytes,packets";

    private static final String[] FIELDS = HEADER.split(",");
    private static final String HINT = ". Maybe the column order differs from the header?";

    private FlowCsvReader() {
    }

    /** Reads one file of flow records in Skylift's CSV into the aggregator. */
    public static void read(Path file, FlowAggregator aggregator) {
        ByteLines.read(file, lines -> read(lines, file, aggregator));
    }

    static void read(ByteLines lines, Path file, FlowAggregator aggregator) throws IOException {
        if (!lines.next()) {
            throw new InputFormatException(file, 1, "the file is empty; expected the header '" + HEADER + "'");
        }
        String header = lines.text().strip();
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        if (!header.equals(HEADER)) {
            throw new InputFormatException(file, 1, "header '" + MatrixMarketReader.shorten(header) + "' is not '" + HEADER + "'");
        }
        IpIndex index = aggregator.inventory().ipIndex();
        IpParser parser = new IpParser();
        int[] starts = new int[FIELDS.length];
        int[] ends = new int[FIELDS.length];
        int count;
        while ((count = lines.nextSplit((byte) ',', starts, ends)) >= 0) {
            byte[] b = lines.buffer();
            if (lines.start() == lines.end()) {
                continue;
            }
            if (count != FIELDS.length) {
                aggregator.badLine(file, lines.lineNumber(), "the line has " + count + " fields; expected "
                        + FIELDS.length + " (" + HEADER + ")");
                continue;
            }
            long start = FlowFields.time(b, starts[0], ends[0], false);
            if (start == FlowFields.BAD) {
                bad(aggregator, file, lines, 0, starts, ends, "is not a time; expected ISO-8601 UTC "
                        + "(2026-11-25T10:00:00.125Z) or Unix epoch seconds");
                continue;
            }
            long end = FlowFields.time(b, starts[1], ends[1], false);
            if (end == FlowFields.BAD) {
                bad(aggregator, file, lines, 1, starts, ends, "is not a time; expected ISO-8601 UTC "
                        + "(2026-11-25T10:00:00.125Z) or Unix epoch seconds");
                continue;
            }
            if (end < start) {
                bad(aggregator, file, lines, 1, starts, ends, "is before start '"
                        + FlowFields.text(b, starts[0], ends[0]) + "'");
                continue;
            }
            int srcKind = parser.parse(b, starts[2], ends[2]);
            if (srcKind == IpParser.INVALID) {
                bad(aggregator, file, lines, 2, starts, ends, "is not an IPv4 or IPv6 address" + HINT);
                continue;
            }
            int src = index.lookup(parser, srcKind);
            if (!port(aggregator, file, lines, 3, starts, ends)) {
                continue;
            }
            int dstKind = parser.parse(b, starts[4], ends[4]);
            if (dstKind == IpParser.INVALID) {
                bad(aggregator, file, lines, 4, starts, ends, "is not an IPv4 or IPv6 address" + HINT);
                continue;
            }
            int dst = index.lookup(parser, dstKind);
            if (!port(aggregator, file, lines, 5, starts, ends)) {
                continue;
            }
            if (FlowFields.protocol(b, starts[6], ends[6]) < 0) {
                bad(aggregator, file, lines, 6, starts, ends, "is not a protocol; expected 0..255, tcp, udp, icmp or icmpv6"
                        + HINT);
                continue;
            }
            long bytes = FlowFields.unsigned(b, starts[7], ends[7]);
            if (bytes < 0) {
                bad(aggregator, file, lines, 7, starts, ends, FlowFields.unsignedProblem(bytes) + HINT);
                continue;
            }
            long packets = FlowFields.unsigned(b, starts[8], ends[8]);
            if (packets < 0) {
                bad(aggregator, file, lines, 8, starts, ends, FlowFields.unsignedProblem(packets) + HINT);
                continue;
            }
            aggregator.time(start, end);
            aggregator.add(src, dst, bytes, packets, 1);
        }
    }

    private static boolean port(FlowAggregator aggregator, Path file, ByteLines lines, int field, int[] starts, int[] ends) {
        long port = FlowFields.unsigned(lines.buffer(), starts[field], ends[field]);
        if (port < 0) {
            bad(aggregator, file, lines, field, starts, ends, FlowFields.unsignedProblem(port) + HINT);
            return false;
        }
        if (port > 65535) {
            bad(aggregator, file, lines, field, starts, ends, "is not a port; expected 0..65535" + HINT);
            return false;
        }
        return true;
    }

    private static void bad(FlowAggregator aggregator, Path file, ByteLines lines, int field, int[] starts, int[] ends,
                            String problem) {
        aggregator.badLine(file, lines.lineNumber(), FIELDS[field] + " '"
                + FlowFields.text(lines.buffer(), starts[field], ends[field]) + "' " + problem);
    }
}
