package dev.skylift.runtime.collect;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * Addresses as text: IPv4 dotted quad, IPv6 in the RFC 5952 canonical form (lower case, no leading
 * zeros, the longest run of two or more zero groups — the first of equal runs — written as
 * {@code ::}). Java's {@code getHostAddress} writes IPv6 uncompressed, so it is not used for IPv6.
 */
final class IpText {

    private IpText() {
    }

    static String format(InetAddress address) {
        byte[] raw = address.getAddress();
        if (address instanceof Inet4Address || raw.length == 4) {
            return (raw[0] & 0xFF) + "." + (raw[1] & 0xFF) + "." + (raw[2] & 0xFF) + "." + (raw[3] & 0xFF);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((raw[2 * i] & 0xFF) << 8) | (raw[2 * i + 1] & 0xFF);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        var text = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
