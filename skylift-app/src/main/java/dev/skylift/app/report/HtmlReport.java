package dev.skylift.app.report;

import dev.skylift.app.GraphPicture;
import dev.skylift.plan.MigrationPlan;
import dev.skylift.plan.PlanMetrics;
import dev.skylift.plan.WanModel;
import dev.skylift.sim.Spread;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link ReportModel} as one self-contained HTML file that opens offline: the
 * communication graph coloured by migration order, a Gantt chart of the migration, the cross-WAN
 * traffic curve of every strategy on one chart, and the metrics table with spreads and the verdict.
 * A strategy switch recolours the graph and swaps the timeline.
 *
 * <p>How. The graph and the timelines are SVG drawn here (the graph laid out by
 * {@link GraphPicture#positions}); the traffic chart is uPlot (MIT, Leon Sorokin), whose minified
 * script is read from its WebJar on the classpath and inlined. The data the page's script needs is
 * one JSON block ({@code <script type="application/json" id="skylift-data">}) in which every
 * {@code <}, {@code >}, {@code &} and line separator is written as a Unicode escape, so no VM name can end
 * the block; every name in the markup is HTML-escaped.
 *
 * <p>Scale. The graph is drawn up to {@value #GRAPH_LIMIT} VMs and {@value #EDGE_LIMIT} pairs, a
 * timeline up to {@value #GANTT_LIMIT} VMs (every strategy's while their bars stay under
 * {@value #BAR_LIMIT}, else the best one's); above that the page says so. A traffic curve of more
 * than {@value #CURVE_LIMIT} points is drawn as its upper envelope over {@value #CURVE_BUCKETS}
 * equal intervals, which keeps its peak.
 */
public final class HtmlReport {

    static final int GRAPH_LIMIT = 1500;
    static final int EDGE_LIMIT = 20_000;
    static final int GANTT_LIMIT = 1500;
    static final int BAR_LIMIT = 6000;
    static final int CURVE_LIMIT = 2000;
    static final int CURVE_BUCKETS = 1000;
    /** Seed of the Java graph layout, so a report is the same every time. */
    private static final long LAYOUT_SEED = 1;
    private static final String UPLOT = "META-INF/resources/webjars/uplot/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HtmlReport() {
    }

    /** Writes the report of {@code model} to {@code file}, replacing it. */
    public static void write(ReportModel model, Path file) {
        try {
            Files.writeString(file, render(model), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + file + ": " + e.getMessage(), e);
        }
    }

    /** The report's HTML. */
    static String render(ReportModel model) {
        var graph = model.graph();
        int n = graph.vertexCount();
        var strategies = model.strategies();
        int bestIndex = strategies.indexOf(model.bestStrategy());
        String[] palette = Palette.order();
        boolean drawGraph = n <= GRAPH_LIMIT && graph.edgeCount() <= EDGE_LIMIT;
        boolean drawGantt = n <= GANTT_LIMIT;
        boolean everyGantt = drawGantt && (long) n * strategies.size() <= BAR_LIMIT;
        GraphPicture.Positions positions = drawGraph ? GraphPicture.positions(graph, LAYOUT_SEED) : null;

        StringBuilder html = new StringBuilder(1 << 16);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Text.escape(model.title())).append("</title>\n<style>\n")
                .append(uplot("dist/uPlot.min.css")).append('\n').append(resource("report.css"))
                .append("</style>\n</head>\n<body>\n");
        header(html, model);
        html.append("<nav class=\"switch\" aria-label=\"strategy shown\"><span>Show the plan of</span>");
        for (int i = 0; i < strategies.size(); i++) {
            html.append(String.format(Locale.ROOT, "<button type=\"button\" data-index=\"%d\" style=\"--c:%s\"%s>", i,
                    Palette.strategy(i), i == bestIndex ? " class=\"on\" aria-pressed=\"true\"" : " aria-pressed=\"false\""))
                    .append(Text.escape(strategies.get(i).name())).append("</button>");
        }
        html.append("</nav>\n");

        html.append("<section id=\"graph\"><h2>Communication graph, coloured by migration order "
                + "<span class=\"shown\"></span></h2>\n");
        if (drawGraph) {
            int[] worst = worstPair(model, model.bestStrategy());
            html.append(GraphView.svg(graph, positions, ranks(model.bestStrategy().plan(), n), worst, palette))
                    .append(GraphView.legend(palette, GraphView.maxWeight(graph)))
                    .append("<p class=\"note\">").append(n).append(" VMs, ").append(graph.edgeCount())
                    .append(" communicating pairs; layout: ").append(Text.escape(positions.how()))
                    .append(". Hover a VM for its name and place in the order.</p>\n");
        } else {
            html.append(String.format(Locale.ROOT, "<p class=\"note\">The graph has %,d VMs and %,d", n, graph.edgeCount()))
                    .append(" pairs: more than this page draws (").append(GRAPH_LIMIT).append(" VMs, ").append(EDGE_LIMIT)
                    .append(" pairs). Use <code>skylift graph --svg</code> for a picture of it.</p>\n");
        }
        html.append("</section>\n");

        html.append("<section id=\"gantt\"><h2>Migration timeline <span class=\"shown\"></span></h2>\n"
                + "<p class=\"note\">One row per VM in start order: the bar runs from the start of its transfer to "
                + "its cutover, coloured by its place in the order; the dark end is its pause (stop-and-copy and "
                + "commit, drawn at least 1.5 px wide). The strip above counts the VMs moving at once.</p>\n");
        if (drawGantt) {
            double axis = strategies.stream().mapToDouble(s -> s.plan().makespan()).max().orElse(0);
            for (int i = 0; i < strategies.size(); i++) {
                if (everyGantt || i == bestIndex) {
                    String svg = GanttView.svg(strategies.get(i).plan(), i, axis, palette);
                    html.append(i == bestIndex ? svg
                            : svg.replaceFirst("<svg class=\"gantt\"", "<svg hidden=\"\" class=\"gantt\""));
                }
            }
            if (!everyGantt) {
                html.append("<p class=\"note missing\" hidden>The timeline of this strategy is not drawn: with ").append(n)
                        .append(" VMs the page keeps only the best strategy's.</p>\n");
            }
        } else {
            html.append(String.format(Locale.ROOT, "<p class=\"note\">With %,d VMs the timeline is not drawn", n))
                    .append(" (the page draws up to ").append(GANTT_LIMIT).append("); the plan's JSON has every VM's times.</p>\n");
        }
        html.append("</section>\n");

        html.append("<section id=\"traffic\"><h2>Cross-WAN traffic of split pairs, every strategy</h2>\n"
                + "<p class=\"note\">While a communicating pair is split its traffic crosses the WAN; the area under "
                + "a curve is the strategy's exposure. Click a name in the legend to hide its curve.</p>\n"
                + "<div id=\"traffic-chart\"></div>\n</section>\n");

        table(html, model, bestIndex);
        settings(html, model, drawGraph ? positions.how() : null);
        html.append("<footer>Made by Skylift. Charts: uPlot ").append(Text.escape(uplotVersion()))
                .append(" (MIT License, © Leon Sorokin), inlined.</footer>\n");

        html.append("<script type=\"application/json\" id=\"skylift-data\">")
                .append(safeJson(data(model, bestIndex, palette, drawGraph))).append("</script>\n");
        html.append("<script>\n").append(uplot("dist/uPlot.iife.min.js").replace("</", "<\\/")).append("\n</script>\n");
        html.append("<script>\n").append(resource("report.js")).append("</script>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void header(StringBuilder html, ReportModel model) {
        var estate = model.estate();
        MigrationPlan plan = model.bestStrategy().plan();
        html.append("<header><h1>").append(Text.escape(model.title())).append("</h1>\n<p class=\"sub\">")
                .append(Text.escape(estate.description()))
                .append(String.format(Locale.ROOT, " · %,d VMs · %,d communicating pairs · WAN ", estate.vms(), estate.pairs()))
                .append(Text.bits(plan.wan().bytesPerSecond()))
                .append(", RTT ").append(Text.duration(plan.wan().rttSeconds())).append(" · ").append(plan.concurrency())
                .append(" VMs at once</p></header>\n");
        html.append("<p class=\"verdict\">").append(Text.escape(model.verdict())).append("</p>\n");
        ReportModel.Strategy best = model.bestStrategy();
        ReportModel.Strategy baseline = model.strategies().stream()
                .filter(s -> s.randomized() && !s.name().equals(best.name())).findFirst().orElse(null);
        html.append("<div class=\"cards\">");
        card(html, "max stretch", Text.duration(best.maxStretch().median()), best.maxStretch().median(),
                baseline == null ? null : baseline.maxStretch().median(), baseline);
        card(html, "exposure", Text.bytes(best.exposure().median()), best.exposure().median(),
                baseline == null ? null : baseline.exposure().median(), baseline);
        card(html, "peak cross-WAN", Text.rate(best.peak().median()), best.peak().median(),
                baseline == null ? null : baseline.peak().median(), baseline);
        card(html, "makespan", Text.duration(best.makespan().median()), best.makespan().median(),
                baseline == null ? null : baseline.makespan().median(), baseline);
        html.append("</div>\n<p class=\"note\">Cards: the best strategy, <b>").append(Text.escape(best.name()))
                .append("</b>").append(baseline == null ? "" : ", against the median of <b>"
                        + Text.escape(baseline.name()) + "</b>").append(".</p>\n");
    }

    private static void card(StringBuilder html, String what, String value, double mine, Double theirs,
                             ReportModel.Strategy baseline) {
        html.append("<div class=\"card\"><div class=\"what\">").append(what).append("</div><div class=\"value\">")
                .append(Text.escape(value)).append("</div>");
        if (theirs != null) {
            String comparison = mine == theirs || mine > 0 && Math.abs(theirs / mine - 1) < 0.02 ? "about the same as "
                    : mine > 0 && theirs > mine ? Text.number(theirs / mine) + "× lower than "
                    : mine > 0 ? Text.number(mine / theirs) + "× higher than " : "none, against some for ";
            html.append("<div class=\"than\">").append(comparison).append(Text.escape(baseline.name())).append("</div>");
        }
        html.append("</div>");
    }

    private static void table(StringBuilder html, ReportModel model, int bestIndex) {
        var strategies = model.strategies();
        boolean ratios = strategies.stream().anyMatch(s -> !s.competitiveRatios().isEmpty());
        List<Function<ReportModel.Strategy, Spread>> columns = List.of(ReportModel.Strategy::maxStretch,
                ReportModel.Strategy::exposure, ReportModel.Strategy::peak, ReportModel.Strategy::makespan);
        List<Function<Double, String>> units = List.of(Text::duration, Text::bytes, Text::rate, Text::duration);
        html.append("<section id=\"table\"><h2>Strategies compared</h2>\n<table class=\"metrics\">\n<thead><tr>"
                + "<th>strategy</th><th>max stretch</th><th>exposure</th><th>peak cross-WAN</th><th>makespan</th>");
        if (ratios) {
            html.append("<th>competitive ratio</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (int i = 0; i < strategies.size(); i++) {
            ReportModel.Strategy s = strategies.get(i);
            html.append(String.format(Locale.ROOT, "<tr data-index=\"%d\"%s><th scope=\"row\">"
                    + "<span class=\"dot\" style=\"background:%s\"></span>", i, i == bestIndex ? " class=\"best\"" : "",
                    Palette.strategy(i))).append(Text.escape(s.name()));
            if (i == bestIndex) {
                html.append(" <span class=\"badge\">best</span>");
            }
            html.append("<div class=\"spread\">").append(s.randomized() ? "randomized, " + s.runs() + " runs" : "deterministic")
                    .append("</div></th>");
            for (int c = 0; c < columns.size(); c++) {
                var column = columns.get(c);
                double scaleMax = strategies.stream().mapToDouble(x -> column.apply(x).max()).max().orElse(0);
                html.append("<td>").append(spreadCell(column.apply(s), units.get(c), scaleMax));
                if (c == 3) {
                    html.append("<div class=\"spread\">").append(Text.number(s.plan().makespanRatio()))
                            .append("× its lower bound</div>");
                }
                html.append("</td>");
            }
            if (ratios) {
                html.append("<td>");
                for (var ratio : s.competitiveRatios()) {
                    html.append(spreadCell(ratio.ratio(), v -> Text.number(v) + "×", 0)).append("<div class=\"spread\">")
                            .append(Text.escape(ratio.objective())).append(" over ").append(Text.escape(ratio.against()))
                            .append("</div>");
                }
                if (s.competitiveRatios().isEmpty()) {
                    html.append("<span class=\"spread\">–</span>");
                }
                html.append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n<p class=\"note\">Median in bold; below it the range over the runs "
                + "(min – max) and the middle half (IQR). The bar is the median on a scale shared by "
                + "the column, the dark box the middle half, the whisker the range.</p>\n</section>\n");
    }

    private static String spreadCell(Spread spread, Function<Double, String> unit, double scaleMax) {
        StringBuilder cell = new StringBuilder("<div class=\"v\">").append(Text.escape(unit.apply(spread.median())))
                .append("</div>");
        if (!spread.single()) {
            cell.append("<div class=\"spread\">").append(Text.escape(unit.apply(spread.min()))).append(" – ")
                    .append(Text.escape(unit.apply(spread.max())))
                    .append("<br>IQR ").append(Text.escape(unit.apply(spread.q1()))).append(" – ")
                    .append(Text.escape(unit.apply(spread.q3())))
                    .append("</div>");
        }
        if (scaleMax > 0) {
            double w = 120;
            cell.append(String.format(Locale.ROOT, "<svg class=\"bar\" viewBox=\"0 0 %.0f 10\" aria-hidden=\"true\">"
                            + "<rect x=\"0\" y=\"2\" width=\"%.1f\" height=\"6\"/>", w, spread.median() / scaleMax * w));
            if (!spread.single()) {
                double q1 = spread.q1() / scaleMax * w;
                cell.append(String.format(Locale.ROOT, "<rect class=\"iqr\" x=\"%.1f\" y=\"1\" width=\"%.1f\" height=\"8\"/>",
                        q1, Math.max(1, spread.q3() / scaleMax * w - q1)));
                cell.append(String.format(Locale.ROOT, "<path d=\"M%.1f 5H%.1fM%.1f 1V9M%.1f 1V9\"/>",
                        spread.min() / scaleMax * w, spread.max() / scaleMax * w, spread.min() / scaleMax * w,
                        spread.max() / scaleMax * w));
            }
            cell.append("</svg>");
        }
        return cell.toString();
    }

    private static void settings(StringBuilder html, ReportModel model, String layout) {
        MigrationPlan plan = model.bestStrategy().plan();
        WanModel wan = plan.wan();
        html.append("<section id=\"settings\"><h2>Settings</h2>\n<dl>");
        item(html, "WAN throughput", Text.bits(wan.bytesPerSecond()) + " (" + Text.rate(wan.bytesPerSecond()) + ")");
        item(html, "round-trip time", Text.duration(wan.rttSeconds()));
        item(html, "per-stream cap", wan.streamBytesPerSecond().isPresent()
                ? Text.bits(wan.streamBytesPerSecond().getAsDouble()) : "none");
        item(html, "VMs moving at once", Integer.toString(plan.concurrency()));
        for (Map.Entry<String, String> setting : model.settings().entrySet()) {
            item(html, setting.getKey(), setting.getValue());
        }
        if (!model.estate().sources().isEmpty()) {
            item(html, "read from", String.join(", ", model.estate().sources()));
        }
        if (layout != null) {
            item(html, "graph layout", layout);
        }
        html.append("</dl>\n</section>\n");
    }

    private static void item(StringBuilder html, String term, String value) {
        html.append("<dt>").append(Text.escape(term)).append("</dt><dd>").append(Text.escape(value)).append("</dd>");
    }

    /** The data the page's script reads: per strategy its metrics, spreads, curve and (when drawn) order. */
    private static String data(ReportModel model, int bestIndex, String[] palette, boolean withOrder) {
        ObjectNode root = JSON.createObjectNode();
        root.put("title", model.title());
        root.put("vms", model.graph().vertexCount());
        root.put("pairs", model.graph().edgeCount());
        root.put("best", bestIndex);
        double longest = model.strategies().stream().mapToDouble(s -> s.plan().makespan()).max().orElse(0);
        Text.TimeAxis axis = Text.timeAxis(longest);
        root.putObject("timeAxis").put("name", axis.name()).put("seconds", axis.seconds());
        ArrayNode colours = root.putArray("palette");
        for (String colour : palette) {
            colours.add(colour);
        }
        ArrayNode list = root.putArray("strategies");
        for (int i = 0; i < model.strategies().size(); i++) {
            ReportModel.Strategy s = model.strategies().get(i);
            ObjectNode node = list.addObject();
            node.put("name", s.name());
            node.put("color", Palette.strategy(i));
            node.put("randomized", s.randomized());
            node.put("runs", s.runs());
            spread(node.putObject("maxStretch"), s.maxStretch());
            spread(node.putObject("exposure"), s.exposure());
            spread(node.putObject("peak"), s.peak());
            spread(node.putObject("makespan"), s.makespan());
            ArrayNode ratios = node.putArray("competitiveRatios");
            for (var ratio : s.competitiveRatios()) {
                ObjectNode r = ratios.addObject();
                r.put("objective", ratio.objective());
                r.put("against", ratio.against());
                spread(r.putObject("ratio"), ratio.ratio());
            }
            PlanMetrics m = s.metrics();
            ObjectNode metrics = node.putObject("metrics");
            metrics.put("maxStretch", m.maxStretch());
            metrics.put("exposureBytes", m.exposureBytes());
            metrics.put("peakRate", m.peakRate());
            metrics.put("peakTime", m.peakTime());
            metrics.put("makespan", m.makespan());
            metrics.put("makespanLowerBound", m.makespanLowerBound());
            metrics.put("maxDowntime", m.maxDowntime());
            m.worstPair().ifPresent(pair -> {
                ArrayNode worst = metrics.putArray("worstPair");
                worst.add(pair.a());
                worst.add(pair.b());
            });
            List<PlanMetrics.RatePoint> curve = envelope(m.crossWanCurve());
            ObjectNode c = node.putObject("curve");
            c.put("envelope", curve.size() != m.crossWanCurve().size());
            ArrayNode t = c.putArray("t");
            ArrayNode r = c.putArray("r");
            for (PlanMetrics.RatePoint point : curve) {
                t.add(round(point.time()));
                r.add(round(point.rate()));
            }
            if (withOrder) {
                int[] worst = worstPair(model, s);
                if (worst != null) {
                    node.putArray("worstVertices").add(worst[0]).add(worst[1]);
                }
                ArrayNode ranks = node.putArray("ranks");
                for (int rank : ranks(s.plan(), model.graph().vertexCount())) {
                    ranks.add(rank);
                }
            }
        }
        return JSON.writeValueAsString(root);
    }

    private static void spread(ObjectNode node, Spread spread) {
        node.put("median", spread.median());
        node.put("min", spread.min());
        node.put("max", spread.max());
        node.put("q1", spread.q1());
        node.put("q3", spread.q3());
    }

    /** Millisecond and milli-byte precision is plenty for a chart and keeps the file small. */
    private static double round(double value) {
        return Math.rint(value * 1000) / 1000;
    }

    /**
     * The curve itself when it is short enough; otherwise its upper envelope over
     * {@link #CURVE_BUCKETS} equal intervals: each interval takes the highest rate in force during it,
     * so the peak survives, and the curve still ends at 0.
     */
    static List<PlanMetrics.RatePoint> envelope(List<PlanMetrics.RatePoint> curve) {
        if (curve.size() <= CURVE_LIMIT) {
            return curve;
        }
        double end = curve.get(curve.size() - 1).time();
        double width = end / CURVE_BUCKETS;
        var out = new ArrayList<PlanMetrics.RatePoint>(CURVE_BUCKETS + 1);
        int i = 0;
        double inForce = 0;
        for (int bucket = 0; bucket < CURVE_BUCKETS; bucket++) {
            double from = bucket * width;
            double to = bucket == CURVE_BUCKETS - 1 ? end : (bucket + 1) * width;
            double highest = inForce;
            while (i < curve.size() && curve.get(i).time() < to) {
                inForce = curve.get(i).rate();
                highest = Math.max(highest, inForce);
                i++;
            }
            out.add(new PlanMetrics.RatePoint(from, highest));
        }
        out.add(new PlanMetrics.RatePoint(end, curve.get(curve.size() - 1).rate()));
        return out;
    }

    /** JSON that is safe inside a script element: no character of it can close the element or open a comment. */
    static String safeJson(String json) {
        StringBuilder out = new StringBuilder(json.length() + 64);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Vertex → place in the plan's start order. */
    private static int[] ranks(MigrationPlan plan, int n) {
        int[] ranks = new int[n];
        int[] order = plan.order();
        for (int i = 0; i < order.length; i++) {
            ranks[order[i]] = i;
        }
        return ranks;
    }

    private static int[] worstPair(ReportModel model, ReportModel.Strategy strategy) {
        return strategy.metrics().worstPair().map(pair -> {
            int a = model.graph().labels().indexOf(pair.a());
            int b = model.graph().labels().indexOf(pair.b());
            return a < 0 || b < 0 ? null : new int[] {a, b};
        }).orElse(null);
    }

    private static String uplot(String file) {
        return read(UPLOT + uplotVersion() + "/" + file);
    }

    private static String uplotVersion() {
        Properties properties = new Properties();
        try (InputStream in = HtmlReport.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars.npm/uplot/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("uPlot's WebJar is missing from the classpath; the build must include "
                        + "org.webjars.npm:uplot");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    private static String resource(String name) {
        return read("dev/skylift/app/report/" + name);
    }

    private static String read(String resource) {
        try (InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the report's resource " + resource + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
