package dev.skylift.runtime.collect;

import java.net.InetAddress;
import java.util.Objects;

/**
 * One unidirectional flow as an exporter reported it: the 5-tuple, the bytes and packets it
 * carried and when it was seen first and last (Unix epoch milliseconds, UTC). The same fields as a
 * NetFlow v5 record (Cisco), a NetFlow v9 record (RFC 3954) or an IPFIX record (RFC 7011,
 * information elements 8/12 or 27/28, 7/11, 4, 1, 2 and the flow time elements) reduce to, and the
 * columns of our flow CSV ({@code start,end,src_ip,src_port,dst_ip,dst_port,protocol,bytes,packets}).
 *
 * @param startMillis     first packet of the flow, epoch milliseconds
 * @param endMillis       last packet of the flow, epoch milliseconds, never before {@code startMillis}
 * @param source          source address (IPv4 or IPv6)
 * @param sourcePort      source transport port, 0 when the protocol has no ports
 * @param destination     destination address (IPv4 or IPv6)
 * @param destinationPort destination transport port, 0 when the protocol has no ports
 * @param protocol        IANA protocol number (6 TCP, 17 UDP, 1 ICMP, 58 ICMPv6)
 * @param bytes           bytes of the flow as the exporter counts them (IP header and payload)
 * @param packets         packets of the flow
 */
public record FlowRecord(long startMillis, long endMillis, InetAddress source, int sourcePort,
        InetAddress destination, int destinationPort, int protocol, long bytes, long packets) {

    public FlowRecord {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        if (endMillis < startMillis) {
            throw new IllegalArgumentException("flow end " + endMillis + " is before its start " + startMillis
                    + "; the decoder should have ordered them");
        }
        if (sourcePort < 0 || sourcePort > 0xFFFF || destinationPort < 0 || destinationPort > 0xFFFF) {
            throw new IllegalArgumentException("ports " + sourcePort + "/" + destinationPort + " are outside 0..65535");
        }
        if (protocol < 0 || protocol > 0xFF) {
            throw new IllegalArgumentException("protocol " + protocol + " is outside 0..255");
        }
        if (bytes < 0 || packets < 0) {
            throw new IllegalArgumentException("bytes " + bytes + " and packets " + packets + " must not be negative");
        }
    }
}
