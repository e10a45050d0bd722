package dev.skylift.io;

import dev.skylift.inventory.IpIndex;
import dev.skylift.inventory.IpParser;
import dev.skylift.traffic.FlowAggregator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Reads nfdump's CSV output ({@code nfdump -r FILE -o csv}): a header
 * {@code ts,te,td,sa,da,sp,dp,pr,flg,fwd,stos,ipkt,ibyt,opkt,obyt,...}, one line per flow, and
 * possibly a trailing {@code Summary} block (a line {@code Summary}, a header
 * {@code flows,bytes,packets,...} and its totals), which ends the records and is skipped. Columns are
 * found by name. Bytes are {@code ibyt + obyt} and packets {@code ipkt + opkt} (the output counters
 * are 0 except for bidirectional flows). nfdump prints times in the local time of the machine that
 * ran it, without a zone; they are read as UTC and only used for the reported time span.
 */
public final class NfdumpCsvReader {

    private static final List<String> REQUIRED = List.of("ts", "te", "sa", "da", "pr", "ipkt", "ibyt");

    private NfdumpCsvReader() {
    }

    /** Reads one file of nfdump CSV output into the aggregator. */
    public static void read(Path file, FlowAggregator aggregator) {
        ByteLines.read(file, lines -> read(lines, file, aggregator));
    }

    static void read(ByteLines lines, Path file, FlowAggregator aggregator) throws IOException {
        if (!lines.next()) {
            throw new InputFormatException(file, 1, "the file is empty; expected nfdump's CSV header 'ts,te,td,sa,da,...'");
        }
        String[] columns = lines.text().strip().split(",", -1);
        List<String> names = Arrays.asList(columns);
        for (String required : REQUIRED) {
            if (!names.contains(required)) {
                throw new InputFormatException(file, 1, "the header has no column '" + required + "'; expected nfdump's "
                        + "CSV header 'ts,te,td,sa,da,sp,dp,pr,flg,fwd,stos,ipkt,ibyt,opkt,obyt,...'");
            }
        }
        int ts = names.indexOf("ts");
        int te = names.indexOf("te");
        int sa = names.indexOf("sa");
        int da = names.indexOf("da");
        int pr = names.indexOf("pr");
        int ipkt = names.indexOf("ipkt");
        int ibyt = names.indexOf("ibyt");
        int opkt = names.indexOf("opkt");
        int obyt = names.indexOf("obyt");
        IpIndex index = aggregator.inventory().ipIndex();
        IpParser parser = new IpParser();
        int[] starts = new int[columns.length];
        int[] ends = new int[columns.length];
        while (lines.next()) {
            byte[] b = lines.buffer();
            int from = lines.start();
            int to = lines.end();
            while (from < to && b[from] == ' ') {
                from++;
            }
            if (from == to) {
                continue;
            }
            if (b[from] == 'S' && lines.text().strip().equals("Summary")) {
                return; // the Summary block: totals over what was printed, not flows
            }
            int count = 0;
            int p = from;
            while (true) {
                int q = p;
                while (q < to && b[q] != ',') {
                    q++;
                }
                if (count < columns.length) {
                    int s = p;
                    int e = q;
                    while (s < e && b[s] == ' ') {
                        s++;
                    }
                    while (e > s && b[e - 1] == ' ') {
                        e--;
                    }
                    starts[count] = s;
                    ends[count] = e;
                }
                count++;
                if (q == to) {
                    break;
                }
                p = q + 1;
            }
            if (count != columns.length) {
                aggregator.badLine(file, lines.lineNumber(), "the line has " + count + " fields; the header has "
                        + columns.length);
                continue;
            }
            long start = FlowFields.time(b, starts[ts], ends[ts], true);
            if (start == FlowFields.BAD) {
                bad(aggregator, file, lines, columns, ts, starts, ends, "is not a time; expected 'YYYY-MM-DD hh:mm:ss[.mmm]'");
                continue;
            }
            long end = FlowFields.time(b, starts[te], ends[te], true);
            if (end == FlowFields.BAD) {
                bad(aggregator, file, lines, columns, te, starts, ends, "is not a time; expected 'YYYY-MM-DD hh:mm:ss[.mmm]'");
                continue;
            }
            int srcKind = parser.parse(b, starts[sa], ends[sa]);
            if (srcKind == IpParser.INVALID) {
                bad(aggregator, file, lines, columns, sa, starts, ends, "is not an IPv4 or IPv6 address");
                continue;
            }
            int src = index.lookup(parser, srcKind);
            int dstKind = parser.parse(b, starts[da], ends[da]);
            if (dstKind == IpParser.INVALID) {
                bad(aggregator, file, lines, columns, da, starts, ends, "is not an IPv4 or IPv6 address");
                continue;
            }
            int dst = index.lookup(parser, dstKind);
            if (starts[pr] == ends[pr]) {
                bad(aggregator, file, lines, columns, pr, starts, ends, "is empty; expected a protocol");
                continue;
            }
            long packets = counter(aggregator, file, lines, columns, ipkt, starts, ends);
            long bytes = packets < 0 ? -1 : counter(aggregator, file, lines, columns, ibyt, starts, ends);
            long outPackets = bytes < 0 || opkt < 0 ? 0 : counter(aggregator, file, lines, columns, opkt, starts, ends);
            long outBytes = outPackets < 0 || obyt < 0 ? 0 : counter(aggregator, file, lines, columns, obyt, starts, ends);
            if (packets < 0 || bytes < 0 || outPackets < 0 || outBytes < 0) {
                continue;
            }
            aggregator.time(start, Math.max(start, end));
            aggregator.add(src, dst, saturating(bytes + outBytes), saturating(packets + outPackets), 1);
        }
    }

    private static long saturating(long sum) {
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    private static long counter(FlowAggregator aggregator, Path file, ByteLines lines, String[] columns, int field,
                                int[] starts, int[] ends) {
        long value = FlowFields.unsigned(lines.buffer(), starts[field], ends[field]);
        if (value < 0) {
            bad(aggregator, file, lines, columns, field, starts, ends, FlowFields.unsignedProblem(value));
            return -1;
        }
        return value;
    }

    private static void bad(FlowAggregator aggregator, Path file, ByteLines lines, String[] columns, int field,
                            int[] starts, int[] ends, String problem) {
        aggregator.badLine(file, lines.lineNumber(), columns[field] + " '"
                + FlowFields.text(lines.buffer(), starts[field], ends[field]) + "' " + problem);
    }
}
