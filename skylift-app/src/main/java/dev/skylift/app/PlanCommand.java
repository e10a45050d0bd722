package dev.skylift.app;

import dev.skylift.graph.CommGraph;
import dev.skylift.io.PlanJson;
import dev.skylift.order.Orderers;
import dev.skylift.order.OrderingOptions;
import dev.skylift.plan.HubPlacement;
import dev.skylift.plan.MigrationPlan;
import dev.skylift.plan.MigrationStep;
import dev.skylift.plan.Objective;
import dev.skylift.plan.PlanMetrics;
import dev.skylift.plan.Planner;
import dev.skylift.plan.Planning;
import dev.skylift.plan.PreCopy;
import dev.skylift.plan.WanModel;
import dev.skylift.traffic.HubTreatment;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code skylift plan}: reads an estate as {@code skylift graph} does, orders its VMs with the
 * ordering engine, improves the order for the chosen objective, times every VM's move over the WAN
 * (rolling window or waves) and writes the plan as JSON, the executor's input, with a summary of what
 * it predicts. Hubs the rules move first or last, or exclude, are planned too ({@link HubPlacement}).
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Plans the migration of an estate: the order, every VM's start and cutover over the WAN, and the "
                + "predicted stretch, exposure and peak; writes the plan as JSON."})
final class PlanCommand implements Callable<Integer> {

    private static final int FIRST_STEPS = 10;

    @Spec
    private CommandSpec spec;

    @Mixin
    private EstateOptions estateOptions;

    @Mixin
    private LinkOptions link;

    @Option(names = "--waves", description = "Move in waves of K: the next wave starts when the whole wave has cut over "
            + "(default: a rolling window, a VM starts as soon as a slot is free).")
    private boolean waves;

    @Option(names = "--objective", defaultValue = "exposure", paramLabel = "NAME",
            description = "What to tune the order for: stretch, exposure or peak (default: ${DEFAULT-VALUE}).")
    private String objectiveName;

    @Option(names = "--method", defaultValue = "auto", paramLabel = "METHOD",
            description = "The ordering method the search starts from: auto, rcm, search, ... (default: ${DEFAULT-VALUE}).")
    private String method;

    @Option(names = "--time-limit", defaultValue = "10", paramLabel = "TIME", converter = Seconds.class,
            description = "Time for the ordering and the search together; " + Seconds.SYNTAX + " (default: ${DEFAULT-VALUE}).")
    private double timeLimitSeconds;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Seed of any randomness (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--target-downtime", defaultValue = "300ms", paramLabel = "TIME",
            description = "The longest pause accepted for a VM's last memory copy (default: ${DEFAULT-VALUE}).")
    private String targetDowntime;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the plan as JSON (the executor's input).")
    private Path outFile;

    @Option(names = "--json", description = "Print the plan as JSON instead of the summary.")
    private boolean json;

    /** Plans every VM of the estate on {@code measured} (its graph as {@link HubPlacement#measured} makes it). */
    static Planning.Result plan(EstateOptions.Input input, CommGraph measured, Planner planner, Objective objective,
                                String method, OrderingOptions options) {
        return Planning.plan(measured, input.decisions(), input.sizes(measured.labels()), input.rules(), planner, objective,
                method, options);
    }

    @Override
    public Integer call() {
        Objective objective = Objective.parse(objectiveName);
        WanModel wan = link.wan();
        var preCopy = new PreCopy(WanModel.parseDuration(targetDowntime), PreCopy.defaults().maxRounds());
        Planner planner = waves ? Planner.waves(wan, link.concurrency, preCopy) : Planner.rollingWindow(wan, link.concurrency, preCopy);
        OrderingOptions options = OrderCommand.options(timeLimitSeconds, seed);
        Orderers.byName(method); // an unknown method fails here, before the estate is read

        EstateOptions.Input input = estateOptions.read();
        Map<String, HubTreatment> decisions = input.decisions();
        CommGraph measured = HubPlacement.measured(input.estate().graph().graph(), decisions);
        Planning.Result result = plan(input, measured, planner, objective, method, options);

        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(PlanJson.toJson(result.planned()));
        } else {
            printSummary(out, measured, decisions, result);
        }
        if (outFile != null) {
            PlanJson.write(outFile, result.planned());
            if (!json) {
                out.printf("wrote        %s (the plan as JSON: the executor's input)%n", outFile);
            }
        }
        out.flush();
        return 0;
    }

    private void printSummary(PrintWriter out, CommGraph graph, Map<String, HubTreatment> decisions, Planning.Result result) {
        MigrationPlan plan = result.planned().plan();
        PlanMetrics metrics = result.planned().metrics();
        Objective objective = result.planned().objective();
        out.printf("estate       %s: %,d VMs, %,d communicating pairs%s%n", estateOptions.inventoryFile, graph.vertexCount(),
                graph.edgeCount(), hubs(decisions));
        out.printf(Locale.ROOT, "wan          %s (%s/s), rtt %s%s; %d at once, %s%n", link.wanRate,
                GraphOutput.bytes(plan.wan().bytesPerSecond()), link.rtt, plan.wan().streamBytesPerSecond().isPresent()
                        ? ", " + link.streamCap + " per stream" : "",
                plan.concurrency(), result.planned().inWaves() ? "in waves" : "rolling window");
        out.printf(Locale.ROOT, "order        %s (bandwidth %d), %s for %s (%s before: %s)%s%n", method,
                result.ordering().bandwidth(), objective.of(objective == Objective.STRETCH ? result.decided() : metrics)
                        < result.startValue() ? "improved by local search" : "kept as the engine gave it",
                objective.label(), objective.label(), value(objective, result.startValue()),
                result.startRepaired() ? "; the engine's order was repaired to obey the affinity rules"
                        : "; the engine's order obeyed the affinity rules as it was");
        out.printf(Locale.ROOT, "makespan     %s (bound %s, ×%.2f)%n", time(plan.makespan()), time(plan.makespanLowerBound()),
                plan.makespanRatio());
        PlanMetrics decided = result.decided();
        boolean hubsSplitLonger = metrics.maxStretch() > decided.maxStretch();
        out.printf(Locale.ROOT, "max stretch  %s%s%s%n", time(decided.maxStretch()), pair(decided),
                hubsSplitLonger ? " of the pairs the order decides" : "");
        if (hubsSplitLonger) {
            out.printf(Locale.ROOT, "             %s%s with the pairs of hubs the rules move first or last%n",
                    time(metrics.maxStretch()), pair(metrics));
        }
        out.printf(Locale.ROOT, "exposure     %s crossed the WAN because pairs were split%n", GraphOutput.bytes(metrics.exposureBytes()));
        out.printf(Locale.ROOT, "peak         %s/s cross-WAN at %s%n", GraphOutput.bytes(metrics.peakRate()), time(metrics.peakTime()));
        String longest = metrics.downtimes().entrySet().stream().max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey).orElse("none");
        out.printf(Locale.ROOT, "downtime     longest %.3f s (%s)%n", metrics.maxDowntime(), longest);
        out.printf(Locale.ROOT, "time         order %d ms, search %d ms, plan %d ms, metrics %d ms%n",
                result.orderTime().toMillis(), result.searchTime().toMillis(), result.planTime().toMillis(),
                result.metricsTime().toMillis());
        out.println("first steps  (seconds from the start of the plan)");
        int width = plan.steps().stream().limit(FIRST_STEPS).mapToInt(step -> step.vm().length()).max().orElse(2);
        out.printf(Locale.ROOT, "  %4s  %-" + width + "s %s%10s %10s %9s %10s%n", "#", "vm",
                result.planned().inWaves() ? " wave" : "", "start", "cutover", "downtime", "bytes");
        for (int i = 0; i < Math.min(FIRST_STEPS, plan.steps().size()); i++) {
            MigrationStep step = plan.steps().get(i);
            out.printf(Locale.ROOT, "  %4d  %-" + width + "s %s%10.1f %10.1f %9.3f %10s%n", i + 1, step.vm(),
                    step.wave().isPresent() ? String.format(Locale.ROOT, "%5d", step.wave().getAsInt()) : "",
                    step.start(), step.cutover(), step.downtime(), GraphOutput.bytes(step.bytesSent()));
        }
        if (plan.steps().size() > FIRST_STEPS) {
            out.printf("  ... %,d more (--out FILE or --json for the whole plan)%n", plan.steps().size() - FIRST_STEPS);
        }
    }

    private static String pair(PlanMetrics metrics) {
        return metrics.worstPair().map(pair -> " (" + pair.a() + " – " + pair.b() + ")").orElse("");
    }

    private static String hubs(Map<String, HubTreatment> decisions) {
        String placed = GraphOutput.decisions(decisions);
        return placed.isEmpty() ? "" : "; hubs " + placed;
    }

    private static String value(Objective objective, double value) {
        return switch (objective) {
            case STRETCH -> time(value);
            case EXPOSURE -> GraphOutput.bytes(value);
            case PEAK -> GraphOutput.bytes(value) + "/s";
        };
    }

    /** Seconds as {@code 42.0 s}, {@code 12 min 03 s} or {@code 2 h 05 min}. */
    static String time(double seconds) {
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long whole = Math.round(seconds);
        if (whole < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", whole / 3600, whole % 3600 / 60);
    }
}
