package dev.skylift.io;

import dev.skylift.inventory.Inventory;
import dev.skylift.inventory.IpParser;
import dev.skylift.traffic.FlowAggregator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the dependency export of Azure Migrate's agentless dependency analysis (CSV: Timeslot,
 * Source server name, Source application, Source process, Destination server name, Destination IP,
 * Destination application, Destination process, Destination port; columns found by name, any order,
 * case and spacing ignored). The export has no byte counts: each row is one connection seen in one
 * time slot, so a pair's weight is its number of rows (flows), and bytes and packets stay 0.
 *
 * <p>Servers are matched to the inventory by name (exact, then ignoring case, then by the host part
 * of a dotted name, see {@link Inventory#resolveServerName}); a destination whose name does not
 * match falls back to its Destination IP, and a source to a {@code Source IP} column when the
 * export has one.
 */
public final class AzureMigrateReader {

    private static final String TIMESLOT = "timeslot";
    private static final String SOURCE_NAME = "sourceservername";
    private static final String SOURCE_IP = "sourceip";
    private static final String DESTINATION_NAME = "destinationservername";
    private static final String DESTINATION_IP = "destinationip";
    private static final String DESTINATION_PORT = "destinationport";
    private static final List<String> REQUIRED = List.of(TIMESLOT, SOURCE_NAME, DESTINATION_NAME, DESTINATION_IP,
            DESTINATION_PORT);

    private AzureMigrateReader() {
    }

    public static void read(Path file, FlowAggregator aggregator) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(ByteLines.openStream(file),
                StandardCharsets.UTF_8.newDecoder()))) {
            read(in, file, aggregator);
        } catch (CharacterCodingException e) {
            throw new InputFormatException(file, 0, "is not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The column name as this reader compares it: lower case, without spaces, dashes or underscores. */
    static String normalise(String column) {
        return column.replace("\uFEFF", "").toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
    }

    static void read(BufferedReader in, Path file, FlowAggregator aggregator) throws IOException {
        String header = in.readLine();
        if (header == null) {
            throw new InputFormatException(file, 1, "the file is empty; expected the Azure Migrate dependency header");
        }
        List<String> columns = CsvLine.split(header);
        if (columns == null) {
            throw new InputFormatException(file, 1, "the header has a quote that is not closed");
        }
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            index.putIfAbsent(normalise(columns.get(c)), c);
        }
        for (String required : REQUIRED) {
            if (!index.containsKey(required)) {
                throw new InputFormatException(file, 1, "the header has no column like '" + required + "'; expected "
                        + "Timeslot, Source server name, Source application, Source process, Destination server name, "
                        + "Destination IP, Destination application, Destination process, Destination port");
            }
        }
        Inventory inventory = aggregator.inventory();
        IpParser parser = new IpParser();
        int sourceName = index.get(SOURCE_NAME);
        int sourceIp = index.getOrDefault(SOURCE_IP, -1);
        int destinationName = index.get(DESTINATION_NAME);
        int destinationIp = index.get(DESTINATION_IP);
        int destinationPort = index.get(DESTINATION_PORT);
        int timeslot = index.get(TIMESLOT);
        String line;
        long lineNumber = 1;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            List<String> fields = CsvLine.split(line);
            if (fields == null) {
                aggregator.badLine(file, lineNumber, "a quote is not closed");
                continue;
            }
            if (fields.size() != columns.size()) {
                aggregator.badLine(file, lineNumber, "the line has " + fields.size() + " fields; the header has "
                        + columns.size());
                continue;
            }
            if (fields.get(timeslot).isEmpty()) {
                aggregator.badLine(file, lineNumber, "Timeslot is empty");
                continue;
            }
            String source = fields.get(sourceName);
            String destination = fields.get(destinationName);
            String address = fields.get(destinationIp);
            if (source.isEmpty() && (sourceIp < 0 || fields.get(sourceIp).isEmpty())) {
                aggregator.badLine(file, lineNumber, "Source server name is empty");
                continue;
            }
            if (destination.isEmpty() && address.isEmpty()) {
                aggregator.badLine(file, lineNumber, "Destination server name and Destination IP are both empty");
                continue;
            }
            String portText = fields.get(destinationPort);
            int port = port(portText);
            if (port < 0) {
                aggregator.badLine(file, lineNumber, "Destination port '" + portText + "' is not a port; expected 0..65535");
                continue;
            }
            int dstKind = IpParser.INVALID;
            if (!address.isEmpty()) {
                dstKind = parser.parse(address);
                if (dstKind == IpParser.INVALID) {
                    aggregator.badLine(file, lineNumber, "Destination IP '" + address + "' is not an IPv4 or IPv6 address");
                    continue;
                }
            }
            int dst = destination.isEmpty() ? -1 : inventory.resolveServerName(destination);
            if (dst < 0 && dstKind != IpParser.INVALID) {
                dst = inventory.ipIndex().lookup(parser, dstKind);
            }
            int src = source.isEmpty() ? -1 : inventory.resolveServerName(source);
            if (src < 0 && sourceIp >= 0 && !fields.get(sourceIp).isEmpty()) {
                int srcKind = parser.parse(fields.get(sourceIp));
                if (srcKind == IpParser.INVALID) {
                    aggregator.badLine(file, lineNumber, "Source IP '" + fields.get(sourceIp)
                            + "' is not an IPv4 or IPv6 address");
                    continue;
                }
                src = inventory.ipIndex().lookup(parser, srcKind);
            }
            aggregator.add(src, dst, 0, 0, 1);
        }
    }

    private static int port(String text) {
        if (text.isEmpty() || text.length() > 5) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= 65535 ? value : -1;
    }
}
