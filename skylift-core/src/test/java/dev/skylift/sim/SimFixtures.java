package dev.skylift.sim;

import dev.skylift.graph.CommGraph;
import dev.skylift.graph.VertexLabels;
import dev.skylift.order.OrderingOptions;
import dev.skylift.plan.Planner;
import dev.skylift.plan.PreCopy;
import dev.skylift.plan.VmSize;
import dev.skylift.plan.WanModel;
import dev.skylift.traffic.AffinityRules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Seeded random small estates with rules some order obeys (drawn from a hidden order: before goes
 * forward in it, together joins neighbours in it), on a random link and concurrency.
 */
final class SimFixtures {

    private static final long MB = 1_000_000;

    private SimFixtures() {
    }

    record Estate(List<String> names, Scenario scenario, int concurrency) {
    }

    static Estate random(Random random) {
        int n = 3 + random.nextInt(22);
        int k = 2 + random.nextInt(3);
        var names = new ArrayList<String>();
        var sizes = new ArrayList<VmSize>();
        for (int v = 0; v < n; v++) {
            names.add("vm" + v);
            long memory = (1 + random.nextInt(64)) * 64 * MB;
            long disk = random.nextInt(4) == 0 ? 0 : random.nextInt(2000) * MB;
            double dirty = random.nextInt(3) == 0 ? 0 : random.nextDouble() * 40 * MB;
            sizes.add(new VmSize("vm" + v, memory, disk, dirty));
        }
        var builder = CommGraph.builder(n);
        for (int e = random.nextInt(3 * n); e > 0; e--) {
            builder.addEdge(random.nextInt(n), random.nextInt(n), 1 + random.nextInt(1_000_000_000));
        }
        CommGraph graph = builder.build(VertexLabels.of(names));
        int[] hidden = IntStream.range(0, n).toArray();
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = hidden[i];
            hidden[i] = hidden[j];
            hidden[j] = swap;
        }
        int[] block = new int[n];
        var together = new ArrayList<List<String>>();
        for (int i = 0, b = 0; i < n; b++) {
            int length = random.nextInt(3) == 0 ? Math.min(n - i, 1 + random.nextInt(k)) : 1;
            var members = new ArrayList<String>();
            for (int j = 0; j < length; j++, i++) {
                block[hidden[i]] = b;
                members.add(names.get(hidden[i]));
            }
            if (length > 1) {
                together.add(members);
            }
        }
        var before = new ArrayList<AffinityRules.Precedence>();
        for (int r = random.nextInt(2 * n); r > 0; r--) {
            int i = random.nextInt(n);
            int j = random.nextInt(n);
            int a = hidden[Math.min(i, j)];
            int b = hidden[Math.max(i, j)];
            if (block[a] != block[b]) {
                before.add(new AffinityRules.Precedence(names.get(a), names.get(b)));
            }
        }
        var rules = new AffinityRules(List.of(), List.of(), List.of(), before, together, Map.of());
        var wan = WanModel.of((10 + random.nextInt(200)) * MB, Duration.ofMillis(random.nextInt(100)));
        var planner = Planner.rollingWindow(wan, k, PreCopy.defaults());
        var options = new OrderingOptions(Duration.ofMillis(50), random.nextLong(), 2_000);
        return new Estate(names, new Scenario(graph, sizes, rules, planner, options), k);
    }
}
