package dev.skylift.app.bench;

import dev.skylift.app.Seconds;
import dev.skylift.app.Progress;
import dev.skylift.graph.CommGraph;
import dev.skylift.graph.GraphGenerators;
import dev.skylift.graph.VertexLabels;
import dev.skylift.io.MatrixMarketReader;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code skylift bench bandwidth}: runs an ordering method on every MatrixMarket instance of a
 * folder, checks each order independently, and compares it with the literature's best-known values.
 */
@Command(name = "bandwidth", mixinStandardHelpOptions = true,
        description = "Runs an ordering method on every .mtx instance in a folder and compares with best-known bandwidths.")
final class BandwidthBenchCommand implements Callable<Integer> {

    /** Instances below this many vertices are "small" in the literature's tables. */
    static final int SMALL_LIMIT = 200;

    @Spec
    private CommandSpec spec;

    @Option(names = "--instances", required = true, paramLabel = "DIR", description = "Folder of .mtx instances.")
    private Path instances;

    @Option(names = "--best-known", paramLabel = "CSV",
            description = "Table instance,n,edges,lower_bound,best_known,optimal,source (optional).")
    private Path bestKnownFile;

    @Option(names = "--method", defaultValue = "auto", paramLabel = "METHOD",
            description = "Ordering method (default: ${DEFAULT-VALUE}).")
    private String method;

    @Option(names = "--time-limit", defaultValue = "10", paramLabel = "TIME", converter = Seconds.class,
            description = "Time allowed per instance; " + Seconds.SYNTAX + " (default: ${DEFAULT-VALUE}).")
    private double timeLimitSeconds;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--csv", paramLabel = "OUT", description = "Also write the table as CSV.")
    private Path csvOut;

    @Option(names = "--records", paramLabel = "DIR",
            description = "Where to keep the order of any result below the best-known value; an order already kept at "
                    + "that bandwidth stays as it is (default: do not keep).")
    private Path recordsDir;

    @Option(names = "--relabel", paramLabel = "SEED",
            description = "Renumber each instance's vertices at random with this seed before ordering; the check "
                    + "still reads the original file. Results must not depend on how a file happens to number its vertices.")
    private Long relabelSeed;

    @Option(names = "--only", paramLabel = "NAME", split = ",", description = "Run only these instances.")
    private List<String> only;

    /** One instance's outcome. */
    record Result(String instance, int n, int m, int lowerBound, int bandwidth, Integer bestKnown, double seconds,
                  boolean proved, boolean verified) {

        Double gapPercent() {
            return bestKnown == null || bestKnown == 0 ? null : 100.0 * (bandwidth - bestKnown) / bestKnown;
        }
    }

    @Override
    public Integer call() {
        Orderer orderer = Orderers.byName(method);
        OrderingOptions options = new OrderingOptions(Duration.ofNanos((long) (timeLimitSeconds * 1e9)), seed);
        BestKnownTable bestKnown = bestKnownFile == null ? BestKnownTable.empty() : BestKnownTable.read(bestKnownFile);
        List<Path> files = instanceFiles();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (files.isEmpty()) {
            err.println("skylift: no .mtx files in " + instances);
            return 1;
        }
        out.printf("bench bandwidth: method=%s time-limit=%ss instances=%d (%s) cores=%d%s%n", method,
                trim(timeLimitSeconds), files.size(), instances, Runtime.getRuntime().availableProcessors(),
                relabelSeed == null ? "" : " relabelled with seed " + relabelSeed);
        out.flush();
        List<Result> results = new ArrayList<>();
        long started = System.nanoTime();
        try (Progress progress = Progress.start(files.size(), err)) {
            for (Path file : files) {
                String instance = instanceName(file);
                progress.starting(instance);
                results.add(run(file, instance, orderer, options, bestKnown, err));
                progress.done();
            }
        }
        double totalSeconds = (System.nanoTime() - started) / 1e9;
        printTable(out, results);
        printSummary(out, "small (n<" + SMALL_LIMIT + ")", results.stream().filter(r -> r.n() < SMALL_LIMIT).toList(), null);
        printSummary(out, "large (n>=" + SMALL_LIMIT + ")", results.stream().filter(r -> r.n() >= SMALL_LIMIT).toList(), null);
        printSummary(out, "summary", results, totalSeconds);
        out.flush();
        if (csvOut != null) {
            writeCsv(csvOut, results);
        }
        return results.stream().allMatch(Result::verified) ? 0 : 1;
    }

    private Result run(Path file, String instance, Orderer orderer, OrderingOptions options, BestKnownTable table,
                       PrintWriter err) {
        long started = System.nanoTime();
        CommGraph read = MatrixMarketReader.read(file);
        CommGraph graph = relabelSeed == null ? read : relabelled(read, relabelSeed ^ instance.hashCode());
        Ordering ordering = orderer.order(graph, options);
        double seconds = (System.nanoTime() - started) / 1e9;
        List<String> labels = ordering.labels(graph.labels());
        int checked = IndependentCheck.bandwidth(file, labels);
        boolean verified = checked == ordering.bandwidth();
        if (!verified) {
            err.printf("VERIFICATION FAILED on %s: the ordering reports bandwidth %d, the file gives %d%n",
                    instance, ordering.bandwidth(), checked);
        }
        Integer best = table.get(instance).map(BestKnownTable.Entry::bestKnown).orElse(null);
        table.get(instance).map(BestKnownTable.Entry::n).filter(n -> n != graph.vertexCount()).ifPresent(n ->
                err.printf("warning: %s has %d vertices but the best-known table says %d%n", instance,
                        graph.vertexCount(), n));
        if (verified && best != null && ordering.bandwidth() < best) {
            // A claimed record is checked a second time, from a fresh read, before anyone believes it.
            int again = IndependentCheck.bandwidth(file, List.copyOf(labels));
            verified = again == ordering.bandwidth();
            err.println("*".repeat(78));
            err.printf("*** NEW RECORD? %s: bandwidth %d is below the best-known %d; checked twice: %s%n", instance,
                    ordering.bandwidth(), best, verified ? "confirmed" : "NOT CONFIRMED (" + again + ")");
            if (recordsDir != null && verified) {
                Path kept = recordsDir.resolve(instance + ".bw" + ordering.bandwidth() + ".order");
                if (Files.exists(kept)) {
                    err.printf("*** an order of this bandwidth is already kept in %s (left as it is)%n", kept);
                } else {
                    keepRecord(kept, instance, graph, ordering);
                    err.printf("*** the order is kept in %s%n", kept);
                }
            }
            err.println("*".repeat(78));
            err.flush();
        }
        return new Result(instance, graph.vertexCount(), graph.edgeCount(), ordering.lowerBound().value(),
                ordering.bandwidth(), best, seconds, ordering.optimal(), verified);
    }

    /** The graph with its vertices renumbered at random, each keeping its label from the file. */
    private static CommGraph relabelled(CommGraph graph, long seed) {
        String[] names = new String[graph.vertexCount()];
        for (int v = 0; v < names.length; v++) {
            names[v] = graph.labels().label(v);
        }
        return GraphGenerators.shuffle(graph.withLabels(VertexLabels.of(names)), seed);
    }

    private void keepRecord(Path file, String instance, CommGraph graph, Ordering ordering) {
        try {
            Files.createDirectories(recordsDir);
            List<String> lines = new ArrayList<>();
            lines.add("# " + instance + ": bandwidth " + ordering.bandwidth() + " by " + ordering.method()
                    + "; one vertex label (1-based) per line, position 1 first");
            lines.addAll(ordering.labels(graph.labels()));
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Path> instanceFiles() {
        if (!Files.isDirectory(instances)) {
            throw new IllegalArgumentException("--instances " + instances + " is not a folder");
        }
        try (Stream<Path> listing = Files.list(instances)) {
            return listing.filter(p -> p.getFileName().toString().endsWith(".mtx"))
                    .filter(p -> only == null || only.contains(instanceName(p)))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + instances + ": " + e.getMessage(), e);
        }
    }

    private static void printTable(PrintWriter out, List<Result> results) {
        out.printf("%-10s %5s %6s %5s %6s %6s %8s %8s %6s%n", "instance", "n", "m", "lb", "result", "best", "gap%",
                "seconds", "proved");
        for (Result r : results) {
            out.printf("%-10s %5d %6d %5d %6d %6s %8s %8.3f %6s%s%n", r.instance(), r.n(), r.m(), r.lowerBound(),
                    r.bandwidth(), r.bestKnown() == null ? "-" : r.bestKnown().toString(),
                    r.gapPercent() == null ? "-" : String.format(Locale.ROOT, "%.2f", r.gapPercent()), r.seconds(),
                    r.proved() ? "yes" : "no", r.verified() ? "" : "  VERIFICATION FAILED");
        }
    }

    private static void printSummary(PrintWriter out, String label, List<Result> results, Double seconds) {
        List<Result> withBest = results.stream().filter(r -> r.bestKnown() != null).toList();
        long matched = withBest.stream().filter(r -> r.bandwidth() == r.bestKnown()).count();
        long better = withBest.stream().filter(r -> r.bandwidth() < r.bestKnown()).count();
        long proved = results.stream().filter(Result::proved).count();
        double meanGap = withBest.stream().mapToDouble(Result::gapPercent).average().orElse(0);
        double totalSeconds = seconds != null ? seconds : results.stream().mapToDouble(Result::seconds).sum();
        out.printf(Locale.ROOT, "%s: instances=%d with-best-known=%d matched=%d better=%d proved-optimal=%d "
                        + "mean-gap=%.2f%% seconds=%.1f%n", label, results.size(), withBest.size(), matched, better,
                proved, meanGap, totalSeconds);
    }

    private static void writeCsv(Path file, List<Result> results) {
        List<String> lines = new ArrayList<>();
        lines.add("instance,n,m,lower_bound,result,best_known,gap_percent,seconds,proved,verified");
        for (Result r : results) {
            lines.add(String.join(",", r.instance(), Integer.toString(r.n()), Integer.toString(r.m()),
                    Integer.toString(r.lowerBound()), Integer.toString(r.bandwidth()),
                    r.bestKnown() == null ? "" : r.bestKnown().toString(),
                    r.gapPercent() == null ? "" : String.format(Locale.ROOT, "%.2f", r.gapPercent()),
                    String.format(Locale.ROOT, "%.3f", r.seconds()), Boolean.toString(r.proved()),
                    Boolean.toString(r.verified())));
        }
        try {
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static String instanceName(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".mtx".length());
    }

    private static String trim(double seconds) {
        return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
    }
}
