package dev.skylift.inventory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Parses IPv4 and IPv6 address literals straight from bytes, for readers that see millions of
 * addresses: no strings, no regular expressions, no DNS, no allocation. One parser per thread; after
 * {@link #parse} returns {@link #V4} the address is in {@link #v4()}, after {@link #V6} in
 * {@link #high()} and {@link #low()} (the 128 bits, most significant first).
 *
 * <p>IPv6 is read in every RFC 4291 textual form: full, compressed with {@code ::}, upper or lower
 * case, with an embedded dotted IPv4 tail. An IPv4-mapped IPv6 address ({@code ::ffff:10.0.0.1}) is
 * the IPv4 address it maps, so one VM is found under either spelling. Zone identifiers
 * ({@code fe80::1%eth0}) are rejected: a zone names a link on one machine, not an address in an
 * estate. IPv4 octets are decimal ({@code 010} is 10, never octal).
 */
public final class IpParser {

    /** {@link #parse} result: not an address. */
    public static final int INVALID = 0;
    /** {@link #parse} result: an IPv4 address, in {@link #v4()}. */
    public static final int V4 = 4;
    /** {@link #parse} result: an IPv6 address, in {@link #high()} and {@link #low()}. */
    public static final int V6 = 6;

    private final int[] groups = new int[8];
    private int v4;
    private long high;
    private long low;

    /** Parses {@code bytes[from, to)}; returns {@link #V4}, {@link #V6} or {@link #INVALID}. */
    public int parse(byte[] bytes, int from, int to) {
        if (from >= to) {
            return INVALID;
        }
        // IPv4 first: it is the common case, and a colon or a hex digit stops it at once.
        long value = parse4(bytes, from, to);
        if (value >= 0) {
            v4 = (int) value;
            return V4;
        }
        for (int i = from; i < to; i++) {
            if (bytes[i] == ':') {
                return parse6(bytes, from, to);
            }
        }
        return INVALID;
    }

    /** Parses a whole string; returns {@link #V4}, {@link #V6} or {@link #INVALID}. */
    public int parse(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 127) {
                return INVALID;
            }
        }
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return parse(bytes, 0, bytes.length);
    }

    public int v4() {
        return v4;
    }

    public long high() {
        return high;
    }

    public long low() {
        return low;
    }

    /** The canonical text of the last address parsed: dotted IPv4 or RFC 5952 IPv6. */
    public String canonical(int kind) {
        return kind == V4 ? format4(v4) : format6(high, low);
    }

    /** The canonical form of an address literal; throws IllegalArgumentException when it is none. */
    public static String normalize(String text) {
        IpParser parser = new IpParser();
        int kind = parser.parse(text);
        if (kind == INVALID) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 or IPv6 address");
        }
        return parser.canonical(kind);
    }

    /**
     * The canonical text of an address given as its network-order bytes (as
     * {@link java.net.InetAddress#getAddress()} returns them): 4 bytes as dotted IPv4, 16 bytes as
     * RFC 5952 IPv6 ({@link #format6}), except that an IPv4-mapped address ({@code ::ffff:a.b.c.d})
     * is its IPv4 address, as {@link #parse} reads it. Throws IllegalArgumentException for any other
     * length.
     */
    public static String format(byte[] address) {
        if (address.length == 4) {
            return format4(ByteBuffer.wrap(address).getInt());
        }
        if (address.length != 16) {
            throw new IllegalArgumentException("an IP address has 4 or 16 bytes, not " + address.length);
        }
        ByteBuffer bytes = ByteBuffer.wrap(address);
        long hi = bytes.getLong();
        long lo = bytes.getLong();
        if (hi == 0 && (lo >>> 32) == 0xffffL) {
            return format4((int) lo);
        }
        return format6(hi, lo);
    }

    /** Dotted decimal. */
    public static String format4(int address) {
        return (address >>> 24) + "." + ((address >>> 16) & 0xff) + "." + ((address >>> 8) & 0xff) + "." + (address & 0xff);
    }

    /** RFC 5952: lower case, no leading zeros, the longest run (≥ 2) of zero groups as {@code ::}. */
    public static String format6(long high, long low) {
        int[] g = new int[8];
        for (int i = 0; i < 4; i++) {
            g[i] = (int) (high >>> (48 - 16 * i)) & 0xffff;
            g[i + 4] = (int) (low >>> (48 - 16 * i)) & 0xffff;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder out = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(g[i]));
        }
        return out.toString();
    }

    /** The IPv4 address in bytes[from, to) as an unsigned value, or -1. */
    private static long parse4(byte[] bytes, int from, int to) {
        long address = 0;
        int octets = 0;
        int i = from;
        while (true) {
            int value = 0;
            int digits = 0;
            while (i < to && bytes[i] >= '0' && bytes[i] <= '9' && digits < 4) {
                value = value * 10 + (bytes[i] - '0');
                digits++;
                i++;
            }
            if (digits == 0 || digits > 3 || value > 255) {
                return -1;
            }
            address = (address << 8) | value;
            octets++;
            if (octets == 4) {
                return i == to ? address : -1;
            }
            if (i == to || bytes[i] != '.') {
                return -1;
            }
            i++;
        }
    }

    private int parse6(byte[] bytes, int from, int to) {
        int n = 0;
        int gap = -1;
        int i = from;
        if (bytes[i] == ':') {
            if (i + 1 >= to || bytes[i + 1] != ':') {
                return INVALID;
            }
            gap = 0;
            i += 2;
        }
        while (i < to) {
            int start = i;
            int value = 0;
            int digits = 0;
            while (i < to && digits < 5) {
                int h = hex(bytes[i]);
                if (h < 0) {
                    break;
                }
                value = (value << 4) | h;
                digits++;
                i++;
            }
            if (i < to && bytes[i] == '.') {
                long tail = n <= 6 ? parse4(bytes, start, to) : -1;
                if (tail < 0) {
                    return INVALID;
                }
                groups[n++] = (int) (tail >>> 16);
                groups[n++] = (int) tail & 0xffff;
                i = to;
                break;
            }
            if (digits == 0 || digits > 4 || n == 8) {
                return INVALID;
            }
            groups[n++] = value;
            if (i == to) {
                break;
            }
            if (bytes[i] != ':') {
                return INVALID;
            }
            i++;
            if (i < to && bytes[i] == ':') {
                if (gap >= 0) {
                    return INVALID;
                }
                gap = n;
                i++;
            } else if (i == to) {
                return INVALID;
            }
        }
        if (gap < 0 ? n != 8 : n > 7) {
            return INVALID;
        }
        long hi = 0;
        long lo = 0;
        int zeros = 8 - n;
        for (int k = 0, g = 0; k < 8; k++) {
            int value;
            if (gap >= 0 && k >= gap && k < gap + zeros) {
                value = 0;
            } else {
                value = groups[g++];
            }
            if (k < 4) {
                hi = (hi << 16) | value;
            } else {
                lo = (lo << 16) | value;
            }
        }
        if (hi == 0 && (lo >>> 32) == 0xffffL) {
            v4 = (int) lo;
            return V4;
        }
        high = hi;
        low = lo;
        return V6;
    }

    private static int hex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
