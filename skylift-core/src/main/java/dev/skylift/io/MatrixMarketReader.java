package dev.skylift.io;

import dev.skylift.graph.CommGraph;
import dev.skylift.graph.VertexLabels;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a MatrixMarket {@code coordinate} file as a graph: entry (i, j) off the diagonal is an
 * edge between vertices i and j, labelled by their 1-based indices. Fields {@code pattern},
 * {@code integer}, {@code real} and {@code complex}; symmetry {@code general} (symmetrised: (i, j)
 * and (j, i) become one edge, whose weight is the sum of theirs when the file has values; a
 * {@code pattern} graph stays unweighted), {@code symmetric}, {@code skew-symmetric} or
 * {@code hermitian}. The weight of an entry is its magnitude: a coefficient's sign says nothing
 * about how much two vertices are coupled, and structural zeros still couple them.
 *
 * <p>The header's entry count is enforced: a file that ends early or holds extra entries is
 * rejected with the line and the count expected. Diagonal entries are read and dropped.
 */
public final class MatrixMarketReader {

    private static final long MAX_PREALLOCATED_ENTRIES = 1L << 23;

    private MatrixMarketReader() {
    }

    public static CommGraph read(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file);
        } catch (CharacterCodingException e) {
            throw new InputFormatException(file, 0, "is not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads from an open reader; {@code file} names the source in error messages. */
    public static CommGraph read(BufferedReader in, Path file) throws IOException {
        String header = in.readLine();
        long lineNumber = 1;
        if (header == null) {
            throw new InputFormatException(file, 1, "the file is empty; expected the header "
                    + "'%%MatrixMarket matrix coordinate pattern|integer|real general|symmetric'");
        }
        String[] words = header.trim().split("\\s+");
        if (words.length != 5 || !words[0].equals("%%MatrixMarket") || !words[1].equalsIgnoreCase("matrix")) {
            throw new InputFormatException(file, 1, "header '" + shorten(header) + "' is not a MatrixMarket header; "
                    + "expected '%%MatrixMarket matrix coordinate pattern|integer|real general|symmetric'");
        }
        if (!words[2].equalsIgnoreCase("coordinate")) {
            throw new InputFormatException(file, 1, "format '" + words[2] + "' is not supported; expected 'coordinate' "
                    + "(a dense 'array' matrix is not a sparse graph)");
        }
        String field = words[3].toLowerCase(Locale.ROOT);
        int valueTokens = switch (field) {
            case "pattern" -> 0;
            case "integer", "real" -> 1;
            case "complex" -> 2;
            default -> throw new InputFormatException(file, 1, "field '" + words[3]
                    + "' is not a MatrixMarket field; expected pattern, integer, real or complex");
        };
        String symmetry = words[4].toLowerCase(Locale.ROOT);
        if (!symmetry.equals("general") && !symmetry.equals("symmetric") && !symmetry.equals("skew-symmetric")
                && !symmetry.equals("hermitian")) {
            throw new InputFormatException(file, 1, "symmetry '" + words[4]
                    + "' is not a MatrixMarket symmetry; expected general, symmetric, skew-symmetric or hermitian");
        }

        LineTokenizer tokens = new LineTokenizer();
        String line;
        int count;
        do {
            line = in.readLine();
            if (line == null) {
                throw new InputFormatException(file, lineNumber, "the file ends before the size line 'rows columns entries'");
            }
            lineNumber++;
            count = line.startsWith("%") ? 0 : tokens.split(line, '\0');
        } while (count == 0);
        if (count != 3) {
            throw new InputFormatException(file, lineNumber, "size line '" + shorten(line)
                    + "' has " + describeCount(count) + "; expected 'rows columns entries'");
        }
        long rows = tokens.longValue(0);
        long columns = tokens.longValue(1);
        long entries = tokens.longValue(2);
        checkSize(file, lineNumber, "rows", tokens, 0, rows);
        checkSize(file, lineNumber, "columns", tokens, 1, columns);
        checkSize(file, lineNumber, "entries", tokens, 2, entries);
        if (rows != columns) {
            throw new InputFormatException(file, lineNumber, "the matrix is " + rows + "×" + columns
                    + "; a graph needs a square matrix");
        }
        if (rows > Integer.MAX_VALUE - 8) {
            throw new InputFormatException(file, lineNumber, "rows " + rows + " is too many vertices");
        }
        int n = (int) rows;
        if (entries > rows * columns) {
            throw new InputFormatException(file, lineNumber, "entries " + entries + " is more than a " + rows + "×"
                    + columns + " matrix holds; expected at most " + rows * columns);
        }
        boolean weighted = valueTokens > 0;
        // The size line is a promise, not a fact: allocate for it only up to a bound, grow past that.
        CommGraph.Builder builder = CommGraph.builder(n, Math.min(entries, MAX_PREALLOCATED_ENTRIES), weighted);
        int expectedTokens = 2 + valueTokens;
        long read = 0;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            if (line.startsWith("%")) {
                continue;
            }
            count = tokens.split(line, '\0');
            if (count == 0) {
                continue;
            }
            if (read == entries) {
                throw new InputFormatException(file, lineNumber, "entry '" + shorten(line) + "' is one more than the "
                        + entries + " the size line promises; expected the end of the file");
            }
            if (count != expectedTokens) {
                throw new InputFormatException(file, lineNumber, "entry '" + shorten(line) + "' has "
                        + describeCount(count) + "; expected " + expectedTokens + " ('i j"
                        + (valueTokens == 0 ? "" : valueTokens == 1 ? " value" : " real imaginary") + "' for a "
                        + field + " matrix)");
            }
            int i = index(file, lineNumber, tokens, 0, "row", n);
            int j = index(file, lineNumber, tokens, 1, "column", n);
            double weight = 1.0;
            if (valueTokens == 1) {
                weight = Math.abs(value(file, lineNumber, tokens, 2, field));
            } else if (valueTokens == 2) {
                weight = Math.hypot(value(file, lineNumber, tokens, 2, field), value(file, lineNumber, tokens, 3, field));
            }
            builder.addEdge(i, j, weight);
            read++;
        }
        if (read < entries) {
            throw new InputFormatException(file, lineNumber, "the file ends after " + read + " entries; the size line "
                    + "promises " + entries + " (is the file truncated?)");
        }
        return builder.build(VertexLabels.oneBased(n));
    }

    private static int index(Path file, long lineNumber, LineTokenizer tokens, int token, String what, int n) {
        long value = tokens.longValue(token);
        if (value == Long.MIN_VALUE) {
            throw new InputFormatException(file, lineNumber, what + " index '" + tokens.token(token)
                    + "' is not an integer; expected 1.." + n);
        }
        if (value < 1 || value > n) {
            throw new InputFormatException(file, lineNumber, what + " index " + value + " is out of range; expected 1.."
                    + n + (value == 0 ? " (MatrixMarket indices are 1-based)" : ""));
        }
        return (int) value - 1;
    }

    private static double value(Path file, long lineNumber, LineTokenizer tokens, int token, String field) {
        double value = field.equals("integer") ? tokens.longValue(token) : tokens.doubleValue(token);
        if (field.equals("integer") && value == Long.MIN_VALUE || Double.isNaN(value) || Double.isInfinite(value)) {
            throw new InputFormatException(file, lineNumber, "value '" + tokens.token(token) + "' is not "
                    + (field.equals("integer") ? "an integer" : "a finite number") + "; expected the entry's "
                    + field + " value");
        }
        return value;
    }

    private static void checkSize(Path file, long lineNumber, String what, LineTokenizer tokens, int token, long value) {
        if (value == Long.MIN_VALUE || value < 0) {
            throw new InputFormatException(file, lineNumber, what + " '" + tokens.token(token)
                    + "' is not a count; expected a non-negative integer");
        }
    }

    static String describeCount(int count) {
        return count > 8 ? "more than 8 fields" : count + (count == 1 ? " field" : " fields");
    }

    static String shorten(String line) {
        return line.length() <= 60 ? line : line.substring(0, 57) + "...";
    }
}
