package dev.skylift.io;

import java.nio.file.Path;

/**
 * Input that cannot be read as what it claims to be. The message names the file, the line and
 * what was expected there, e.g. {@code edges.txt:7: weight '-5' is negative; expected a number ≥ 0}.
 * A reader that throws it returns nothing: no partial graph ever escapes.
 */
public final class InputFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;

    public InputFormatException(Path file, long line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
        this.file = file;
        this.line = line;
    }

    /** The file that holds the bad input. */
    public Path file() {
        return file;
    }

    /** The 1-based line of the bad input, or 0 when the fault is the file as a whole. */
    public long line() {
        return line;
    }
}
