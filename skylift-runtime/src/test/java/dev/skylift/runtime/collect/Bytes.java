package dev.skylift.runtime.collect;

import java.io.ByteArrayOutputStream;

/** A big-endian byte buffer for building packets in tests, with length fields patched afterwards. */
final class Bytes {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Bytes u8(int value) {
        out.write(value);
        return this;
    }

    Bytes u16(int value) {
        return u8(value >>> 8).u8(value);
    }

    Bytes u32(long value) {
        return u16((int) (value >>> 16) & 0xFFFF).u16((int) value & 0xFFFF);
    }

    Bytes u64(long value) {
        return u32(value >>> 32).u32(value & 0xFFFFFFFFL);
    }

    Bytes raw(byte[] bytes) {
        out.write(bytes, 0, bytes.length);
        return this;
    }

    Bytes raw(int... bytes) {
        for (int b : bytes) {
            u8(b);
        }
        return this;
    }

    int size() {
        return out.size();
    }

    byte[] toArray() {
        return out.toByteArray();
    }

    /** The bytes with a 16-bit big-endian {@code value} written at {@code offset}. */
    static byte[] patch16(byte[] bytes, int offset, int value) {
        bytes[offset] = (byte) (value >>> 8);
        bytes[offset + 1] = (byte) value;
        return bytes;
    }
}
