package dev.skylift.inventory;

import java.util.Arrays;

/**
 * Finds the VM that owns an IP address: an open-addressing hash table with primitive keys, one for
 * IPv4 (address and VM packed in one long, so a lookup touches one cache line) and one for IPv6
 * (its two 64-bit halves), linear probing, load at most one half. Built once from the inventory;
 * lookups allocate nothing.
 */
public final class IpIndex {

    /** Address in the high 32 bits, VM in the low 32; -1 when empty (no VM index is -1). */
    private final long[] entries4;
    private final int mask4;
    private final long[] high6;
    private final long[] low6;
    private final int[] vms6;
    private final int mask6;

    IpIndex(int[] v4Addresses, int[] v4Vms, long[] v6High, long[] v6Low, int[] v6Vms) {
        int capacity4 = capacity(v4Addresses.length);
        entries4 = new long[capacity4];
        Arrays.fill(entries4, -1L);
        mask4 = capacity4 - 1;
        for (int i = 0; i < v4Addresses.length; i++) {
            long key = v4Addresses[i] & 0xffffffffL;
            int slot = hash(key) & mask4;
            while (entries4[slot] != -1L && (entries4[slot] >>> 32) != key) {
                slot = (slot + 1) & mask4;
            }
            entries4[slot] = (key << 32) | v4Vms[i];
        }
        int capacity6 = capacity(v6High.length);
        high6 = new long[capacity6];
        low6 = new long[capacity6];
        vms6 = new int[capacity6];
        Arrays.fill(vms6, -1);
        mask6 = capacity6 - 1;
        for (int i = 0; i < v6High.length; i++) {
            int slot = hash(v6High[i] * 31 + v6Low[i]) & mask6;
            while (vms6[slot] != -1 && !(high6[slot] == v6High[i] && low6[slot] == v6Low[i])) {
                slot = (slot + 1) & mask6;
            }
            high6[slot] = v6High[i];
            low6[slot] = v6Low[i];
            vms6[slot] = v6Vms[i];
        }
    }

    /** The VM with this IPv4 address, or -1. */
    public int lookup4(int address) {
        long key = address & 0xffffffffL;
        int slot = hash(key) & mask4;
        long entry;
        while ((entry = entries4[slot]) != -1L) {
            if ((entry >>> 32) == key) {
                return (int) entry;
            }
            slot = (slot + 1) & mask4;
        }
        return -1;
    }

    /** The VM with this IPv6 address, or -1. */
    public int lookup6(long high, long low) {
        int slot = hash(high * 31 + low) & mask6;
        int vm;
        while ((vm = vms6[slot]) != -1) {
            if (high6[slot] == high && low6[slot] == low) {
                return vm;
            }
            slot = (slot + 1) & mask6;
        }
        return -1;
    }

    /** The VM at the address the parser last parsed ({@code kind} is what it returned), or -1. */
    public int lookup(IpParser parser, int kind) {
        return kind == IpParser.V4 ? lookup4(parser.v4()) : lookup6(parser.high(), parser.low());
    }

    private static int capacity(int entries) {
        int capacity = 16;
        while (capacity < 2L * entries) {
            capacity <<= 1;
        }
        return capacity;
    }

    static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29) ^ (h >>> 41));
    }
}
