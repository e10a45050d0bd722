package dev.skylift.order;

import dev.skylift.graph.CommGraph;
import dev.skylift.graph.ConnectedComponents;
import dev.skylift.io.MatrixMarketReader;
import java.nio.file.Path;

/**
 * Hand-run probe, not a test: times one decision per k on the largest component of a MatrixMarket
 * file, with the DFS alone or (system property {@code probe.sat=true}) CP-SAT alone on
 * {@code probe.workers} threads (default 1), as each engine runs in the race ({@code
 * probe.otherEnd=true}: CP-SAT on the model with the symmetry broken at the path's other end, as
 * the DFS's thread asks it where the DFS stalls). Arguments: file,
 * seconds per decision, then the k to ask. Run from the test classpath, e.g.
 * {@code java -cp skylift-core/target/classes:skylift-core/target/test-classes dev.skylift.order.DecisionProbe
 * instance.mtx 60 29} (add the OR-Tools, protobuf and JNA jars for CP-SAT).
 */
public final class DecisionProbe {
    public static void main(String[] args) {
        CommGraph graph = MatrixMarketReader.read(Path.of(args[0]));
        CommGraph largest = null;
        for (CommGraph part : ConnectedComponents.of(graph).subgraphs(graph)) {
            if (largest == null || part.vertexCount() > largest.vertexCount()) {
                largest = part;
            }
        }
        double seconds = Double.parseDouble(args[1]);
        BandwidthDecision.Problem problem = new BandwidthDecision.Problem(largest);
        for (int i = 2; i < args.length; i++) {
            int k = Integer.parseInt(args[i]);
            long start = System.nanoTime();
            BandwidthDecision.Result result = Boolean.getBoolean("probe.sat")
                    ? BandwidthSatDecision.decide(problem, k, start + (long) (seconds * 1e9), () -> false,
                            Integer.getInteger("probe.workers", 1), Boolean.getBoolean("probe.otherEnd"))
                    : problem.decide(k, start + (long) (seconds * 1e9));
            double took = (System.nanoTime() - start) / 1e9;
            if (result.order() != null) {
                int[] positions = Bandwidth.positions(result.order(), largest.vertexCount());
                if (Bandwidth.of(largest, positions) > k) {
                    throw new AssertionError("order over k");
                }
            }
            System.out.printf("%s n=%d k=%d %s nodes=%d %.2fs%n", Path.of(args[0]).getFileName(),
                    largest.vertexCount(), k, result.answer(), result.nodes(), took);
        }
    }
}
