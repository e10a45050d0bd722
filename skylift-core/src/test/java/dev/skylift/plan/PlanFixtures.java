package dev.skylift.plan;

import dev.skylift.graph.CommGraph;
import dev.skylift.graph.VertexLabels;
import dev.skylift.traffic.AffinityRules;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Small estates whose timelines are easy to work out by hand. Sizes are in MB (10^6 bytes). */
final class PlanFixtures {

    static final long MB = 1_000_000;
    /** 100 MB/s: a 1000 MB VM takes 10 s alone. */
    static final WanModel LINK = WanModel.of(100 * MB, Duration.ZERO);
    /** 300 ms target downtime, 30 rounds. */
    static final PreCopy PRE_COPY = PreCopy.defaults();

    private PlanFixtures() {
    }

    static VmSize vm(String name, long diskMb, long memoryMb) {
        return new VmSize(name, memoryMb * MB, diskMb * MB, 0);
    }

    /** A graph on the named VMs with no edges. */
    static CommGraph noEdges(String... names) {
        return CommGraph.builder(names.length).build(VertexLabels.of(names));
    }

    /** A weighted graph: each edge is {u, v, bytes per second}, stored as bytes per day. */
    static CommGraph rates(List<String> names, double[]... edges) {
        var builder = CommGraph.builder(names.size());
        for (double[] e : edges) {
            builder.addEdge((int) e[0], (int) e[1], e[2] * PlanMetrics.SECONDS_PER_DAY);
        }
        return builder.build(VertexLabels.of(names));
    }

    static AffinityRules rules(List<AffinityRules.Precedence> before, List<List<String>> together) {
        return new AffinityRules(List.of(), List.of(), List.of(), before, together, Map.of());
    }
}
