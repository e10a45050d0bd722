package dev.skylift.bench;

import dev.skylift.graph.CommGraph;
import dev.skylift.graph.GraphGenerators;
import dev.skylift.order.CuthillMcKee;
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
 * Reverse Cuthill–McKee on a randomly relabelled k×k×k grid (k = 100: a million vertices, three
 * million edges), the graph the SciPy comparison uses. Measures the ordering alone: the graph is
 * built in setup. Run: {@code java -jar skylift-bench/target/benchmarks.jar RcmBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class RcmBenchmark {

    @Param({"100"})
    public int side;

    @Param({"42"})
    public long seed;

    private CommGraph graph;
    private CuthillMcKee rcm;

    @Setup
    public void setUp() {
        graph = GraphGenerators.shuffle(GraphGenerators.grid(side, side, side), seed);
        rcm = CuthillMcKee.reverse();
    }

    @Benchmark
    public int[] reverseCuthillMcKee() {
        return rcm.permutation(graph);
    }
}
