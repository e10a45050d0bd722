package dev.skylift.app.bench;

import dev.skylift.app.Seconds;
import dev.skylift.graph.CommGraph;
import dev.skylift.graph.GraphGenerators;
import dev.skylift.graph.VertexLabels;
import dev.skylift.order.OrderingOptions;
import dev.skylift.plan.MigrationPlan;
import dev.skylift.plan.Objective;
import dev.skylift.plan.PlanMetrics;
import dev.skylift.plan.Planner;
import dev.skylift.plan.Planning;
import dev.skylift.plan.PreCopy;
import dev.skylift.plan.VmSize;
import dev.skylift.plan.WanModel;
import dev.skylift.traffic.AffinityRules;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code skylift bench plan}: the time to order, improve, plan and measure a large estate, on a seeded
 * random one. The estate is made of applications of 3 to 40 VMs; most pairs are inside an
 * application, the rest between nearby applications (estates are built in layers and teams), so the
 * graph has the local structure orders exploit. Sizes follow a realistic spread (memory 1 to 64 GiB,
 * skewed to the small; disk log-uniform 20 GiB to 2 TiB; a third of the VMs dirty memory at up to
 * 40 MiB/s) and traffic is heavy-tailed (Pareto, shape 1.2: a few pairs carry most bytes).
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Times order + objective search + plan + metrics on a seeded random estate.")
final class PlanBenchCommand implements Callable<Integer> {

    private static final double GIB = 1024.0 * 1024 * 1024;
    private static final double MIB = 1024.0 * 1024;

    @Spec
    private CommandSpec spec;

    @Option(names = "--vms", defaultValue = "10000", paramLabel = "N", description = "VMs (default: ${DEFAULT-VALUE}).")
    private int vms;

    @Option(names = "--pairs", defaultValue = "200000", paramLabel = "M", description = "Communicating pairs (default: ${DEFAULT-VALUE}).")
    private int pairs;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed of the estate and the search (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--concurrency", defaultValue = "8", paramLabel = "K", description = "VMs moving at once (default: ${DEFAULT-VALUE}).")
    private int concurrency;

    @Option(names = "--objective", defaultValue = "exposure", paramLabel = "NAME",
            description = "stretch, exposure or peak (default: ${DEFAULT-VALUE}).")
    private String objectiveName;

    @Option(names = "--method", defaultValue = "auto", paramLabel = "METHOD", description = "Ordering method (default: ${DEFAULT-VALUE}).")
    private String method;

    @Option(names = "--time-limit", defaultValue = "8", paramLabel = "TIME", converter = Seconds.class,
            description = "Ordering and search together; half orders, two fifths search; " + Seconds.SYNTAX + " (default: ${DEFAULT-VALUE}).")
    private double timeLimitSeconds;

    @Option(names = "--waves", description = "Plan in waves instead of a rolling window.")
    private boolean waves;

    @Override
    public Integer call() {
        if (vms < 2 || pairs < 1 || (long) pairs > (long) vms * (vms - 1) / 2) {
            throw new IllegalArgumentException("--vms " + vms + " --pairs " + pairs
                    + ": need at least 2 VMs and between 1 and n(n-1)/2 pairs");
        }
        if (!(timeLimitSeconds > 0) || Double.isInfinite(timeLimitSeconds)) {
            throw new IllegalArgumentException("--time-limit " + timeLimitSeconds + " must be a positive number of seconds");
        }
        Objective objective = Objective.parse(objectiveName);
        var random = new Random(seed);
        long madeAt = System.nanoTime();
        CommGraph graph = graph(random);
        List<VmSize> sizes = sizes(random, graph.labels());
        double madeSeconds = (System.nanoTime() - madeAt) / 1e9;
        WanModel wan = WanModel.parse("10Gbps", "40ms", "2Gbps");
        Planner planner = waves ? Planner.waves(wan, concurrency, PreCopy.defaults())
                : Planner.rollingWindow(wan, concurrency, PreCopy.defaults());
        var options = new OrderingOptions(Duration.ofNanos((long) (timeLimitSeconds * 1e9)), seed);

        Planning.Result result = Planning.plan(graph, Map.of(), sizes, AffinityRules.none(), planner, objective, method, options);

        MigrationPlan plan = result.planned().plan();
        PlanMetrics metrics = result.planned().metrics();
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "estate     %,d VMs, %,d pairs, seed %d (made in %.1f s, not timed)%n", graph.vertexCount(),
                graph.edgeCount(), seed, madeSeconds);
        out.printf(Locale.ROOT, "plan       %s, k = %d, 10 Gbps (2 Gbps per stream), rtt 40 ms; objective %s, method %s%n",
                waves ? "waves" : "rolling window", concurrency, objective.label(), method);
        out.printf(Locale.ROOT, "order      %6d ms  (bandwidth %d)%n", result.orderTime().toMillis(), result.ordering().bandwidth());
        out.printf(Locale.ROOT, "search     %6d ms  (%s: %.4g -> %.4g)%n", result.searchTime().toMillis(), objective.label(),
                result.startValue(), objective.of(metrics));
        out.printf(Locale.ROOT, "plan       %6d ms  (makespan %.0f s, bound %.0f s)%n", result.planTime().toMillis(),
                plan.makespan(), plan.makespanLowerBound());
        out.printf(Locale.ROOT, "metrics    %6d ms  (max stretch %.0f s, exposure %.4g B, peak %.4g B/s)%n",
                result.metricsTime().toMillis(), metrics.maxStretch(), metrics.exposureBytes(), metrics.peakRate());
        out.printf(Locale.ROOT, "total      %6d ms%n", result.total().toMillis());
        out.flush();
        return 0;
    }

    private CommGraph graph(Random random) {
        // Applications of 3..40 VMs laid out one after another.
        List<int[]> apps = new ArrayList<>();
        for (int first = 0; first < vms; ) {
            int size = Math.min(vms - first, 3 + random.nextInt(38));
            apps.add(new int[] {first, size});
            first += size;
        }
        int[] appOf = new int[vms];
        for (int a = 0; a < apps.size(); a++) {
            for (int i = 0; i < apps.get(a)[1]; i++) {
                appOf[apps.get(a)[0] + i] = a;
            }
        }
        // Shuffled names: the vertex numbers give the orderer no hint.
        int[] label = GraphGenerators.randomPermutation(vms, random);
        Set<Long> seen = new HashSet<>(pairs * 2);
        var builder = CommGraph.builder(vms, pairs, true);
        int added = 0;
        while (added < pairs) {
            int u = random.nextInt(vms);
            int v;
            if (random.nextDouble() < 0.7) {
                int[] app = apps.get(appOf[u]);
                v = app[0] + random.nextInt(app[1]);
            } else {
                int a = Math.floorMod(appOf[u] + (int) Math.round(random.nextGaussian() * 3), apps.size());
                int[] app = apps.get(a);
                v = app[0] + random.nextInt(app[1]);
            }
            if (u == v) {
                continue;
            }
            long key = ((long) Math.min(label[u], label[v]) << 32) | Math.max(label[u], label[v]);
            if (seen.add(key)) {
                // Pareto, shape 1.2, at least 1 MB a day.
                double bytesPerDay = 1e6 / Math.pow(1 - random.nextDouble(), 1 / 1.2);
                builder.addEdge(label[u], label[v], bytesPerDay);
                added++;
            }
        }
        List<String> names = new ArrayList<>(vms);
        for (int v = 0; v < vms; v++) {
            names.add("vm-" + v);
        }
        return builder.build(VertexLabels.of(names));
    }

    private static List<VmSize> sizes(Random random, VertexLabels labels) {
        int[] memoryGib = {1, 2, 2, 4, 4, 4, 8, 8, 8, 16, 16, 32, 64};
        var sizes = new ArrayList<VmSize>(labels.size());
        for (int v = 0; v < labels.size(); v++) {
            long memory = (long) (memoryGib[random.nextInt(memoryGib.length)] * GIB);
            long disk = (long) (20 * GIB * Math.pow(100, random.nextDouble()));
            double dirty = random.nextInt(3) == 0 ? random.nextDouble() * 40 * MIB : 0;
            sizes.add(new VmSize(labels.label(v), memory, disk, dirty));
        }
        return sizes;
    }
}
