package dev.skylift.plan;

/**
 * The move of one VM as a sequence of phases (disk, live memory rounds, stop-and-copy), each a number
 * of bytes sent at whatever rate the transfer gets. The planner says when a phase ends; this class
 * decides the next one, so the timeline and the isolated estimate follow one model ({@link PreCopy}).
 */
final class Transfer {

    enum Phase { DISK, ROUND, STOP_COPY, COMMIT }

    final int vertex;
    final VmSize size;
    private final PreCopy policy;

    Phase phase;
    double phaseBytes;
    double phaseStart;
    /** The shared work counter at which this phase ends (see {@code RollingWindowPlanner}). */
    double endWork;
    double start;
    double bytesSent;
    int rounds;
    PreCopy.StopReason stopReason;
    double finish;

    Transfer(int vertex, VmSize size, PreCopy policy) {
        this.vertex = vertex;
        this.size = size;
        this.policy = policy;
    }

    /** Starts at {@code now}; the first phase is the disk, or memory when there is no disk. */
    void begin(double now, double share) {
        start = now;
        if (size.diskBytes() > 0) {
            enter(Phase.DISK, size.diskBytes(), now);
        } else {
            decideMemory(size.memoryBytes(), now, share);
        }
    }

    /** The current phase has sent its bytes at {@code now}; decides what comes next at rate {@code share}. */
    void phaseEnded(double now, double share) {
        bytesSent += phaseBytes;
        switch (phase) {
            case DISK -> decideMemory(size.memoryBytes(), now, share);
            case ROUND -> {
                double dirtied = size.dirtyBytesPerSecond() * (now - phaseStart);
                decideMemory(Math.min(size.memoryBytes(), dirtied), now, share);
            }
            case STOP_COPY -> {
                finish = now;
                phase = Phase.COMMIT;
            }
            case COMMIT -> throw new IllegalStateException("VM " + size.name() + " has already sent its bytes");
        }
    }

    private void decideMemory(double pending, double now, double share) {
        if (pending <= share * policy.targetDowntimeSeconds()) {
            stop(PreCopy.StopReason.FITS_DOWNTIME, pending, now);
        } else if (size.dirtyBytesPerSecond() >= share) {
            stop(PreCopy.StopReason.NOT_CONVERGING, pending, now);
        } else if (rounds >= policy.maxRounds()) {
            stop(PreCopy.StopReason.ROUND_LIMIT, pending, now);
        } else {
            rounds++;
            enter(Phase.ROUND, pending, now);
        }
    }

    private void stop(PreCopy.StopReason reason, double pending, double now) {
        stopReason = reason;
        enter(Phase.STOP_COPY, pending, now);
    }

    private void enter(Phase next, double bytes, double now) {
        phase = next;
        phaseBytes = bytes;
        phaseStart = now;
    }

    /** The pause: stop-and-copy plus the commit round-trip. */
    double downtime(double rttSeconds) {
        return finish - phaseStart + rttSeconds;
    }
}
