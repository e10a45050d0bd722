package dev.skylift.plan;

import static dev.skylift.plan.PlanFixtures.MB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.skylift.traffic.AffinityRules;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreCopyTest {

    private static final double EPS = 1e-9;

    private static MigrationStep alone(VmSize vm, WanModel wan, PreCopy preCopy) {
        MigrationPlan plan = Planner.rollingWindow(wan, 1, preCopy)
                .plan(PlanFixtures.noEdges(vm.name()), new int[] {0}, List.of(vm), AffinityRules.none());
        return plan.steps().get(0);
    }

    @Test
    void memoryRoundsShrinkUntilTheRemainderFitsTheTargetDowntime() {
        // 100 MB/s, RTT 40 ms, target downtime 50 ms; no disk, 1000 MB memory dirtied at 10 MB/s.
        // round 1: 1000 MB / 100 MB/s = 10 s     -> dirtied 10 MB/s * 10 s  = 100 MB (1 s > 50 ms: go on)
        // round 2:  100 MB                =  1 s  -> dirtied 10 MB            (0.1 s > 50 ms: go on)
        // round 3:   10 MB                = 0.1 s -> dirtied 1 MB             (0.01 s <= 50 ms: stop)
        // stop-and-copy 1 MB = 0.01 s, ending at 11.11 s; commit round-trip 0.04 s: cutover 11.15 s.
        // downtime 0.01 + 0.04 = 0.05 s; sent 1000 + 100 + 10 + 1 = 1111 MB.
        var vm = new VmSize("db", 1000 * MB, 0, 10 * MB);
        var wan = WanModel.of(100 * MB, Duration.ofMillis(40));

        MigrationStep step = alone(vm, wan, new PreCopy(Duration.ofMillis(50), 30));

        assertThat(step.rounds()).isEqualTo(3);
        assertThat(step.stopReason()).isEqualTo(PreCopy.StopReason.FITS_DOWNTIME);
        assertThat(step.converged()).isTrue();
        assertThat(step.start()).isZero();
        assertThat(step.cutover()).isCloseTo(11.15, within(EPS));
        assertThat(step.downtime()).isCloseTo(0.05, within(EPS));
        assertThat(step.bytesSent()).isCloseTo(1111.0 * MB, within(1e-3));
    }

    @Test
    void diskGoesFirstAndIsSentOnce() {
        // 500 MB disk = 5 s, then 1000 MB memory at 10 MB/s dirty: the same rounds as above, 5 s later.
        // cutover 5 + 11.11 = 16.11 s with no RTT; downtime 0.01 s.
        var vm = new VmSize("app", 1000 * MB, 500 * MB, 10 * MB);

        MigrationStep step = alone(vm, PlanFixtures.LINK, new PreCopy(Duration.ofMillis(50), 30));

        assertThat(step.cutover()).isCloseTo(16.11, within(EPS));
        assertThat(step.downtime()).isCloseTo(0.01, within(EPS));
        assertThat(step.bytesSent()).isCloseTo(1611.0 * MB, within(1e-3));
    }

    @Test
    void aVmDirtyingFasterThanItsShareDoesNotConvergeAndStopsToCopyEverything() {
        // The stream cap gives the VM 10 MB/s; it dirties 20 MB/s, so rounds would grow.
        // No live round: stop-and-copy of the whole 100 MB at 10 MB/s = 10 s of downtime.
        var vm = new VmSize("cache", 100 * MB, 0, 20 * MB);
        var wan = PlanFixtures.LINK.withStreamCap(10 * MB);

        MigrationStep step = alone(vm, wan, PreCopy.defaults());

        assertThat(step.converged()).isFalse();
        assertThat(step.stopReason()).isEqualTo(PreCopy.StopReason.NOT_CONVERGING);
        assertThat(step.rounds()).isZero();
        assertThat(step.downtime()).isCloseTo(10, within(EPS));
        assertThat(step.cutover()).isCloseTo(10, within(EPS));
        assertThat(step.bytesSent()).isCloseTo(100.0 * MB, within(1e-3));
    }

    @Test
    void theRoundLimitStopsARoundThatStillShrinks() {
        // 1000 MB dirtied at 50 MB/s over 100 MB/s, at most 2 live rounds, target 50 ms.
        // round 1: 10 s -> 500 MB dirtied; round 2: 5 s -> 250 MB; limit reached: stop-and-copy 250 MB = 2.5 s.
        // cutover 17.5 s, downtime 2.5 s, sent 1750 MB.
        var vm = new VmSize("busy", 1000 * MB, 0, 50 * MB);

        MigrationStep step = alone(vm, PlanFixtures.LINK, new PreCopy(Duration.ofMillis(50), 2));

        assertThat(step.stopReason()).isEqualTo(PreCopy.StopReason.ROUND_LIMIT);
        assertThat(step.converged()).isTrue();
        assertThat(step.rounds()).isEqualTo(2);
        assertThat(step.downtime()).isCloseTo(2.5, within(EPS));
        assertThat(step.cutover()).isCloseTo(17.5, within(EPS));
        assertThat(step.bytesSent()).isCloseTo(1750.0 * MB, within(1e-3));
    }

    @Test
    void aSmallMemoryIsCopiedStoppedWhenItFitsTheTargetDowntime() {
        // 20 MB at 100 MB/s = 0.2 s <= 300 ms: no live round; the whole memory is the stop-and-copy.
        var vm = new VmSize("tiny", 20 * MB, 0, 5 * MB);

        MigrationStep step = alone(vm, PlanFixtures.LINK, PreCopy.defaults());

        assertThat(step.rounds()).isZero();
        assertThat(step.stopReason()).isEqualTo(PreCopy.StopReason.FITS_DOWNTIME);
        assertThat(step.downtime()).isCloseTo(0.2, within(EPS));
    }
}
