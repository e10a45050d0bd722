package dev.skylift.io;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line of comma-separated values (RFC 4180 quoting: {@code "a, b"}, {@code ""} for a
 * quote) for the small CSV files (inventories, dependency exports); the flow readers have their own
 * byte-level loops.
 */
final class CsvLine {

    private CsvLine() {
    }

    /** The fields of the line, or null when a quote is not closed. */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = line.length();
        while (true) {
            field.setLength(0);
            if (i < n && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        return null;
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < n && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                while (i < n && line.charAt(i) != ',') {
                    field.append(line.charAt(i++));
                }
            } else {
                while (i < n && line.charAt(i) != ',') {
                    field.append(line.charAt(i++));
                }
            }
            fields.add(field.toString().strip());
            if (i >= n) {
                return fields;
            }
            i++; // the comma
        }
    }
}
