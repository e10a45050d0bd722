package dev.skylift.plan;

import java.time.Duration;

/**
 * When live migration stops copying memory while the VM runs and pauses it for the last copy, after
 * Clark et al., "Live Migration of Virtual Machines", NSDI 2005: disk first (mirrored, so it is sent
 * once), then memory in rounds, each round sending what the VM dirtied during the round before, at
 * the share of the WAN the transfer has at that moment. Before each round the remainder is judged:
 * <ul>
 *   <li>it fits the target downtime at the current share: pause and copy it ({@link StopReason#FITS_DOWNTIME});</li>
 *   <li>the VM dirties memory at least as fast as its share: the rounds would never shrink, so pause
 *       and copy it now ({@link StopReason#NOT_CONVERGING});</li>
 *   <li>{@code maxRounds} live rounds were sent: pause and copy it ({@link StopReason#ROUND_LIMIT}).</li>
 * </ul>
 * The first round sends the whole memory; a round never sends more than the memory. The downtime is
 * the stop-and-copy time plus one round-trip to commit the switch.
 *
 * @param targetDowntime the longest pause the operator accepts for the last copy, ≥ 0
 * @param maxRounds      the most live memory rounds, ≥ 0 (0: memory is sent by stop-and-copy)
 */
public record PreCopy(Duration targetDowntime, int maxRounds) {

    public PreCopy {
        if (targetDowntime == null || targetDowntime.isNegative()) {
            throw new IllegalArgumentException("the target downtime " + targetDowntime + " is negative or missing");
        }
        if (maxRounds < 0) {
            throw new IllegalArgumentException("the round limit " + maxRounds + " is negative. Use 0 for stop-and-copy");
        }
    }

    /** QEMU's default downtime limit (300 ms) and Xen's round limit (30). */
    public static PreCopy defaults() {
        return new PreCopy(Duration.ofMillis(300), 30);
    }

    double targetDowntimeSeconds() {
        return targetDowntime.toNanos() / 1e9;
    }

    /** Why the live rounds of a VM ended. */
    public enum StopReason {
        /** The remainder fit the target downtime. */
        FITS_DOWNTIME,
        /** The VM dirtied memory at least as fast as its share of the WAN. */
        NOT_CONVERGING,
        /** The round limit was reached before the remainder fit the target downtime. */
        ROUND_LIMIT
    }
}
