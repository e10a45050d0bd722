package dev.skylift.io;

import dev.skylift.graph.CommGraph;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a graph file in whichever supported format it is: MatrixMarket when the name ends in
 * {@code .mtx} or the first line is a {@code %%MatrixMarket} header, an edge list otherwise.
 */
public final class GraphReaders {

    /** The graph formats Skylift reads. */
    public enum Format {
        MATRIX_MARKET, EDGE_LIST;

        /** Parses {@code mtx}, {@code matrix-market}, {@code edges}, {@code edge-list} (any case). */
        public static Format parse(String name) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "mtx", "matrix-market", "matrixmarket" -> MATRIX_MARKET;
                case "edges", "edge-list", "edgelist" -> EDGE_LIST;
                default -> throw new IllegalArgumentException(
                        "unknown graph format '" + name + "'; expected mtx or edges");
            };
        }
    }

    private GraphReaders() {
    }

    public static CommGraph read(Path file) {
        return read(file, detect(file));
    }

    public static CommGraph read(Path file, Format format) {
        return switch (format) {
            case MATRIX_MARKET -> MatrixMarketReader.read(file);
            case EDGE_LIST -> EdgeListReader.read(file);
        };
    }

    /** The format of a file, from its name or its first line. */
    public static Format detect(Path file) {
        if (file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".mtx")) {
            return Format.MATRIX_MARKET;
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = in.readLine();
            return first != null && first.startsWith("%%MatrixMarket") ? Format.MATRIX_MARKET : Format.EDGE_LIST;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
