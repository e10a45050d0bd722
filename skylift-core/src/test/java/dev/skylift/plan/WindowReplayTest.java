package dev.skylift.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WindowReplayTest {

    static IntStream seeds() {
        return IntStream.range(0, 80);
    }

    private static WindowReplay replayOf(RandomEstate estate, PrecedenceRepair repair) {
        return new WindowReplay(estate.graph(), repair.units.toArray(new int[0][]),
                repair.predecessors.toArray(new int[0][]),
                RollingWindowPlanner.sizesByVertex(estate.graph().labels(), estate.sizes()), estate.concurrency(),
                estate.wan(), estate.preCopy());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void replaysTheRollingWindowPlannersCutoversExactly(int seed) {
        var random = new Random(seed);
        var estate = RandomEstate.of(random);
        var repair = PrecedenceRepair.of(RandomEstate.shuffled(estate.names().size(), random), estate.graph().labels(),
                estate.rules());
        MigrationPlan plan = Planner.rollingWindow(estate.wan(), estate.concurrency(), estate.preCopy())
                .plan(estate.graph(), repair.order, estate.sizes(), estate.rules());
        var replay = replayOf(estate, repair);

        replay.base(IntStream.range(0, repair.units.size()).toArray());

        double[] expected = plan.cutoversByVertex();
        double[] replayed = replay.baseCutovers();
        for (int v = 0; v < expected.length; v++) {
            assertThat(replayed[v]).as("cutover of %s", estate.names().get(v))
                    .isCloseTo(expected[v], within(1e-6 * Math.max(1, expected[v])));
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void scoresAChangedOrderFromTheBasesStateAsAFullReplayWould(int seed) {
        var random = new Random(seed);
        var estate = RandomEstate.of(random);
        var repair = PrecedenceRepair.of(estate.hidden(), estate.graph().labels(), estate.rules());
        int units = repair.units.size();
        var replay = replayOf(estate, repair);
        replay.scale(3600);
        int[] base = IntStream.range(0, units).toArray();
        replay.base(base);
        // Units with no rule between them may trade places: the rules of a random estate point forward in
        // the hidden order, so reversing a stretch of units without before rules keeps the order valid.
        int from = units < 2 ? 0 : random.nextInt(units - 1);
        int[] changed = base.clone();
        int to = from;
        while (to + 1 < units && repair.predecessors.get(to + 1).length == 0 && to - from < 4) {
            to++;
        }
        for (int i = from, j = to; i < j; i++, j--) {
            int swap = changed[i];
            changed[i] = changed[j];
            changed[j] = swap;
        }

        double incremental = replay.score(changed, from, Double.POSITIVE_INFINITY);
        double full = replayOf(estate, repair).withScale(3600).base(changed);

        assertThat(incremental).isCloseTo(full, within(1e-9 * Math.max(1, full)));
        assertThat(replay.score(changed, from, full / 2)).as("stops once above the bound")
                .isEqualTo(full > 0 ? Double.POSITIVE_INFINITY : 0);
    }
}
