package dev.skylift.app.report;

import dev.skylift.app.GraphCommandAccess;
import dev.skylift.graph.CommGraph;
import dev.skylift.inventory.Inventory;
import dev.skylift.io.AffinityReader;
import dev.skylift.io.InventoryReader;
import dev.skylift.order.Orderers;
import dev.skylift.order.OrderingOptions;
import dev.skylift.plan.MigrationPlan;
import dev.skylift.plan.PlanMetrics;
import dev.skylift.plan.Planner;
import dev.skylift.plan.PreCopy;
import dev.skylift.plan.VmSize;
import dev.skylift.plan.WanModel;
import dev.skylift.traffic.AffinityRules;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A report of the bundled sample estate with three simple strategies (the inventory's order, a
 * seeded random order over 20 runs, reverse Cuthill–McKee) on a 1 Gbps, 40 ms link with 4 VMs at
 * once: what the tests look at, and what {@code main} writes for a person to open.
 */
final class SampleReport {

    static final WanModel WAN = WanModel.parse("1Gbps", "40ms", null);
    static final int CONCURRENCY = 4;
    static final int RANDOM_RUNS = 20;
    static final long SEED = 42;

    private SampleReport() {
    }

    /**
     * Writes the sample report to the path given (default {@code sample-report.html}), from the
     * estate folder given (default: the one on the test classpath).
     */
    public static void main(String[] args) {
        Path out = Path.of(args.length > 0 ? args[0] : "sample-report.html");
        HtmlReport.write(build(args.length > 1 ? Path.of(args[1]) : estateDir()), out);
        System.out.println("wrote " + out.toAbsolutePath());
    }

    static ReportModel build() {
        return build(estateDir());
    }

    static ReportModel build(Path dir) {
        Inventory inventory = InventoryReader.read(dir.resolve("inventory.yaml"));
        AffinityRules rules = AffinityReader.read(dir.resolve("affinity.yaml"), inventory);
        CommGraph graph = GraphCommandAccess.sampleGraph(inventory, rules, dir.resolve("flows.csv.gz"))
                .orderedGraph(rules.hubs());
        List<VmSize> sizes = new ArrayList<>();
        for (int v = 0; v < graph.vertexCount(); v++) {
            sizes.add(VmSize.of(inventory.vm(inventory.indexOf(graph.labels().label(v)))));
        }
        Planner planner = Planner.rollingWindow(WAN, CONCURRENCY, PreCopy.defaults());
        // The rules' before/together name hubs the ordered graph may leave out; the report needs none of them.
        AffinityRules planRules = AffinityRules.none();

        List<ReportModel.Strategy> strategies = new ArrayList<>();
        int[] inventoryOrder = IntStream.range(0, graph.vertexCount()).boxed()
                .sorted(Comparator.comparingInt(v -> inventory.indexOf(graph.labels().label(v))))
                .mapToInt(Integer::intValue).toArray();
        strategies.add(deterministic("inventory", graph, planner.plan(graph, inventoryOrder, sizes, planRules)));

        SplittableRandom random = new SplittableRandom(SEED);
        List<MigrationPlan> plans = new ArrayList<>();
        List<PlanMetrics> runs = new ArrayList<>();
        for (int run = 0; run < RANDOM_RUNS; run++) {
            MigrationPlan plan = planner.plan(graph, ReportFixtures.shuffled(graph.vertexCount(), random), sizes, planRules);
            plans.add(plan);
            runs.add(PlanMetrics.of(plan, graph));
        }
        int median = medianRun(runs);
        strategies.add(ReportModel.Strategy.randomized("random", plans.get(median), runs.get(median), runs));

        int[] rcm = Orderers.byName("rcm").order(graph, OrderingOptions.defaults()).order();
        strategies.add(deterministic("rcm", graph, planner.plan(graph, rcm, sizes, planRules)));

        ReportModel.Strategy best = strategies.stream().min(Comparator.comparingDouble(s -> s.maxStretch().median()))
                .orElseThrow();
        ReportModel.Strategy randomStrategy = strategies.get(1);
        String verdict = String.format(Locale.ROOT,
                "%s: max stretch %s (%.1f× lower than random's median), exposure %s (%.1f× lower).", best.name(),
                Text.duration(best.maxStretch().median()),
                randomStrategy.maxStretch().median() / best.maxStretch().median(),
                Text.bytes(best.exposure().median()), randomStrategy.exposure().median() / best.exposure().median());
        var settings = new LinkedHashMap<String, String>();
        settings.put("random runs", RANDOM_RUNS + " (seed " + SEED + ")");
        settings.put("pre-copy", "target downtime 300 ms, at most 30 memory rounds");
        return new ReportModel("Skylift migration report: sample estate",
                ReportModel.Estate.of("the bundled sample estate", graph, List.of("examples/estate/inventory.yaml",
                        "examples/estate/flows.csv.gz", "examples/estate/affinity.yaml")),
                graph, strategies, best.name(), verdict, settings);
    }

    private static ReportModel.Strategy deterministic(String name, CommGraph graph, MigrationPlan plan) {
        return ReportModel.Strategy.deterministic(name, plan, PlanMetrics.of(plan, graph));
    }

    /** The run whose max stretch is the median (the lower one of an even count): the one drawn. */
    private static int medianRun(List<PlanMetrics> runs) {
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            indices.add(i);
        }
        indices.sort(Comparator.comparingDouble(i -> runs.get(i).maxStretch()));
        return indices.get((runs.size() - 1) / 2);
    }

    private static Path estateDir() {
        try {
            var url = SampleReport.class.getClassLoader().getResource("examples/estate/inventory.yaml");
            if (url == null) {
                throw new IllegalStateException("the sample estate is not on the test classpath");
            }
            return Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
