package dev.skylift.io;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Streams the lines of a file as byte ranges of one reused buffer, for readers of millions of
 * records: no String per line, constant memory whatever the file size. A gzip file (recognised by
 * its magic bytes, whatever its name) is decompressed on the fly. After {@link #next()} the line is
 * {@code buffer()[start() .. end())}, without its line break ({@code \n} or {@code \r\n}).
 */
final class ByteLines implements Closeable {

    private final InputStream in;
    private byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private int start;
    private int end;
    private long lineNumber;
    private boolean eof;

    ByteLines(InputStream in) {
        this.in = in;
    }

    /** Opens a file, decompressing it when it is gzip. */
    static ByteLines open(Path file) {
        try {
            return new ByteLines(openStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** What a reader does with the lines of one file. */
    @FunctionalInterface
    interface LinesReader {

        /** Reads the lines; an I/O error is thrown as is. */
        void read(ByteLines lines) throws IOException;
    }

    /**
     * Opens a file (decompressing it when it is gzip), hands its lines to {@code reader} and closes
     * it; an I/O error becomes an {@link UncheckedIOException} naming the file.
     */
    static void read(Path file, LinesReader reader) {
        try (ByteLines lines = open(file)) {
            reader.read(lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static InputStream openStream(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int b1 = raw.read();
        int b2 = raw.read();
        raw.reset();
        if (b1 == 0x1f && b2 == 0x8b) {
            return new GZIPInputStream(raw, 1 << 16);
        }
        return raw;
    }

    /** Moves to the next line; false at the end of the input. */
    boolean next() throws IOException {
        while (true) {
            byte[] b = buffer;
            for (int i = position; i < limit; i++) {
                if (b[i] == '\n') {
                    start = position;
                    end = i > start && b[i - 1] == '\r' ? i - 1 : i;
                    position = i + 1;
                    lineNumber++;
                    return true;
                }
            }
            if (eof) {
                if (position < limit) {
                    start = position;
                    end = b[limit - 1] == '\r' ? limit - 1 : limit;
                    position = limit;
                    lineNumber++;
                    return true;
                }
                return false;
            }
            fill();
        }
    }

    /**
     * Moves to the next line and splits it at {@code separator} in the same pass over the bytes:
     * field f is {@code buffer()[starts[f] .. ends[f])} for f below the array length. Returns the
     * number of fields (1 for a blank line), or -1 at the end of the input.
     */
    int nextSplit(byte separator, int[] starts, int[] ends) throws IOException {
        int max = starts.length;
        while (true) {
            byte[] b = buffer;
            int count = 0;
            int fieldStart = position;
            for (int i = position; i < limit; i++) {
                byte c = b[i];
                if (c == separator) {
                    if (count < max) {
                        starts[count] = fieldStart;
                        ends[count] = i;
                    }
                    count++;
                    fieldStart = i + 1;
                } else if (c == '\n') {
                    return endLine(b, count, fieldStart, i, i + 1, starts, ends);
                }
            }
            if (eof) {
                if (position < limit) {
                    return endLine(b, count, fieldStart, limit, limit, starts, ends);
                }
                return -1;
            }
            fill();
        }
    }

    private int endLine(byte[] b, int count, int fieldStart, int lineEnd, int next, int[] starts, int[] ends) {
        int e = lineEnd > fieldStart && b[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
        if (count < starts.length) {
            starts[count] = fieldStart;
            ends[count] = e;
        }
        start = position;
        end = e;
        position = next;
        lineNumber++;
        return count + 1;
    }

    private void fill() throws IOException {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        } else if (limit == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
            eof = true;
        } else {
            limit += read;
        }
    }

    byte[] buffer() {
        return buffer;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    /** The 1-based number of the current line. */
    long lineNumber() {
        return lineNumber;
    }

    /** The current line as text (for headers and error messages). */
    String text() {
        return new String(buffer, start, end - start, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
