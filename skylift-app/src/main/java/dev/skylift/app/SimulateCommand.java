package dev.skylift.app;

import dev.skylift.app.report.ComparisonReport;
import dev.skylift.app.report.HtmlReport;
import dev.skylift.graph.CommGraph;
import dev.skylift.graph.VertexLabels;
import dev.skylift.order.OrderingOptions;
import dev.skylift.plan.Planner;
import dev.skylift.plan.PreCopy;
import dev.skylift.plan.WanModel;
import dev.skylift.sim.Comparison;
import dev.skylift.sim.Scenario;
import dev.skylift.sim.Simulator;
import dev.skylift.sim.Strategies;
import dev.skylift.sim.Strategy;
import dev.skylift.traffic.AffinityRules;
import dev.skylift.traffic.Weight;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code skylift simulate}: plans the migration of an estate with several strategies (random,
 * smallest first, the bandwidth orders, the objective searches, the online method) on the same
 * WAN, and compares what the operator would feel: the longest split of a communicating pair, the
 * bytes that crossed the WAN because of splits, the peak cross-WAN rate and the makespan, with the
 * spread over runs for the randomized strategies, and a verdict. The estate is read exactly as
 * {@code skylift graph} reads it; hubs decided first, last or excluded are left out, as in ordering.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Compares migration strategies on an estate: max stretch, exposure, peak cross-WAN rate, makespan.",
                "Strategies: random, size, rcm, search, stretch, exposure, peak, online-degree, online-traffic."})
final class SimulateCommand implements Callable<Integer> {

    static final String DEFAULT_STRATEGIES = "random,size,rcm,search,exposure,online-degree,online-traffic";

    @Spec
    private CommandSpec spec;

    @Mixin
    private EstateOptions estateOptions;

    @Mixin
    private LinkOptions link;

    @Option(names = "--compare", defaultValue = DEFAULT_STRATEGIES, paramLabel = "LIST",
            description = "Comma-separated strategies (default: ${DEFAULT-VALUE}).")
    private String compare;

    @Option(names = "--runs", defaultValue = "20", paramLabel = "N", description = "Runs of each randomized strategy (default: ${DEFAULT-VALUE}).")
    private int runs;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Base seed of every run (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--time-limit", defaultValue = "1", paramLabel = "TIME", converter = Seconds.class,
            description = "Time of each ordering search: the bandwidth order and each objective search; " + Seconds.SYNTAX + " (default: ${DEFAULT-VALUE}).")
    private double timeLimitSeconds;

    @Option(names = "--json", description = "Print the comparison as one JSON object instead of the table.")
    private boolean json;

    @Option(names = "--report", paramLabel = "FILE", description = "Write an HTML report of the comparison.")
    private Path reportFile;

    @Override
    public Integer call() {
        if (runs < 1) {
            throw new IllegalArgumentException("--runs " + runs + " must be at least 1");
        }
        if (link.concurrency < 1) {
            throw new IllegalArgumentException("--concurrency " + link.concurrency + " must be at least 1");
        }
        List<Strategy> strategies = Strategies.parse(compare);
        WanModel wan = link.wan();
        OrderingOptions options = OrderCommand.options(timeLimitSeconds, seed);
        checkReport(reportFile);
        EstateOptions.Input input = estateOptions.read();
        PrintWriter err = spec.commandLine().getErr();
        Comparison comparison;
        try (Progress progress = Progress.start(strategies.size(), err)) {
            comparison = compare(input, wan, link.concurrency, strategies, runs, seed, options, progress);
        }
        CommGraph graph = comparison.graph();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            SimulateOutput.printJson(out, comparison);
        } else {
            SimulateOutput.printTable(out, comparison, input.inventory().size() - graph.vertexCount());
        }
        if (reportFile != null) {
            HtmlReport.write(ComparisonReport.of(comparison, "the estate of " + estateOptions.inventoryFile,
                    estateOptions.sources(), SimulateOutput.verdict(comparison.verdict())), reportFile);
            err.println("report: " + reportFile);
        }
        out.flush();
        err.flush();
        return 0;
    }

    /**
     * Runs {@code strategies} on the estate's VMs that the hub decisions leave to the order, one
     * progress step per strategy.
     */
    static Comparison compare(EstateOptions.Input input, WanModel link, int concurrency, List<Strategy> strategies,
                              int runs, long seed, OrderingOptions options, Progress progress) {
        if (input.estate().graph().weight() != Weight.BYTES) {
            throw new IllegalArgumentException("the simulator needs traffic in bytes, but the graph's weight is "
                    + input.estate().graph().weight().toString().toLowerCase(Locale.ROOT)
                    + ". Give flow records that carry bytes, or --weight bytes");
        }
        CommGraph graph = input.estate().graph().orderedGraph(input.decisions());
        Scenario scenario = new Scenario(graph, input.sizes(graph.labels()), within(input.rules(), graph.labels()),
                Planner.rollingWindow(link, concurrency, PreCopy.defaults()), options);
        var next = new int[] {0};
        progress.starting(strategies.get(0).name());
        return Simulator.compare(scenario, strategies, runs, seed, (strategy, run, of) -> {
            if (run == of) {
                progress.done();
                if (++next[0] < strategies.size()) {
                    progress.starting(strategies.get(next[0]).name());
                }
            }
        });
    }

    /** The report's folder must exist and the file must not be a folder: checked before any work. */
    private static void checkReport(Path file) {
        if (file == null) {
            return;
        }
        Path parent = file.toAbsolutePath().getParent();
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("--report " + file + " is a folder. Name an HTML file, e.g. report.html");
        }
        if (parent != null && !Files.isDirectory(parent)) {
            throw new IllegalArgumentException("--report " + file + ": the folder " + parent + " does not exist. Create it first");
        }
    }

    /**
     * The rules' {@code before} and {@code together} among the VMs planned: a rule naming a hub moved
     * first, last or excluded is the hub decision's business, not the order's.
     */
    static AffinityRules within(AffinityRules rules, VertexLabels labels) {
        var before = rules.before().stream()
                .filter(p -> labels.indexOf(p.first()) >= 0 && labels.indexOf(p.then()) >= 0).toList();
        var together = rules.together().stream()
                .map(group -> group.stream().filter(vm -> labels.indexOf(vm) >= 0).toList())
                .filter(group -> group.size() > 1).toList();
        return new AffinityRules(rules.groups(), rules.pairs(), rules.sharedServices(), before, together, rules.hubs());
    }
}
