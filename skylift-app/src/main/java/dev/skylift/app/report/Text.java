package dev.skylift.app.report;

import java.util.Locale;

/** Escaping for HTML text and attributes, and the units the report speaks in. */
final class Text {

    private Text() {
    }

    /** {@code text} safe in HTML and SVG text and in quoted attributes. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        out.append(' '); // control characters are not allowed in HTML text
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** A duration for people: milliseconds under a second, seconds under two minutes, minutes under two hours, else hours. */
    static String duration(double seconds) {
        if (seconds > 0 && seconds < 1) {
            return String.format(Locale.ROOT, "%.0f ms", seconds * 1000);
        }
        if (seconds < 120) {
            return String.format(Locale.ROOT, seconds < 10 ? "%.2f s" : "%.1f s", seconds);
        }
        if (seconds < 7200) {
            return String.format(Locale.ROOT, "%.1f min", seconds / 60);
        }
        return String.format(Locale.ROOT, "%.2f h", seconds / 3600);
    }

    /** The unit of a time axis that spans {@code seconds}: minutes up to five hours, then hours. */
    static TimeAxis timeAxis(double seconds) {
        return seconds <= 5 * 3600 ? new TimeAxis("minutes", 60) : new TimeAxis("hours", 3600);
    }

    /** A time axis's unit: its name and how many seconds it holds. */
    record TimeAxis(String name, double seconds) {
    }

    /** Bytes with a decimal prefix: 12.3 GB. */
    static String bytes(double bytes) {
        return scaled(bytes, "B");
    }

    /** A rate in bytes per second with a decimal prefix: 45.6 MB/s. */
    static String rate(double bytesPerSecond) {
        return scaled(bytesPerSecond, "B/s");
    }

    /** A link throughput the way operators state it: 1 Gbps, 250 Mbps. */
    static String bits(double bytesPerSecond) {
        double bits = bytesPerSecond * 8;
        String[] prefixes = {"bps", "kbps", "Mbps", "Gbps", "Tbps"};
        int p = 0;
        while (p < prefixes.length - 1 && bits >= 1000) {
            bits /= 1000;
            p++;
        }
        return number(bits) + " " + prefixes[p];
    }

    /** A plain number with a sensible number of digits. */
    static String number(double value) {
        double magnitude = Math.abs(value);
        if (magnitude == Math.rint(magnitude) && magnitude < 1e6) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return String.format(Locale.ROOT, magnitude >= 100 ? "%.0f" : magnitude >= 10 ? "%.1f" : "%.2f", value);
    }

    private static String scaled(double value, String unit) {
        String[] prefixes = {"", "k", "M", "G", "T", "P"};
        int p = 0;
        double v = value;
        while (p < prefixes.length - 1 && Math.abs(v) >= 1000) {
            v /= 1000;
            p++;
        }
        return number(v) + " " + prefixes[p] + unit;
    }
}
