package dev.skylift.plan;

import dev.skylift.inventory.Vm;

/**
 * What the planner needs to know about a VM to time its move: how much memory and disk it has to
 * send and how fast it dirties memory while it runs. Built from the inventory's {@link Vm}
 * (MiB, GiB, MiB/s) and kept in bytes.
 *
 * @param name                  the VM's name, as the graph labels it
 * @param memoryBytes           memory in bytes, ≥ 0
 * @param diskBytes             used disk in bytes, ≥ 0
 * @param dirtyBytesPerSecond   the page-dirty rate in bytes per second, ≥ 0
 */
public record VmSize(String name, long memoryBytes, long diskBytes, double dirtyBytesPerSecond) {

    private static final long MIB = 1024L * 1024;
    private static final double GIB = 1024.0 * 1024 * 1024;

    public VmSize {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a VM size needs the VM's name");
        }
        if (memoryBytes < 0 || diskBytes < 0) {
            throw new IllegalArgumentException("VM " + name + " has memory (" + memoryBytes + " bytes) or disk ("
                    + diskBytes + " bytes) below zero");
        }
        if (!(dirtyBytesPerSecond >= 0) || Double.isInfinite(dirtyBytesPerSecond)) {
            throw new IllegalArgumentException("VM " + name + " has the dirty rate " + dirtyBytesPerSecond
                    + " bytes/s, which is not a finite non-negative number");
        }
    }

    /** The size of an inventory VM; a VM without a known dirty rate is taken not to dirty memory. */
    public static VmSize of(Vm vm) {
        return of(vm, 0);
    }

    /** The size of an inventory VM, with {@code defaultDirtyBytesPerSecond} when its dirty rate is unknown. */
    public static VmSize of(Vm vm, double defaultDirtyBytesPerSecond) {
        double dirty = vm.dirtyMibPerSecond().isPresent()
                ? vm.dirtyMibPerSecond().getAsDouble() * MIB : defaultDirtyBytesPerSecond;
        return new VmSize(vm.name(), vm.memoryMib() * MIB, Math.round(vm.diskGib() * GIB), dirty);
    }

    /** The bytes any move has to send at least: disk and memory once. */
    public long totalBytes() {
        return memoryBytes + diskBytes;
    }
}
