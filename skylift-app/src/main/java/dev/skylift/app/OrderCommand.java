package dev.skylift.app;

import dev.skylift.graph.CommGraph;
import dev.skylift.io.GraphReaders;
import dev.skylift.order.Orderer;
import dev.skylift.order.Orderers;
import dev.skylift.order.Ordering;
import dev.skylift.order.OrderingOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code skylift order}: numbers the VMs of a communication graph for migration. */
@Command(name = "order", mixinStandardHelpOptions = true,
        description = {"Orders the vertices of a communication graph so that communicating pairs stay close "
                + "in the migration order (minimum bandwidth).",
                "Reads MatrixMarket coordinate files (.mtx) and edge lists ('u v [weight]' per line)."})
final class OrderCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--graph", required = true, paramLabel = "FILE", description = "The graph: .mtx or an edge list.")
    private Path graphFile;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Force the input format: mtx or edges (default: from the file name and first line).")
    private String format;

    @Option(names = "--method", defaultValue = "auto", paramLabel = "METHOD",
            description = "Ordering method: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
            completionCandidates = MethodNames.class)
    private String method;

    @Option(names = "--time-limit", defaultValue = "10", paramLabel = "TIME", converter = Seconds.class,
            description = "Time allowed for the whole graph; " + Seconds.SYNTAX + " (default: ${DEFAULT-VALUE}).")
    private double timeLimitSeconds;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Seed of any randomness (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--json", description = "Print one JSON object instead of the summary.")
    private boolean json;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the order to FILE, one label per line, first to migrate first.")
    private Path out;

    @Override
    public Integer call() {
        Orderer orderer = Orderers.byName(method);
        OrderingOptions options = options(timeLimitSeconds, seed);
        CommGraph graph = format == null ? GraphReaders.read(graphFile)
                : GraphReaders.read(graphFile, GraphReaders.Format.parse(format));
        Ordering ordering = orderer.order(graph, options);
        if (out != null) {
            writeOrder(out, graph, ordering);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        if (json) {
            OrderOutput.printJson(stdout, graphFile.toString(), method, graph, ordering);
        } else {
            OrderOutput.printText(stdout, graphFile.toString(), method, graph, ordering);
        }
        return 0;
    }

    static OrderingOptions options(double timeLimitSeconds, long seed) {
        if (!(timeLimitSeconds > 0) || Double.isInfinite(timeLimitSeconds)) {
            throw new IllegalArgumentException("--time-limit " + timeLimitSeconds + " must be a positive number of seconds");
        }
        return new OrderingOptions(Duration.ofNanos((long) (timeLimitSeconds * 1e9)), seed);
    }

    static void writeOrder(Path file, CommGraph graph, Ordering ordering) {
        try {
            Files.write(file, ordering.labels(graph.labels()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The method names, for help and completion. */
    static final class MethodNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Orderers.names().iterator();
        }
    }
}
