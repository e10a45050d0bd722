package dev.skylift.app;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.skylift.plan.MigrationPlan;
import dev.skylift.plan.MigrationStep;
import dev.skylift.plan.PlanMetrics;
import dev.skylift.sim.CompetitiveRatio;
import dev.skylift.sim.Comparison;
import dev.skylift.sim.RunMetrics;
import dev.skylift.sim.Spread;
import dev.skylift.sim.StrategyResult;
import dev.skylift.sim.Verdict;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.DoubleFunction;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** What {@code skylift simulate} prints: the comparison as a table with a verdict, or as JSON. */
final class SimulateOutput {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private SimulateOutput() {
    }

    /** The table: one row per strategy, the median of each metric and, for randomized ones, its range. */
    static void printTable(PrintWriter out, Comparison comparison, int leftOut) {
        MigrationPlan any = comparison.strategies().get(0).plan();
        out.printf(Locale.ROOT, "Simulated %d VMs and %d communicating pairs%s over %s, RTT %s, %d VMs at once;%n",
                comparison.graph().vertexCount(), comparison.graph().edgeCount(),
                leftOut > 0 ? " (" + leftOut + " hubs moved first, last or excluded are left out)" : "",
                GraphOutput.bytes(any.wan().bytesPerSecond()) + "/s", seconds(any.wan().rttSeconds()), any.concurrency());
        out.printf(Locale.ROOT, "randomized strategies ran %d times (base seed %d): median [min - max]; others ran once.%n%n",
                comparison.runs(), comparison.baseSeed());
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"strategy", "max stretch", "exposure", "peak cross-WAN", "makespan"});
        for (StrategyResult result : comparison.strategies()) {
            rows.add(new String[] {result.name(),
                    cell(result, result.maxStretch(), SimulateOutput::seconds),
                    cell(result, result.exposure(), GraphOutput::bytes),
                    cell(result, result.peak(), v -> GraphOutput.bytes(v) + "/s"),
                    cell(result, result.makespan(), SimulateOutput::seconds)});
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            var line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                line.append(c == 0 ? "" : "  ").append(c + 1 < row.length ? pad(row[c], widths[c]) : row[c]);
            }
            out.println(line);
        }
        int width = widths[0];
        out.println();
        for (StrategyResult result : comparison.strategies()) {
            if (result.competitive().isPresent()) {
                CompetitiveRatio ratio = result.competitive().get();
                out.printf(Locale.ROOT, "%-" + width + "s  competitive ratio: max stretch %s of %s's, exposure %s of %s's%n",
                        result.name(), ratio(ratio.stretch().orElse(null)), ratio.stretchAgainst(),
                        ratio(ratio.exposure().orElse(null)), ratio.exposureAgainst());
            }
        }
        out.println("verdict: " + verdict(comparison.verdict()));
        out.flush();
    }

    /** The verdict in one sentence, as the table and the report state it. */
    static String verdict(Verdict verdict) {
        return String.format(Locale.ROOT, "%s has the shortest max stretch (%s%s); %s the least exposure (%s%s).",
                verdict.bestStretch(), seconds(verdict.stretch()), factor(verdict.stretchFactor()),
                verdict.bestExposure(), GraphOutput.bytes(verdict.exposure()), factor(verdict.exposureFactor()));
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }

    private static String cell(StrategyResult result, Spread spread, DoubleFunction<String> unit) {
        String median = unit.apply(spread.median());
        return result.randomized() && !spread.single()
                ? median + " [" + unit.apply(spread.min()) + " - " + unit.apply(spread.max()) + "]" : median;
    }

    private static String ratio(Spread spread) {
        if (spread == null) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.2fx [%.2f - %.2f]", spread.median(), spread.min(), spread.max());
    }

    private static String factor(OptionalDouble factor) {
        return factor.isPresent() ? String.format(Locale.ROOT, ", %.1fx lower than random's median", factor.getAsDouble())
                : "";
    }

    /** A duration for people: seconds below two minutes, minutes below two hours, then hours. */
    static String seconds(double value) {
        if (value < 1) {
            return String.format(Locale.ROOT, "%.0f ms", value * 1000);
        }
        if (value < 120) {
            return String.format(Locale.ROOT, value < 10 ? "%.2f s" : "%.0f s", value);
        }
        if (value < 7200) {
            return String.format(Locale.ROOT, "%.1f min", value / 60);
        }
        return String.format(Locale.ROOT, "%.1f h", value / 3600);
    }

    /** The {@code simulate --json} object. Field names are an interface: scripts depend on them. */
    @JsonPropertyOrder({"vms", "pairs", "wanBytesPerSecond", "rttSeconds", "concurrency", "runs", "seed", "millis",
            "strategies", "verdict"})
    record Json(int vms, int pairs, double wanBytesPerSecond, double rttSeconds, int concurrency, int runs, long seed,
                long millis, List<JsonStrategy> strategies, JsonVerdict verdict) {
    }

    /** One strategy: units are seconds, bytes and bytes/s. */
    @JsonPropertyOrder({"name", "description", "randomized", "online", "maxStretch", "exposureBytes", "peakBytesPerSecond",
            "makespan", "competitive", "runs", "representative"})
    record JsonStrategy(String name, String description, boolean randomized, boolean online, Spread maxStretch,
                        Spread exposureBytes, Spread peakBytesPerSecond, Spread makespan, JsonCompetitive competitive,
                        List<RunMetrics> runs, JsonPlan representative) {
    }

    /** An online strategy's result over the best offline one's, per metric (null when undefined). */
    record JsonCompetitive(String stretchAgainst, Spread stretch, String exposureAgainst, Spread exposure) {
    }

    /** The median run's plan: VMs in start order with their times, and its worst pair. */
    @JsonPropertyOrder({"seed", "maxStretch", "worstPair", "exposureBytes", "peakBytesPerSecond", "peakTime", "makespan",
            "makespanLowerBound", "steps"})
    record JsonPlan(long seed, double maxStretch, List<String> worstPair, double exposureBytes, double peakBytesPerSecond,
                    double peakTime, double makespan, double makespanLowerBound, List<JsonStep> steps) {
    }

    /** One VM's move in the representative plan. */
    record JsonStep(String vm, double start, double cutover, double downtime) {
    }

    /** The verdict; a factor is null when random was not compared. */
    record JsonVerdict(String bestStretch, double stretch, Double stretchFactor, String bestExposure, double exposureBytes,
                       Double exposureFactor) {
    }

    static void printJson(PrintWriter out, Comparison comparison) {
        out.println(JSON.writeValueAsString(json(comparison)));
        out.flush();
    }

    static Json json(Comparison comparison) {
        MigrationPlan any = comparison.strategies().get(0).plan();
        var strategies = comparison.strategies().stream().map(SimulateOutput::json).toList();
        Verdict v = comparison.verdict();
        var verdict = new JsonVerdict(v.bestStretch(), v.stretch(), boxed(v.stretchFactor()), v.bestExposure(),
                v.exposure(), boxed(v.exposureFactor()));
        return new Json(comparison.graph().vertexCount(), comparison.graph().edgeCount(), any.wan().bytesPerSecond(),
                any.wan().rttSeconds(), any.concurrency(), comparison.runs(), comparison.baseSeed(),
                comparison.elapsed().toMillis(), strategies, verdict);
    }

    private static JsonStrategy json(StrategyResult result) {
        JsonCompetitive competitive = result.competitive().map(c -> new JsonCompetitive(c.stretchAgainst(),
                c.stretch().orElse(null), c.exposureAgainst(), c.exposure().orElse(null))).orElse(null);
        PlanMetrics metrics = result.metrics();
        var steps = result.plan().steps().stream()
                .map((MigrationStep s) -> new JsonStep(s.vm(), s.start(), s.cutover(), s.downtime())).toList();
        var plan = new JsonPlan(result.representative().seed(), metrics.maxStretch(),
                metrics.worstPair().map(p -> List.of(p.a(), p.b())).orElse(List.of()), metrics.exposureBytes(),
                metrics.peakRate(), metrics.peakTime(), metrics.makespan(), metrics.makespanLowerBound(), steps);
        return new JsonStrategy(result.name(), result.description(), result.randomized(), result.online(),
                result.maxStretch(), result.exposure(), result.peak(), result.makespan(), competitive, result.runs(), plan);
    }

    private static Double boxed(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }
}
