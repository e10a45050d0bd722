package dev.skylift.plan;

import dev.skylift.graph.CommGraph;
import dev.skylift.graph.GraphGenerators;
import dev.skylift.graph.VertexLabels;
import dev.skylift.order.HiddenOrderRules;
import dev.skylift.traffic.AffinityRules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A random estate for property tests, seeded: 2 to 25 VMs of mixed sizes and dirty rates, random
 * traffic, a WAN with or without a stream cap, and rules drawn consistent with a hidden order
 * (blocks of the hidden order move together, before rules point forward in it), so some order obeys
 * them all.
 */
public record RandomEstate(List<String> names, CommGraph graph, List<VmSize> sizes, AffinityRules rules, int[] hidden,
                    WanModel wan, int concurrency, PreCopy preCopy) {

    public static RandomEstate of(Random random) {
        int n = 2 + random.nextInt(24);
        int k = 1 + random.nextInt(4);
        var names = new ArrayList<String>();
        var sizes = new ArrayList<VmSize>();
        for (int v = 0; v < n; v++) {
            names.add("vm" + v);
            long memory = (1 + random.nextInt(64)) * 64 * PlanFixtures.MB;
            long disk = random.nextInt(4) == 0 ? 0 : random.nextInt(2000) * PlanFixtures.MB;
            double dirty = random.nextInt(3) == 0 ? 0 : random.nextDouble() * 80 * PlanFixtures.MB;
            sizes.add(new VmSize("vm" + v, memory, disk, dirty));
        }
        var builder = CommGraph.builder(n);
        for (int e = random.nextInt(3 * n); e > 0; e--) {
            builder.addEdge(random.nextInt(n), random.nextInt(n), random.nextInt(1_000_000));
        }
        CommGraph graph = builder.build(VertexLabels.of(names));
        // The hidden order cut into blocks of 1..k VMs; blocks of two or more move together.
        var drawn = HiddenOrderRules.draw(names, k, random);
        var wan = WanModel.of((10 + random.nextInt(200)) * PlanFixtures.MB, Duration.ofMillis(random.nextInt(100)));
        if (random.nextBoolean()) {
            wan = wan.withStreamCap((5 + random.nextInt(100)) * PlanFixtures.MB);
        }
        var preCopy = new PreCopy(Duration.ofMillis(random.nextInt(500)), random.nextInt(10));
        return new RandomEstate(names, graph, sizes, PlanFixtures.rules(drawn.before(), drawn.together()), drawn.hidden(), wan,
                k, preCopy);
    }

    static int[] shuffled(int n, Random random) {
        return GraphGenerators.randomPermutation(n, random);
    }
}
