package dev.skylift.runtime.collect;

import dev.skylift.inventory.IpParser;
import java.net.InetAddress;

/**
 * Addresses as text, in the canonical form the readers of the core use ({@link IpParser#format}):
 * IPv4 dotted quad, IPv6 in the RFC 5952 canonical form (lower case, no leading zeros, the longest
 * run of two or more zero groups — the first of equal runs — written as {@code ::}), an IPv4-mapped
 * IPv6 address as its IPv4 address. Java's {@code getHostAddress} writes IPv6 uncompressed, so it is
 * not used.
 */
final class IpText {

    private IpText() {
    }

    static String format(InetAddress address) {
        return IpParser.format(address.getAddress());
    }
}
