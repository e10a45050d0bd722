package dev.skylift.runtime.collect;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.zip.GZIPOutputStream;

/**
 * Writes flow records as our flow CSV: the header {@value #HEADER}, then one line per record with
 * ISO-8601 UTC times to the millisecond, addresses as dotted IPv4 or RFC 5952 IPv6, the IANA
 * protocol number and the counts. A file whose name ends in {@code .gz} is gzip-compressed (RFC
 * 1952); {@link #flush} then does a gzip sync flush, so the data written so far can be read back
 * (e.g. with {@code zcat}, which will note the missing trailer) even if the process is killed.
 */
public final class FlowCsvWriter implements FlowSink, AutoCloseable {

    /** The header line of our flow CSV. */
    public static final String HEADER = "start,end,src_ip,src_port,dst_ip,dst_port,protocol,bytes,packets";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Writer out;
    private final StringBuilder line = new StringBuilder(128);

    private FlowCsvWriter(Writer out) throws IOException {
        this.out = out;
        out.write(HEADER);
        out.write('\n');
    }

    /** A writer to {@code file} (created or truncated), gzip when its name ends in {@code .gz}. */
    public static FlowCsvWriter open(Path file) throws IOException {
        OutputStream stream = Files.newOutputStream(file);
        try {
            if (file.getFileName().toString().endsWith(".gz")) {
                stream = new GZIPOutputStream(stream, 1 << 16, true);
            }
            return new FlowCsvWriter(new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16));
        } catch (IOException e) {
            stream.close();
            throw e;
        }
    }

    /** A writer to any character stream (tests, pipes). */
    public static FlowCsvWriter to(Writer writer) throws IOException {
        return new FlowCsvWriter(writer);
    }

    /** The CSV line of a record, without the line end. */
    public static String line(FlowRecord record) {
        return TIME.format(Instant.ofEpochMilli(record.startMillis())) + ','
                + TIME.format(Instant.ofEpochMilli(record.endMillis())) + ','
                + IpText.format(record.source()) + ',' + record.sourcePort() + ','
                + IpText.format(record.destination()) + ',' + record.destinationPort() + ','
                + record.protocol() + ',' + record.bytes() + ',' + record.packets();
    }

    @Override
    public void accept(FlowRecord record) throws IOException {
        line.setLength(0);
        line.append(line(record)).append('\n');
        out.append(line);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
