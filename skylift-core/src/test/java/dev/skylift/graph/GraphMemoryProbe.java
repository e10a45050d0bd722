package dev.skylift.graph;

import java.lang.management.ManagementFactory;

/**
 * Builds a random 1,000,000-vertex, 5,000,000-edge graph in a JVM started by
 * {@link CommGraphMemoryIT} with a small heap, and prints the heap the finished graph retains.
 * Arguments: {@code weighted|unweighted}.
 */
public final class GraphMemoryProbe {

    private GraphMemoryProbe() {
    }

    public static void main(String[] args) {
        boolean weighted = args.length > 0 && args[0].equals("weighted");
        CommGraph graph = GraphGenerators.random(1_000_000, 5_000_000, weighted ? 1e6 : 1.0, 7L);
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long max = Runtime.getRuntime().maxMemory();
        System.out.println("vertices=" + graph.vertexCount() + " edges=" + graph.edgeCount() + " weighted="
                + graph.isWeighted() + " retainedBytes=" + used + " maxHeapBytes=" + max);
    }
}
