package dev.skylift.order;

/**
 * Where the online method learns who talks across the WAN: traffic between a VM still on the
 * private side and one that has cut over. The simulator reports it from a hidden true graph; the
 * executor will report it from live flow records (a NetFlow record's two addresses mapped to VMs,
 * its byte count as is). Reports may repeat a pair and may arrive in any order; reports that do
 * not describe a split pair (both home, both moved) are ignored by the listener.
 */
public interface SplitTraffic {

    /** {@code bytes} (≥ 0) flowed between {@code homeVm} (private side) and {@code movedVm} (cut over). */
    void observe(int homeVm, int movedVm, long bytes);
}
