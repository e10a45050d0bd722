package dev.skylift.plan;

import java.util.OptionalInt;

/**
 * The move of one VM in a plan: when its transfer starts, when it cuts over (serves from the public
 * side), how long it is paused, and what it sends. Times are seconds from the start of the plan.
 *
 * @param vm         the VM's name
 * @param vertex     its vertex in the communication graph
 * @param start      when its transfer starts
 * @param cutover    when it serves from the public side: the stop-and-copy ends and the commit round-trip is done
 * @param downtime   how long it is paused: the stop-and-copy and the commit round-trip, seconds
 * @param bytesSent  disk, every memory round and the stop-and-copy, in bytes
 * @param rounds     live memory rounds sent before the pause
 * @param stopReason why the live rounds ended
 * @param wave       the wave it moves in (0 first) when the plan moves VMs in waves, else empty
 */
public record MigrationStep(String vm, int vertex, double start, double cutover, double downtime, double bytesSent,
                            int rounds, PreCopy.StopReason stopReason, OptionalInt wave) {

    public MigrationStep {
        if (wave == null) {
            wave = OptionalInt.empty();
        }
    }

    /** A step of a plan without waves. */
    public MigrationStep(String vm, int vertex, double start, double cutover, double downtime, double bytesSent,
                         int rounds, PreCopy.StopReason stopReason) {
        this(vm, vertex, start, cutover, downtime, bytesSent, rounds, stopReason, OptionalInt.empty());
    }

    /** The same step in wave {@code number}. */
    public MigrationStep inWave(int number) {
        return new MigrationStep(vm, vertex, start, cutover, downtime, bytesSent, rounds, stopReason,
                OptionalInt.of(number));
    }

    /** Whether the memory rounds shrank to fit the target downtime. */
    public boolean converged() {
        return stopReason != PreCopy.StopReason.NOT_CONVERGING;
    }
}
