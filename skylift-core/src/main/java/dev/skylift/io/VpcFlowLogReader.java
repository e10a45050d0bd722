package dev.skylift.io;

import dev.skylift.inventory.IpIndex;
import dev.skylift.inventory.IpParser;
import dev.skylift.traffic.FlowAggregator;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads AWS VPC Flow Logs in the default version-2 format, space-separated:
 * {@code version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes
 * start end action log-status} (the header line is optional; gzip transparent, as S3 delivers them).
 * {@code REJECT} records are counted apart and kept out of the graph unless the aggregator keeps them;
 * {@code NODATA} and {@code SKIPDATA} lines are counted, and only there may fields be {@code -}.
 */
public final class VpcFlowLogReader {

    /** The default-format header line. */
    public static final String HEADER =
            "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status";

    private static final String[] FIELDS = HEADER.split(" ");

    private VpcFlowLogReader() {
    }

    /** Reads one file of VPC Flow Log records into the aggregator. */
    public static void read(Path file, FlowAggregator aggregator) {
        ByteLines.read(file, lines -> read(lines, file, aggregator));
    }

    static void read(ByteLines lines, Path file, FlowAggregator aggregator) throws IOException {
        IpIndex index = aggregator.inventory().ipIndex();
        IpParser parser = new IpParser();
        int[] starts = new int[FIELDS.length];
        int[] ends = new int[FIELDS.length];
        while (lines.next()) {
            byte[] b = lines.buffer();
            int count = 0;
            int i = lines.start();
            int to = lines.end();
            while (i < to) {
                while (i < to && (b[i] == ' ' || b[i] == '\t')) {
                    i++;
                }
                if (i == to) {
                    break;
                }
                int s = i;
                while (i < to && b[i] != ' ' && b[i] != '\t') {
                    i++;
                }
                if (count < FIELDS.length) {
                    starts[count] = s;
                    ends[count] = i;
                }
                count++;
            }
            if (count == 0) {
                continue;
            }
            if (FlowFields.is(b, starts[0], ends[0], "version")) {
                String header = lines.text().strip().replaceAll("\\s+", " ");
                if (!header.equals(HEADER)) {
                    throw new InputFormatException(file, lines.lineNumber(), "header '" + MatrixMarketReader.shorten(header)
                            + "' is not the default version-2 format; expected '" + HEADER + "'");
                }
                continue;
            }
            if (count != FIELDS.length) {
                aggregator.badLine(file, lines.lineNumber(), "the line has " + count + " fields; expected "
                        + FIELDS.length + " (" + HEADER + ")");
                continue;
            }
            if (!(ends[0] - starts[0] == 1 && b[starts[0]] == '2')) {
                bad(aggregator, file, lines, 0, starts, ends, "is not 2; only the default version-2 format is read");
                continue;
            }
            boolean noData = FlowFields.is(b, starts[13], ends[13], "NODATA");
            if (noData || FlowFields.is(b, starts[13], ends[13], "SKIPDATA")) {
                if (noData) {
                    aggregator.noData();
                } else {
                    aggregator.skipData();
                }
                continue;
            }
            if (!FlowFields.is(b, starts[13], ends[13], "OK")) {
                bad(aggregator, file, lines, 13, starts, ends, "is not a log status; expected OK, NODATA or SKIPDATA");
                continue;
            }
            int dash = firstDash(b, starts, ends);
            if (dash >= 0) {
                bad(aggregator, file, lines, dash, starts, ends, "is only allowed on NODATA and SKIPDATA lines");
                continue;
            }
            int srcKind = parser.parse(b, starts[3], ends[3]);
            if (srcKind == IpParser.INVALID) {
                bad(aggregator, file, lines, 3, starts, ends, "is not an IPv4 or IPv6 address");
                continue;
            }
            int src = index.lookup(parser, srcKind);
            int dstKind = parser.parse(b, starts[4], ends[4]);
            if (dstKind == IpParser.INVALID) {
                bad(aggregator, file, lines, 4, starts, ends, "is not an IPv4 or IPv6 address");
                continue;
            }
            int dst = index.lookup(parser, dstKind);
            if (!port(aggregator, file, lines, 5, starts, ends) || !port(aggregator, file, lines, 6, starts, ends)) {
                continue;
            }
            if (FlowFields.protocol(b, starts[7], ends[7]) < 0) {
                bad(aggregator, file, lines, 7, starts, ends, "is not an IANA protocol number 0..255");
                continue;
            }
            long packets = FlowFields.unsigned(b, starts[8], ends[8]);
            if (packets < 0) {
                bad(aggregator, file, lines, 8, starts, ends, FlowFields.unsignedProblem(packets));
                continue;
            }
            long bytes = FlowFields.unsigned(b, starts[9], ends[9]);
            if (bytes < 0) {
                bad(aggregator, file, lines, 9, starts, ends, FlowFields.unsignedProblem(bytes));
                continue;
            }
            long start = FlowFields.epochSeconds(b, starts[10], ends[10]);
            if (start == FlowFields.BAD) {
                bad(aggregator, file, lines, 10, starts, ends, "is not Unix epoch seconds");
                continue;
            }
            long end = FlowFields.epochSeconds(b, starts[11], ends[11]);
            if (end == FlowFields.BAD || end < start) {
                bad(aggregator, file, lines, 11, starts, ends, end == FlowFields.BAD ? "is not Unix epoch seconds"
                        : "is before start '" + FlowFields.text(b, starts[10], ends[10]) + "'");
                continue;
            }
            boolean accept = FlowFields.is(b, starts[12], ends[12], "ACCEPT");
            if (!accept && !FlowFields.is(b, starts[12], ends[12], "REJECT")) {
                bad(aggregator, file, lines, 12, starts, ends, "is not an action; expected ACCEPT or REJECT");
                continue;
            }
            aggregator.time(start, end);
            if (accept) {
                aggregator.add(src, dst, bytes, packets, 1);
            } else {
                aggregator.rejected(src, dst, bytes, packets);
            }
        }
    }

    private static int firstDash(byte[] b, int[] starts, int[] ends) {
        for (int f = 0; f < FIELDS.length; f++) {
            if (ends[f] - starts[f] == 1 && b[starts[f]] == '-') {
                return f;
            }
        }
        return -1;
    }

    private static boolean port(FlowAggregator aggregator, Path file, ByteLines lines, int field, int[] starts, int[] ends) {
        long port = FlowFields.unsigned(lines.buffer(), starts[field], ends[field]);
        if (port < 0 || port > 65535) {
            bad(aggregator, file, lines, field, starts, ends, port < 0 ? FlowFields.unsignedProblem(port)
                    : "is not a port; expected 0..65535");
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
