package dev.skylift.bench;

import dev.skylift.graph.CommGraph;
import dev.skylift.graph.GraphGenerators;
import dev.skylift.order.OnlineOrderer;
import dev.skylift.order.OrderingOptions;
import dev.skylift.plan.MigrationPlan;
import dev.skylift.plan.PlanMetrics;
import dev.skylift.plan.Planner;
import dev.skylift.plan.PreCopy;
import dev.skylift.plan.VmSize;
import dev.skylift.plan.WanModel;
import dev.skylift.sim.Scenario;
import dev.skylift.sim.Strategies;
import dev.skylift.sim.Strategy;
import dev.skylift.traffic.AffinityRules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The online method at the scale: 10,000 VMs and 200,000 communicating pairs (a random
 * graph, weights up to 1 GB a day, VM sizes 1-64 GiB memory and up to 500 GiB disk). Measures one
 * online run: alone, one VM at a time ({@code order}), and as a plan with 8 VMs moving at once
 * plus its metrics ({@code planAndMetrics}), the hidden graph feeding the observations. Run:
 * {@code java -jar skylift-bench/target/benchmarks.jar OnlineBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class OnlineBenchmark {

    @Param({"10000"})
    public int vms;

    @Param({"200000"})
    public long pairs;

    @Param({"online-degree", "online-traffic"})
    public String strategy;

    private CommGraph graph;
    private Scenario scenario;
    private Strategy online;
    private OnlineOrderer orderer;
    private long seed;

    @Setup
    public void setUp() {
        graph = GraphGenerators.random(vms, pairs, 1e9, 42);
        var random = new Random(42);
        List<VmSize> sizes = new ArrayList<>();
        for (int v = 0; v < vms; v++) {
            sizes.add(new VmSize(graph.labels().label(v), (1L + random.nextInt(64)) << 30,
                    (long) random.nextInt(500) << 30, random.nextDouble() * (20 << 20)));
        }
        var planner = Planner.rollingWindow(WanModel.of(1.25e9, Duration.ofMillis(40)), 8, PreCopy.defaults());
        scenario = new Scenario(graph, sizes, AffinityRules.none(), planner, OrderingOptions.defaults());
        online = Strategies.byName(strategy);
        orderer = new OnlineOrderer(strategy.equals("online-degree") ? OnlineOrderer.Variant.DEGREE
                : OnlineOrderer.Variant.TRAFFIC, 1);
    }

    @Benchmark
    public int[] order() {
        return orderer.order(graph, OrderingOptions.defaults().withSeed(++seed)).order();
    }

    @Benchmark
    public PlanMetrics planAndMetrics() {
        MigrationPlan plan = online.plan(scenario, ++seed);
        return PlanMetrics.of(plan, graph);
    }
}
