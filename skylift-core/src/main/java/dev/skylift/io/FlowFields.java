package dev.skylift.io;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Parses the fields of flow records straight from bytes: integers, times, protocols. Each method
 * returns a sentinel on failure ({@link #BAD}) so the hot loop stays free of exceptions; the reader
 * then builds the message with the field's text.
 */
final class FlowFields {

    /** Returned by the parsers for a value that is not one. */
    static final long BAD = Long.MIN_VALUE;
    /** Returned by {@link #unsigned} for a value with a minus sign. */
    static final long NEGATIVE = Long.MIN_VALUE + 1;
    /** Returned by {@link #unsigned} for a value above {@code Long.MAX_VALUE}. */
    static final long TOO_LARGE = Long.MIN_VALUE + 2;

    private FlowFields() {
    }

    /** A non-negative decimal integer, or BAD, NEGATIVE, TOO_LARGE. */
    static long unsigned(byte[] b, int from, int to) {
        if (from >= to) {
            return BAD;
        }
        boolean negative = false;
        if (b[from] == '-' || b[from] == '+') {
            negative = b[from] == '-';
            from++;
            if (from == to) {
                return BAD;
            }
        }
        long value = 0;
        boolean overflow = false;
        for (int i = from; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return BAD;
            }
            if (value > (Long.MAX_VALUE - d) / 10) {
                overflow = true;
            } else {
                value = value * 10 + d;
            }
        }
        if (negative && value != 0) {
            return NEGATIVE;
        }
        return overflow ? TOO_LARGE : value;
    }

    /** Why {@link #unsigned}'s result is bad, in words, or null when it is a value. */
    static String unsignedProblem(long value) {
        if (value == BAD) {
            return "is not an integer";
        }
        if (value == NEGATIVE) {
            return "is negative";
        }
        if (value == TOO_LARGE) {
            return "is larger than " + Long.MAX_VALUE;
        }
        return null;
    }

    /**
     * A time as epoch milliseconds, or BAD: {@code 2026-11-25T10:00:00Z} with an optional fraction
     * (the fast path), Unix epoch seconds with an optional fraction, or any ISO-8601 instant or
     * offset date-time. With {@code zoneOptional}, a time without zone ({@code 2026-11-25 10:00:00.123},
     * as nfdump prints it) is read as UTC.
     */
    static long time(byte[] b, int from, int to, boolean zoneOptional) {
        int n = to - from;
        if (n >= 19 && b[from + 4] == '-' && b[from + 7] == '-' && (b[from + 10] == 'T' || b[from + 10] == ' ')
                && b[from + 13] == ':' && b[from + 16] == ':') {
            long fast = isoFast(b, from, to, zoneOptional);
            if (fast != BAD) {
                return fast;
            }
            return isoSlow(new String(b, from, n, StandardCharsets.US_ASCII), zoneOptional);
        }
        return epochSeconds(b, from, to);
    }

    private static long isoFast(byte[] b, int from, int to, boolean zoneOptional) {
        int year = digits(b, from, 4);
        int month = digits(b, from + 5, 2);
        int day = digits(b, from + 8, 2);
        int hour = digits(b, from + 11, 2);
        int minute = digits(b, from + 14, 2);
        int second = digits(b, from + 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour < 0 || hour > 23
                || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return BAD;
        }
        long fraction = fraction(b, from + 19, to);
        if (fraction == BAD) {
            return BAD;
        }
        int i = fractionEnd(fraction);
        if (i < to && b[i] == 'Z') {
            i++;
        } else if (!zoneOptional) {
            return BAD;
        }
        if (i != to) {
            return BAD;
        }
        long days = daysFromCivil(year, month, day);
        return ((days * 24 + hour) * 60 + minute) * 60_000L + second * 1000L + fractionMillis(fraction);
    }

    private static long isoSlow(String text, boolean zoneOptional) {
        try {
            return OffsetDateTime.parse(text.replace(' ', 'T')).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            if (zoneOptional) {
                try {
                    return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
                } catch (DateTimeParseException ignored) {
                    return BAD;
                }
            }
            try {
                return Instant.parse(text).toEpochMilli();
            } catch (DateTimeParseException ignored) {
                return BAD;
            }
        }
    }

    /** Unix epoch seconds with an optional fraction of up to 9 digits, as milliseconds. */
    static long epochSeconds(byte[] b, int from, int to) {
        long seconds = 0;
        int i = from;
        int digits = 0;
        while (i < to && b[i] >= '0' && b[i] <= '9') {
            seconds = seconds * 10 + (b[i] - '0');
            digits++;
            i++;
        }
        if (digits == 0 || digits > 12) {
            return BAD;
        }
        long fraction = fraction(b, i, to);
        if (fraction == BAD || fractionEnd(fraction) != to) {
            return BAD;
        }
        return seconds * 1000 + fractionMillis(fraction);
    }

    /**
     * The optional fraction of a second at {@code b[i]}: a dot and 1 to 9 digits, of which the first
     * 3 count (milliseconds, truncated). Returns BAD when the dot has no digits or more than 9,
     * otherwise the milliseconds and the index just after the fraction ({@code i} when there is
     * none), packed; read them with {@link #fractionMillis} and {@link #fractionEnd}.
     */
    private static long fraction(byte[] b, int i, int to) {
        int millis = 0;
        if (i < to && b[i] == '.') {
            i++;
            int fractionDigits = 0;
            int scale = 100;
            while (i < to && b[i] >= '0' && b[i] <= '9') {
                if (fractionDigits < 3) {
                    millis += (b[i] - '0') * scale;
                    scale /= 10;
                }
                fractionDigits++;
                i++;
            }
            if (fractionDigits == 0 || fractionDigits > 9) {
                return BAD;
            }
        }
        return ((long) i << 10) | millis;
    }

    /** The milliseconds of a {@link #fraction} result, 0..999. */
    private static int fractionMillis(long fraction) {
        return (int) (fraction & 0x3ff);
    }

    /** The index just after the fraction of a {@link #fraction} result. */
    private static int fractionEnd(long fraction) {
        return (int) (fraction >>> 10);
    }

    /**
     * An IP protocol: its IANA number 0..255, or {@code tcp}, {@code udp}, {@code icmp},
     * {@code icmpv6} (any case, as nfdump prints them); -1 when it is neither.
     */
    static int protocol(byte[] b, int from, int to) {
        if (from < to && b[from] >= '0' && b[from] <= '9') {
            long value = unsigned(b, from, to);
            return value >= 0 && value <= 255 ? (int) value : -1;
        }
        int n = to - from;
        if (n == 3 && lower(b, from, "tcp")) {
            return 6;
        }
        if (n == 3 && lower(b, from, "udp")) {
            return 17;
        }
        if (n == 4 && lower(b, from, "icmp")) {
            return 1;
        }
        if ((n == 6 && lower(b, from, "icmpv6")) || (n == 5 && lower(b, from, "icmp6"))) {
            return 58;
        }
        return -1;
    }

    private static boolean lower(byte[] b, int from, String word) {
        for (int i = 0; i < word.length(); i++) {
            int c = b[from + i];
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int digits(byte[] b, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
    static long daysFromCivil(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = (y >= 0 ? y : y - 399) / 400;
        int yoe = y - era * 400;
        int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097L + doe - 719468;
    }

    /** Whether bytes[from, to) spell {@code word} (ASCII), without making a String. */
    static boolean is(byte[] b, int from, int to, String word) {
        if (to - from != word.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (b[from + i] != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The text of a field, shortened for a message. */
    static String text(byte[] b, int from, int to) {
        String text = new String(b, from, Math.min(to - from, 64), StandardCharsets.UTF_8);
        return to - from > 64 ? text + "..." : text;
    }
}
