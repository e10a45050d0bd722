package dev.skylift.app.report;

import dev.skylift.app.GraphPicture;
import dev.skylift.graph.CommGraph;
import java.util.Locale;

/**
 * The communication graph as inline SVG, laid out once ({@link GraphPicture#positions}) and coloured
 * by one strategy's migration order; the page's script recolours the same circles for another
 * strategy. Edge width grows with the logarithm of the traffic, the worst-split pair is drawn red.
 */
final class GraphView {

    static final double WIDTH = 960;
    private static final double MARGIN = 24;
    /** Above this many VMs names are left to the tooltips. */
    private static final int LABEL_LIMIT = 120;

    private GraphView() {
    }

    /** The SVG of {@code graph} at {@code positions}, coloured by {@code ranks} (vertex → place in the order). */
    static String svg(CommGraph graph, GraphPicture.Positions positions, int[] ranks, int[] worstPair, String[] palette) {
        int n = graph.vertexCount();
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < n; v++) {
            minX = Math.min(minX, positions.x()[v]);
            maxX = Math.max(maxX, positions.x()[v]);
            minY = Math.min(minY, positions.y()[v]);
            maxY = Math.max(maxY, positions.y()[v]);
        }
        if (n == 0) {
            minX = minY = 0;
            maxX = maxY = 1;
        }
        double spanX = Math.max(maxX - minX, 1e-9);
        double spanY = Math.max(maxY - minY, 1e-9);
        double labelRoom = n <= LABEL_LIMIT ? 90 : 0;
        double scale = (WIDTH - 2 * MARGIN - labelRoom) / spanX;
        double height = Math.min(WIDTH * 0.75, spanY * scale + 2 * MARGIN);
        scale = Math.min(scale, (height - 2 * MARGIN) / spanY);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int v = 0; v < n; v++) {
            x[v] = MARGIN + (positions.x()[v] - minX) * scale;
            y[v] = MARGIN + (positions.y()[v] - minY) * scale;
        }
        double radius = n <= 150 ? 6 : n <= 600 ? 4 : 2.5;
        StringBuilder out = new StringBuilder(200 * n + 80 * graph.edgeCount());
        out.append(String.format(Locale.ROOT, "<svg id=\"graph-svg\" class=\"graph\" viewBox=\"0 0 %.0f %.0f\" "
                + "role=\"img\" aria-label=\"communication graph coloured by migration order\">%n", WIDTH, height));
        double maxWeight = maxWeight(graph);
        out.append("<g class=\"edges\">\n");
        for (int u = 0; u < n; u++) {
            for (int arc = graph.firstArc(u); arc < graph.endArc(u); arc++) {
                int v = graph.target(arc);
                if (v > u) {
                    out.append(String.format(Locale.ROOT,
                            "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke-width=\"%.2f\"/>%n",
                            x[u], y[u], x[v], y[v], width(graph.weight(arc), maxWeight)));
                }
            }
        }
        out.append("</g>\n");
        if (worstPair != null) {
            out.append(String.format(Locale.ROOT, "<line id=\"worst-pair\" class=\"worst\" x1=\"%.1f\" y1=\"%.1f\" "
                    + "x2=\"%.1f\" y2=\"%.1f\"/>%n", x[worstPair[0]], y[worstPair[0]], x[worstPair[1]], y[worstPair[1]]));
        }
        out.append("<g class=\"nodes\">\n");
        for (int v = 0; v < n; v++) {
            String name = Text.escape(graph.labels().label(v));
            out.append(String.format(Locale.ROOT, "<circle data-v=\"%d\" cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\">"
                            + "<title>%s: moved %d of %d</title></circle>%n", v, x[v], y[v], radius,
                    palette[Palette.step(ranks[v], n)], name, ranks[v] + 1, n));
        }
        out.append("</g>\n");
        if (n <= LABEL_LIMIT) {
            out.append("<g class=\"labels\">\n");
            for (int v = 0; v < n; v++) {
                out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">%s</text>%n", x[v] + radius + 2,
                        y[v] + 3, Text.escape(graph.labels().label(v))));
            }
            out.append("</g>\n");
        }
        return out.append("</svg>\n").toString();
    }

    /** The legend: the order scale from first to last moved, and what edge width means. */
    static String legend(String[] palette, double maxBytesPerDay) {
        StringBuilder stops = new StringBuilder();
        for (int i = 0; i <= 10; i++) {
            int step = (int) Math.round(i * (palette.length - 1) / 10.0);
            stops.append(String.format(Locale.ROOT, "<stop offset=\"%d%%\" stop-color=\"%s\"/>", i * 10, palette[step]));
        }
        return "<svg class=\"legend\" viewBox=\"0 0 520 46\" role=\"img\" aria-label=\"legend\">"
                + "<defs><linearGradient id=\"order-scale\">" + stops + "</linearGradient></defs>"
                + "<rect x=\"0\" y=\"4\" width=\"220\" height=\"12\" rx=\"2\" fill=\"url(#order-scale)\"/>"
                + "<text x=\"0\" y=\"32\">moved first</text><text x=\"220\" y=\"32\" text-anchor=\"end\">moved last</text>"
                + "<line x1=\"260\" y1=\"10\" x2=\"300\" y2=\"10\" class=\"legend-edge\" stroke-width=\"0.6\"/>"
                + "<line x1=\"310\" y1=\"10\" x2=\"350\" y2=\"10\" class=\"legend-edge\" stroke-width=\"4\"/>"
                + "<text x=\"260\" y=\"32\">traffic, up to " + Text.escape(Text.bytes(maxBytesPerDay)) + "/day</text>"
                + "<line x1=\"440\" y1=\"10\" x2=\"480\" y2=\"10\" class=\"worst\"/>"
                + "<text x=\"440\" y=\"32\">longest split</text></svg>";
    }

    /** The heaviest edge of {@code graph}, bytes/day. */
    static double maxWeight(CommGraph graph) {
        double max = 0;
        for (int u = 0; u < graph.vertexCount(); u++) {
            for (int arc = graph.firstArc(u); arc < graph.endArc(u); arc++) {
                max = Math.max(max, graph.weight(arc));
            }
        }
        return max;
    }

    private static double width(double weight, double max) {
        return max <= 0 ? 1 : 0.6 + 3.4 * Math.log1p(weight) / Math.log1p(max);
    }
}
