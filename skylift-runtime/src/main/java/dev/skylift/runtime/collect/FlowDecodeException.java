package dev.skylift.runtime.collect;

/**
 * A flow export packet that cannot be decoded: truncated, a length field that disagrees with the
 * datagram, an unknown version, a template that breaks RFC 3954 or RFC 7011. It is the only
 * exception the decoders throw on bad input; the message says what was wrong and where, e.g.
 * {@code IPFIX set at offset 16 has length 2; a set is at least 4 bytes (its header)}. The collector
 * counts the packet as a decode error, logs the message with the exporter, and goes on.
 */
public final class FlowDecodeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public FlowDecodeException(String message) {
        super(message);
    }
}
