package dev.skylift.app;

import dev.skylift.app.report.ComparisonReport;
import dev.skylift.app.report.HtmlReport;
import dev.skylift.graph.CommGraph;
import dev.skylift.io.FlowReaders;
import dev.skylift.io.PlanJson;
import dev.skylift.plan.HubPlacement;
import dev.skylift.plan.MigrationPlan;
import dev.skylift.plan.Objective;
import dev.skylift.plan.PlanMetrics;
import dev.skylift.plan.Planner;
import dev.skylift.plan.Planning;
import dev.skylift.plan.PreCopy;
import dev.skylift.plan.WanModel;
import dev.skylift.sim.Comparison;
import dev.skylift.sim.Strategies;
import dev.skylift.sim.Strategy;
import dev.skylift.traffic.Hub;
import dev.skylift.traffic.HubTreatment;
import dev.skylift.traffic.SharedServiceInspector;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code skylift demo}: the whole story on the bundled sample estate — its inventory, a day of flow
 * records and the operator's affinity rules become the communication graph, hubs are reported and
 * decided as the rules say, the migration is planned with every strategy on one WAN and the
 * strategies are compared, every VM is planned for exposure (the plan file an executor reads), and
 * an HTML report is written. The files are copied out of the jar and
 * read by the very code {@code skylift graph} and {@code skylift simulate} use.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs the whole story on the bundled sample estate: graph, hubs, plans per strategy, comparison, report.")
final class DemoCommand implements Callable<Integer> {

    static final String ESTATE = "examples/estate";
    static final List<String> FILES = List.of("inventory.yaml", "flows.csv.gz", "affinity.yaml");
    /** The strategies compared: every one the simulator knows but peak (the demo's question is stretch and exposure). */
    static final String STRATEGIES = "random,size,rcm,search,stretch,exposure,online-degree,online-traffic";
    /** Runs of each randomized strategy: enough for a median and quartiles, quick enough for a demo. */
    static final int RUNS = 10;
    /** Time of each ordering search: the whole demo should answer within half a minute. */
    static final double SEARCH_SECONDS = 1;
    /** Time to make the final plan (ordering and objective search) of every VM. */
    static final double PLAN_SECONDS = 4;

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", defaultValue = ".", paramLabel = "DIR",
            description = "Where the report and the plan go (default: the current folder).")
    private Path outDir;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(outDir)) {
            throw new IllegalArgumentException("--out " + outDir + " is not a folder. Create it first");
        }
        Path dir = Files.createTempDirectory("skylift-demo");
        try {
            for (String name : FILES) {
                copyOut(ESTATE + "/" + name, dir.resolve(name));
            }
            run(dir);
        } finally {
            for (String name : FILES) {
                Files.deleteIfExists(dir.resolve(name));
            }
            Files.deleteIfExists(dir);
        }
        return 0;
    }

    private void run(Path dir) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        out.println("Skylift demo: the bundled sample estate (" + ESTATE + "): an inventory, a day of flow records");
        out.println("and the operator's affinity rules become the communication graph; the migration is planned");
        out.println("with each strategy over one WAN, the strategies are compared and a report is written.");
        out.println();
        out.flush();
        List<Strategy> strategies = Strategies.parse(STRATEGIES);
        WanModel wan = WanModel.parse("1Gbps", "40ms", null);
        int concurrency = 4;
        Path reportFile = outDir.resolve("skylift-demo-report.html");
        Path planFile = outDir.resolve("skylift-demo-plan.json");
        EstateOptions estateOptions = new EstateOptions();
        new CommandLine(estateOptions).parseArgs("--inventory", dir.resolve("inventory.yaml").toString(),
                "--flows", dir.resolve("flows.csv.gz").toString(), "--affinity", dir.resolve("affinity.yaml").toString());

        EstateOptions.Input input;
        List<Hub> hubs;
        double readSeconds;
        Comparison comparison;
        CommGraph measured;
        Planning.Result plan;
        try (Progress progress = Progress.start(strategies.size() + 3, err)) {
            progress.starting("reading the estate");
            long started = System.nanoTime();
            input = estateOptions.read();
            hubs = SharedServiceInspector.hubs(input.estate().graph(), SharedServiceInspector.Thresholds.defaults());
            readSeconds = (System.nanoTime() - started) / 1e9;
            progress.done();
            comparison = SimulateCommand.compare(input, wan, concurrency, strategies, RUNS, 1,
                    OrderCommand.options(SEARCH_SECONDS, 1), progress);
            progress.starting("planning every VM for exposure");
            measured = HubPlacement.measured(input.estate().graph().graph(), input.decisions());
            plan = PlanCommand.plan(input, measured, Planner.rollingWindow(wan, concurrency, PreCopy.defaults()),
                    Objective.EXPOSURE, "auto", OrderCommand.options(PLAN_SECONDS, 1));
            PlanJson.write(planFile, plan.planned());
            progress.done();
            progress.starting("writing the report");
            HtmlReport.write(ComparisonReport.of(comparison, "the bundled sample estate",
                    FILES.stream().map(name -> ESTATE + "/" + name).toList(),
                    SimulateOutput.verdict(comparison.verdict())), reportFile);
            progress.done();
        }

        new GraphOutput(ESTATE + "/inventory.yaml",
                List.of(new GraphOutput.Source(ESTATE + "/flows.csv.gz", FlowReaders.Format.CSV.toString())),
                input.estate().graph(), hubs, input.decisions(), SharedServiceInspector.Thresholds.defaults())
                .printSummary(out, readSeconds, 5);
        out.println();
        out.printf(Locale.ROOT, "The %d VMs left once the rules' hub decisions apply (%s), planned with each strategy"
                + " (%d runs of the random ones):%n%n", comparison.graph().vertexCount(), GraphOutput.decisions(input.decisions()), RUNS);
        SimulateOutput.printTable(out, comparison, input.inventory().size() - comparison.graph().vertexCount());
        out.println();
        MigrationPlan whole = plan.planned().plan();
        PlanMetrics metrics = plan.planned().metrics();
        out.printf(Locale.ROOT, "plan:   every one of the %d VMs (hubs placed as the rules decide), tuned for exposure: makespan %s"
                        + " (bound %s), max stretch %s (%s with the hubs moved first or last), exposure %s,"
                        + " longest downtime %.1f s%n",
                whole.steps().size(), PlanCommand.time(whole.makespan()), PlanCommand.time(whole.makespanLowerBound()),
                PlanCommand.time(plan.decided().maxStretch()), PlanCommand.time(metrics.maxStretch()),
                GraphOutput.bytes(metrics.exposureBytes()), metrics.maxDowntime());
        out.println("        " + planFile + " (the executor's input, JSON)");
        out.println("report: " + reportFile + " (open it in a browser: graph coloured by order, timeline, cross-WAN traffic)");
        out.println();
        out.println("Try: ./skylift plan --inventory " + ESTATE + "/inventory.yaml --flows " + ESTATE
                + "/flows.csv.gz --affinity " + ESTATE + "/affinity.yaml --objective stretch --out plan.json");
        out.println("     ./skylift simulate --inventory " + ESTATE + "/inventory.yaml --flows " + ESTATE
                + "/flows.csv.gz --affinity " + ESTATE + "/affinity.yaml --report report.html");
        out.println("     ./skylift graph --inventory " + ESTATE + "/inventory.yaml --flows " + ESTATE
                + "/flows.csv.gz --affinity " + ESTATE + "/affinity.yaml --edges estate.edges --svg estate.svg");
        out.flush();
    }

    private static void copyOut(String resource, Path target) {
        try (InputStream in = DemoCommand.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the sample " + resource + " is missing from the jar");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
