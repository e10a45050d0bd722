package dev.skylift.runtime.collect;

/**
 * A bounds-checked, big-endian cursor over part of a datagram. Every read advances the position
 * by at least one byte or throws {@link FlowDecodeException}: decoders built on it cannot read
 * outside the datagram, and loops that read something on every turn cannot spin.
 */
final class PacketReader {

    private final byte[] data;
    private final int start;
    private final int limit;
    private int position;

    PacketReader(byte[] data, int offset, int limit) {
        if (offset < 0 || limit > data.length || offset > limit) {
            throw new FlowDecodeException("bad packet bounds " + offset + ".." + limit + " of " + data.length);
        }
        this.data = data;
        this.start = offset;
        this.position = offset;
        this.limit = limit;
    }

    /** Bytes left to read. */
    int remaining() {
        return limit - position;
    }

    /** Offset of the next byte from the start of this reader's window. */
    int offset() {
        return position - start;
    }

    /** Offset of the next byte in the whole datagram (for messages). */
    int absoluteOffset() {
        return position;
    }

    private void need(int n, String what) {
        if (n < 0 || n > limit - position) {
            throw new FlowDecodeException("truncated " + what + " at offset " + position + ": needs " + n
                    + " bytes, " + (limit - position) + " left");
        }
    }

    int u8(String what) {
        need(1, what);
        return data[position++] & 0xFF;
    }

    int u16(String what) {
        need(2, what);
        int value = ((data[position] & 0xFF) << 8) | (data[position + 1] & 0xFF);
        position += 2;
        return value;
    }

    long u32(String what) {
        need(4, what);
        long value = ((long) (data[position] & 0xFF) << 24) | ((data[position + 1] & 0xFF) << 16)
                | ((data[position + 2] & 0xFF) << 8) | (data[position + 3] & 0xFF);
        position += 4;
        return value;
    }

    /**
     * An unsigned integer of 1..8 bytes (RFC 7011 reduced-size encoding). Values of 8 bytes with
     * the top bit set come back negative; callers that need a count reject them.
     */
    long unsigned(int length, String what) {
        if (length < 1 || length > 8) {
            throw new FlowDecodeException(what + " has length " + length + "; expected 1..8 bytes");
        }
        need(length, what);
        long value = 0;
        for (int i = 0; i < length; i++) {
            value = (value << 8) | (data[position + i] & 0xFF);
        }
        position += length;
        return value;
    }

    byte[] bytes(int length, String what) {
        need(length, what);
        byte[] copy = new byte[length];
        System.arraycopy(data, position, copy, 0, length);
        position += length;
        return copy;
    }

    void skip(int length, String what) {
        need(length, what);
        position += length;
    }

    /** The next {@code length} bytes as their own reader; this reader moves past them. */
    PacketReader slice(int length, String what) {
        need(length, what);
        PacketReader slice = new PacketReader(data, position, position + length);
        position += length;
        return slice;
    }

    /** A copy of the bytes left (used to keep a data set until its template arrives). */
    byte[] rest() {
        byte[] copy = new byte[limit - position];
        System.arraycopy(data, position, copy, 0, copy.length);
        return copy;
    }
}
