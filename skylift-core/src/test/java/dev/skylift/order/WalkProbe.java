package dev.skylift.order;

import dev.skylift.graph.CommGraph;
import dev.skylift.graph.GraphGenerators;
import dev.skylift.io.MatrixMarketReader;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Hand-run probe, not a test: runs single walks of {@link BandwidthSearch} from reverse
 * Cuthill–McKee, one per seed, and prints when each reached each bandwidth, to compare variants of
 * the walk by how many seeds reach a target in a given time. Arguments: file, seconds, acceptance
 * aim, target bandwidth (the walk stops there), walk number, then the seeds; system property
 * {@code probe.relabel} renumbers the vertices at random with that seed first. Run from the test
 * classpath, e.g. {@code java -cp skylift-core/target/classes:skylift-core/target/test-classes
 * dev.skylift.order.WalkProbe will199.mtx 10 0.15 64 0 1 2 3}.
 */
public final class WalkProbe {
    public static void main(String[] args) {
        CommGraph read = MatrixMarketReader.read(Path.of(args[0]));
        Long relabel = Long.getLong("probe.relabel");
        CommGraph graph = relabel == null ? read : GraphGenerators.shuffle(read, relabel);
        double seconds = Double.parseDouble(args[1]);
        double acceptance = Double.parseDouble(args[2]);
        int target = Integer.parseInt(args[3]);
        int walkIndex = Integer.parseInt(args[4]);
        for (int i = 5; i < args.length; i++) {
            long seed = Long.parseLong(args[i]);
            long start = System.nanoTime();
            int[] rcm = CuthillMcKee.reverse().permutation(graph);
            StringBuilder trace = new StringBuilder();
            var walk = new BandwidthSearch.Walk(graph, rcm, BandwidthSearch.restartRoots(graph, seed), walkIndex,
                    seed * 31 + walkIndex, acceptance, target, start + (long) (seconds * 1e9), Long.MAX_VALUE,
                    new AtomicBoolean(), (bandwidth, order) -> trace.append(
                            String.format(" %d@%.1fs", bandwidth, (System.nanoTime() - start) / 1e9)));
            walk.run();
            System.out.printf("seed %d best %d iterations %d episodes %d:%s%n", seed, walk.bestBandwidth,
                    walk.iterations, walk.episodes(), trace);
        }
    }
}
