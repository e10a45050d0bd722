package dev.skylift.app.report;

import dev.skylift.graph.CommGraph;
import dev.skylift.graph.GraphGenerators;
import dev.skylift.graph.VertexLabels;
import dev.skylift.plan.MigrationPlan;
import dev.skylift.plan.PlanMetrics;
import dev.skylift.plan.Planner;
import dev.skylift.plan.PreCopy;
import dev.skylift.plan.VmSize;
import dev.skylift.plan.WanModel;
import dev.skylift.sim.Spread;
import dev.skylift.traffic.AffinityRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Small and large report models built from plain orders, for the report's tests. */
final class ReportFixtures {

    static final WanModel WAN = WanModel.parse("1Gbps", "40ms", null);
    private static final long MB = 1_000_000;

    private ReportFixtures() {
    }

    /** A path of {@code names} with a chord, 20 GB/day per pair, VMs of 2 GB memory and 1-5 GB disk. */
    static CommGraph graph(List<String> names) {
        int n = names.size();
        var builder = CommGraph.builder(n, n + 1, true);
        for (int v = 0; v + 1 < n; v++) {
            builder.addEdge(v, v + 1, 20_000 * MB);
        }
        if (n > 3) {
            builder.addEdge(0, n - 1, 5_000 * MB);
        }
        return builder.build(VertexLabels.of(names));
    }

    /** A seeded random graph of {@code n} VMs and about {@code edges} pairs. */
    static CommGraph randomGraph(int n, int edges, long seed) {
        var random = new SplittableRandom(seed);
        var builder = CommGraph.builder(n, edges, true);
        for (int i = 0; i < edges; i++) {
            int u = random.nextInt(n);
            int v = Math.min(n - 1, Math.max(0, u + random.nextInt(-50, 51)));
            builder.addEdge(u, v, 1 + random.nextInt(1_000) * MB);
        }
        List<String> names = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            names.add("vm-" + v);
        }
        return builder.build(VertexLabels.of(names));
    }

    static List<VmSize> sizes(CommGraph graph) {
        List<VmSize> sizes = new ArrayList<>();
        for (int v = 0; v < graph.vertexCount(); v++) {
            sizes.add(new VmSize(graph.labels().label(v), 2_000 * MB, (1 + v % 5) * 1_000 * MB, 0));
        }
        return sizes;
    }

    static MigrationPlan plan(CommGraph graph, int[] order, int concurrency) {
        return Planner.rollingWindow(WAN, concurrency, PreCopy.defaults()).plan(graph, order, sizes(graph),
                AffinityRules.none());
    }

    static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    static int[] reversed(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = n - 1 - i;
        }
        return order;
    }

    static int[] shuffled(int n, SplittableRandom random) {
        return GraphGenerators.randomPermutation(n, random);
    }

    /**
     * A comparison on {@code graph}: {@code first} and {@code second} deterministic (in path order
     * and reversed) and {@code random} over 6 seeded runs with a competitive ratio, the first best.
     */
    static ReportModel model(CommGraph graph, String first, String second, int concurrency) {
        int n = graph.vertexCount();
        MigrationPlan a = plan(graph, identity(n), concurrency);
        MigrationPlan b = plan(graph, reversed(n), concurrency);
        var random = new SplittableRandom(7);
        List<PlanMetrics> runs = new ArrayList<>();
        MigrationPlan drawn = null;
        for (int run = 0; run < 6; run++) {
            MigrationPlan plan = plan(graph, shuffled(n, random), concurrency);
            drawn = drawn == null ? plan : drawn;
            runs.add(PlanMetrics.of(plan, graph));
        }
        var strategies = List.of(
                ReportModel.Strategy.deterministic(first, a, PlanMetrics.of(a, graph)),
                ReportModel.Strategy.deterministic(second, b, PlanMetrics.of(b, graph)),
                ReportModel.Strategy.randomized("random", drawn, runs.get(0), runs).withCompetitiveRatio(
                        new ReportModel.CompetitiveRatio("max stretch", first, Spread.of(1.5, 2, 2.5, 3))));
        return new ReportModel("Test report", ReportModel.Estate.of("a test estate", graph, List.of("inventory.yaml")),
                graph, strategies, first, first + " wins.", Map.of("runs", "6"));
    }
}
