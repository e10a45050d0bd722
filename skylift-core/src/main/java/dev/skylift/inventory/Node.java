package dev.skylift.inventory;

/**
 * A node of the private cluster with its capacity: where VMs run before they move.
 *
 * @param name      unique among the nodes
 * @param cpus      logical CPUs, ≥ 1
 * @param memoryMib memory in MiB, ≥ 1
 */
public record Node(String name, int cpus, long memoryMib) {
}
