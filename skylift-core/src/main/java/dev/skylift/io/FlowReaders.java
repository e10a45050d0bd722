package dev.skylift.io;

import dev.skylift.traffic.FlowAggregator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The flow-record formats Skylift reads, by name or detected from a file's first line. */
public final class FlowReaders {

    /** A flow-record format. */
    public enum Format {
        /** Skylift's own CSV ({@link FlowCsvReader}). */
        CSV("csv"),
        /** AWS VPC Flow Logs, default version 2 ({@link VpcFlowLogReader}). */
        VPC("vpc"),
        /** Azure Migrate dependency export ({@link AzureMigrateReader}). */
        AZURE_MIGRATE("azure-migrate"),
        /** {@code nfdump -o csv} ({@link NfdumpCsvReader}). */
        NFDUMP("nfdump");

        private final String label;

        Format(String label) {
            this.label = label;
        }

        /** Whether records in this format carry byte and packet counts. */
        public boolean hasBytes() {
            return this != AZURE_MIGRATE;
        }

        /** {@code csv}, {@code vpc}, {@code azure-migrate} or {@code nfdump}. */
        public static Format parse(String name) {
            for (Format format : values()) {
                if (format.label.equals(name.toLowerCase(Locale.ROOT))) {
                    return format;
                }
            }
            throw new IllegalArgumentException("unknown flow format '" + name + "'; expected csv, vpc, azure-migrate or nfdump");
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private FlowReaders() {
    }

    /** Reads one file of flow records into the aggregator. */
    public static void read(Path file, Format format, FlowAggregator aggregator) {
        switch (format) {
            case CSV -> FlowCsvReader.read(file, aggregator);
            case VPC -> VpcFlowLogReader.read(file, aggregator);
            case AZURE_MIGRATE -> AzureMigrateReader.read(file, aggregator);
            case NFDUMP -> NfdumpCsvReader.read(file, aggregator);
        }
    }

    /**
     * The format of a file from its first non-blank line (decompressed when gzip): our CSV header,
     * a VPC header or version-2 record, an Azure Migrate header, or nfdump's {@code ts,te,...}
     * header. Fails, naming the line, when no format or more than one fits.
     */
    public static Format detect(Path file) {
        String first = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(ByteLines.openStream(file), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    first = line.replace("\uFEFF", "").strip();
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (first == null) {
            throw new InputFormatException(file, 0, "is empty; cannot tell its flow format");
        }
        List<Format> fits = new ArrayList<>();
        if (first.equals(FlowCsvReader.HEADER)) {
            fits.add(Format.CSV);
        }
        String[] words = first.split("\\s+");
        if (first.startsWith("version account-id ") || (words.length == 14 && words[0].equals("2"))) {
            fits.add(Format.VPC);
        }
        String normalised = AzureMigrateReader.normalise(first);
        if (normalised.contains("sourceservername") && normalised.contains("destinationservername")) {
            fits.add(Format.AZURE_MIGRATE);
        }
        if (first.startsWith("ts,te,") && first.contains(",sa,") && first.contains(",da,")) {
            fits.add(Format.NFDUMP);
        }
        if (fits.size() == 1) {
            return fits.get(0);
        }
        String shown = MatrixMarketReader.shorten(first);
        if (fits.isEmpty()) {
            throw new InputFormatException(file, 1, "cannot tell the flow format from the first line '" + shown
                    + "'; expected the header of our CSV (" + FlowCsvReader.HEADER + "), a VPC flow log, an Azure Migrate "
                    + "dependency export or nfdump -o csv; or name it with --flows-format csv|vpc|azure-migrate|nfdump");
        }
        throw new InputFormatException(file, 1, "the first line '" + shown + "' fits more than one flow format ("
                + fits + "); name it with --flows-format");
    }
}
