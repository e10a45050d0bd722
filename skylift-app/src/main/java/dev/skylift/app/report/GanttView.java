package dev.skylift.app.report;

import dev.skylift.plan.MigrationPlan;
import dev.skylift.plan.MigrationStep;
import java.util.Arrays;
import java.util.Locale;

/**
 * A plan's timeline as inline SVG: one row per VM in start order, a bar from its start to its
 * cutover coloured by its place in the order, its pause (stop-and-copy and commit) dark at the end,
 * and above the rows how many VMs were moving at each moment, so the waves and the concurrency
 * show. Every strategy is drawn on the same time axis so that switching between them compares.
 */
final class GanttView {

    private static final double WIDTH = 1000;
    private static final double STRIP = 56;
    private static final double AXIS = 28;
    /** Above this many VMs the names are left to the tooltips. */
    private static final int LABEL_LIMIT = 150;
    /** The narrowest drawn pause, so a 0.3 s downtime in a day-long plan still shows. */
    private static final double MIN_PAUSE_WIDTH = 1.5;

    private GanttView() {
    }

    /** The SVG of {@code plan}, {@code axisSeconds} wide, with the order scale {@code palette}. */
    static String svg(MigrationPlan plan, int index, double axisSeconds, String[] palette) {
        var steps = plan.steps();
        int n = steps.size();
        double labelWidth = n <= LABEL_LIMIT ? 150 : 44;
        double plotWidth = WIDTH - labelWidth - 16;
        double row = Math.max(0.5, Math.min(9, 900.0 / Math.max(1, n)));
        double top = STRIP + 14;
        double height = top + n * row + AXIS;
        double span = axisSeconds > 0 ? axisSeconds : 1;
        StringBuilder out = new StringBuilder(260 * n + 4000);
        out.append(String.format(Locale.ROOT, "<svg class=\"gantt\" data-index=\"%d\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" "
                + "aria-label=\"migration timeline\">%n", index, WIDTH, height));
        Text.TimeAxis unit = Text.timeAxis(span);
        double[] ticks = ticks(span / unit.seconds());
        out.append("<g class=\"grid\">\n");
        for (double tick : ticks) {
            double x = labelWidth + tick * unit.seconds() / span * plotWidth;
            out.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%.1f\"/>"
                    + "<text x=\"%.1f\" y=\"%.1f\">%s</text>%n", x, x, height - AXIS + 4, x, height - 10, Text.number(tick)));
        }
        out.append(String.format(Locale.ROOT, "<text class=\"axis-title\" x=\"%.1f\" y=\"%.1f\">%s since the start</text>%n",
                labelWidth - 14, height - 10, unit.name()));
        out.append("</g>\n");
        out.append(inFlight(plan, labelWidth, plotWidth, span));
        out.append("<g class=\"bars\">\n");
        for (int i = 0; i < n; i++) {
            MigrationStep step = steps.get(i);
            double y = top + i * row;
            double x0 = labelWidth + step.start() / span * plotWidth;
            double x2 = labelWidth + step.cutover() / span * plotWidth;
            double pause = Math.max(MIN_PAUSE_WIDTH, step.downtime() / span * plotWidth);
            double x1 = Math.max(x0, x2 - pause);
            String name = Text.escape(step.vm());
            out.append(String.format(Locale.ROOT, "<g><title>%s: #%d, starts %s, cuts over %s, paused %s, sends %s</title>"
                            + "<rect x=\"%.1f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%s\"/>"
                            + "<rect class=\"pause\" x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\"/>",
                    name, i + 1, Text.duration(step.start()), Text.duration(step.cutover()),
                    Text.duration(step.downtime()), Text.bytes(step.bytesSent()), x0, y + row * 0.1,
                    Math.max(0.5, x1 - x0), row * 0.8, palette[Palette.step(i, n)], x1, y + row * 0.1, x2 - x1,
                    row * 0.8));
            if (n <= LABEL_LIMIT) {
                out.append(String.format(Locale.ROOT, "<text class=\"vm\" x=\"%.1f\" y=\"%.2f\">%s</text>",
                        labelWidth - 6, y + row * 0.85, name));
            }
            out.append("</g>\n");
        }
        out.append("</g>\n");
        return out.append("</svg>\n").toString();
    }

    /** The number of VMs moving over time, as a filled step curve in the strip above the rows. */
    private static String inFlight(MigrationPlan plan, double labelWidth, double plotWidth, double span) {
        int n = plan.steps().size();
        double[] starts = new double[n];
        double[] ends = new double[n];
        for (int i = 0; i < n; i++) {
            starts[i] = plan.steps().get(i).start();
            ends[i] = plan.steps().get(i).cutover();
        }
        Arrays.sort(starts);
        Arrays.sort(ends);
        int most = Math.max(1, plan.concurrency());
        double base = STRIP;
        double unit = (STRIP - 12) / most;
        StringBuilder path = new StringBuilder(String.format(Locale.ROOT, "M%.1f %.1f", labelWidth, base));
        int moving = 0;
        int s = 0;
        int e = 0;
        while (s < n || e < n) {
            double t = e >= n || s < n && starts[s] < ends[e] ? starts[s] : ends[e];
            while (e < n && ends[e] == t) {
                moving--;
                e++;
            }
            while (s < n && starts[s] == t) {
                moving++;
                s++;
            }
            double x = labelWidth + t / span * plotWidth;
            path.append(String.format(Locale.ROOT, "H%.1fV%.1f", x, base - moving * unit));
        }
        path.append("Z");
        return String.format(Locale.ROOT, "<g class=\"inflight\"><text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">moving</text>"
                        + "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">(≤ %d)</text>"
                        + "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"limit\"/>"
                        + "<path d=\"%s\"/></g>%n", labelWidth - 6, base - 20, labelWidth - 6, base - 6, most,
                labelWidth, base - most * unit, labelWidth + plotWidth, base - most * unit, path);
    }

    /** Round tick values from 0 to at most {@code span}: steps of 1, 2 or 5 × 10^k, about eight of them. */
    static double[] ticks(double span) {
        double raw = Math.max(span, 1e-9) / 8;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / power < 1.5 ? power : raw / power < 3.5 ? 2 * power : raw / power < 7.5 ? 5 * power : 10 * power;
        int count = (int) Math.floor(span / step + 1e-9) + 1;
        double[] ticks = new double[count];
        for (int i = 0; i < count; i++) {
            ticks[i] = i * step;
        }
        return ticks;
    }
}
