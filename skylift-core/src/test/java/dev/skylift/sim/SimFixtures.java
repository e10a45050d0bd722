package dev.skylift.sim;

import dev.skylift.order.OrderingOptions;
import dev.skylift.plan.Planner;
import dev.skylift.plan.RandomEstate;
import java.time.Duration;
import java.util.List;
import java.util.Random;

/**
 * Seeded random small estates with rules some order obeys ({@link RandomEstate}), as scenarios with
 * a short, iteration-bounded search.
 */
final class SimFixtures {

    private SimFixtures() {
    }

    record Estate(List<String> names, Scenario scenario, int concurrency) {
    }

    static Estate random(Random random) {
        RandomEstate estate = RandomEstate.of(random);
        var planner = Planner.rollingWindow(estate.wan(), estate.concurrency(), estate.preCopy());
        var options = new OrderingOptions(Duration.ofMillis(50), random.nextLong(), 2_000);
        return new Estate(estate.names(), new Scenario(estate.graph(), estate.sizes(), estate.rules(), planner, options),
                estate.concurrency());
    }
}
