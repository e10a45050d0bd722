package dev.skylift.app.bench;

import dev.skylift.graph.CommGraph;
import dev.skylift.io.GraphReaders;
import dev.skylift.order.Bandwidth;
import dev.skylift.order.CuthillMcKee;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code skylift bench rcm}: the in-process time of reverse Cuthill–McKee on one graph, after
 * warm-up, for comparison with other implementations on the same file (reading the file is not
 * timed). The JMH benchmark in skylift-bench is the rigorous measure; this is its quick twin.
 */
@Command(name = "rcm", mixinStandardHelpOptions = true,
        description = "Times reverse Cuthill-McKee in process on one graph (file reading excluded).")
final class RcmTimingCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--graph", required = true, paramLabel = "FILE")
    private Path graphFile;

    @Option(names = "--warmup", defaultValue = "5", paramLabel = "N", description = "Untimed runs first (default: ${DEFAULT-VALUE}).")
    private int warmup;

    @Option(names = "--repeat", defaultValue = "10", paramLabel = "N", description = "Timed runs (default: ${DEFAULT-VALUE}).")
    private int repeat;

    @Option(names = "--json", description = "Print one JSON object.")
    private boolean json;

    @Override
    public Integer call() {
        if (repeat < 1 || warmup < 0) {
            throw new IllegalArgumentException("--repeat must be at least 1 and --warmup at least 0");
        }
        CommGraph graph = GraphReaders.read(graphFile);
        CuthillMcKee rcm = CuthillMcKee.reverse();
        int[] order = null;
        for (int i = 0; i < warmup; i++) {
            order = rcm.permutation(graph);
        }
        double[] millis = new double[repeat];
        for (int i = 0; i < repeat; i++) {
            long started = System.nanoTime();
            order = rcm.permutation(graph);
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        int bandwidth = Bandwidth.of(graph, Bandwidth.positions(order, graph.vertexCount()));
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            StringBuilder runs = new StringBuilder();
            for (double m : millis) {
                runs.append(runs.length() == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.3f", m));
            }
            out.printf(Locale.ROOT, "{\"graph\":\"%s\",\"vertices\":%d,\"edges\":%d,\"bandwidth\":%d,"
                            + "\"minMillis\":%.3f,\"medianMillis\":%.3f,\"runsMillis\":[%s]}%n",
                    graphFile.toString().replace("\\", "\\\\").replace("\"", "\\\""), graph.vertexCount(),
                    graph.edgeCount(), bandwidth, sorted[0], median, runs);
        } else {
            out.printf(Locale.ROOT, "%s: n=%,d m=%,d rcm bandwidth=%d; %d runs after %d warm-up: min %.1f ms, "
                            + "median %.1f ms, max %.1f ms%n", graphFile, graph.vertexCount(), graph.edgeCount(), bandwidth,
                    repeat, warmup, sorted[0], median, sorted[sorted.length - 1]);
        }
        out.flush();
        return 0;
    }
}
