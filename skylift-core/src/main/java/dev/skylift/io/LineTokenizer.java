package dev.skylift.io;

/**
 * Splits one line into whitespace-separated tokens without allocating per token until asked,
 * for readers that stream millions of lines.
 */
final class LineTokenizer {

    private static final int MAX_TOKENS = 8;

    private final int[] starts = new int[MAX_TOKENS];
    private final int[] ends = new int[MAX_TOKENS];
    private String line;
    private int count;

    /**
     * Tokenizes {@code text}; stops at a token starting with {@code commentChar} (0 for none).
     * Returns the number of tokens, or MAX_TOKENS + 1 when there are more than MAX_TOKENS.
     */
    int split(String text, char commentChar) {
        line = text;
        count = 0;
        int i = 0;
        int length = text.length();
        while (i < length) {
            while (i < length && isSpace(text.charAt(i))) {
                i++;
            }
            if (i == length || (commentChar != 0 && text.charAt(i) == commentChar)) {
                break;
            }
            int start = i;
            while (i < length && !isSpace(text.charAt(i))) {
                i++;
            }
            if (count == MAX_TOKENS) {
                return MAX_TOKENS + 1;
            }
            starts[count] = start;
            ends[count] = i;
            count++;
        }
        return count;
    }

    String token(int index) {
        return line.substring(starts[index], ends[index]);
    }

    /** The token as a decimal long, or Long.MIN_VALUE when it is not one. */
    long longValue(int index) {
        int i = starts[index];
        int end = ends[index];
        boolean negative = false;
        if (line.charAt(i) == '-' || line.charAt(i) == '+') {
            negative = line.charAt(i) == '-';
            i++;
        }
        if (i == end || end - i > 18) {
            return Long.MIN_VALUE;
        }
        long value = 0;
        for (; i < end; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                return Long.MIN_VALUE;
            }
            value = value * 10 + (c - '0');
        }
        return negative ? -value : value;
    }

    /** The token as a double, or NaN when it is not a number. */
    double doubleValue(int index) {
        for (int i = starts[index]; i < ends[index]; i++) {
            char c = line.charAt(i);
            // Java would also take "NaN", "Infinity", hex and a trailing 'd' or 'f': data files never mean those.
            if (!(c >= '0' && c <= '9') && c != '.' && c != 'e' && c != 'E' && c != '-' && c != '+') {
                return Double.NaN;
            }
        }
        try {
            return Double.parseDouble(token(index));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\f';
    }
}
