package dev.skylift.app;

import dev.skylift.graph.CommGraph;
import dev.skylift.inventory.Inventory;
import dev.skylift.traffic.EstateGraph;
import dev.skylift.traffic.Hub;
import dev.skylift.traffic.HubTreatment;
import dev.skylift.traffic.PairTraffic;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Draws an estate graph as SVG: with Graphviz's {@code sfdp} when it is on the PATH (Debian package
 * {@code graphviz}), otherwise with a seeded Fruchterman–Reingold force-directed layout in Java
 * (Fruchterman, Reingold 1991; repulsion only between VMs in neighbouring grid cells, so an
 * iteration is O(n + m) rather than O(n²)). Hubs are drawn red; an edge's width grows with the
 * logarithm of its weight. {@link #positions} lends the same layout to the HTML report.
 */
public final class GraphPicture {

    private static final int GRAPHVIZ_SECONDS = 120;

    private GraphPicture() {
    }

    /** Writes the picture; returns how it was laid out, for the operator. */
    static String write(EstateGraph graph, List<Hub> hubs, Map<String, HubTreatment> decisions, Path svg, long seed) {
        Set<Integer> hubVms = new HashSet<>();
        hubs.forEach(h -> hubVms.add(h.vm()));
        Path sfdp = onPath("sfdp");
        if (sfdp != null) {
            try {
                graphviz(sfdp, graph, hubVms, decisions, svg);
                return "Graphviz sfdp";
            } catch (IOException e) {
                javaLayout(graph, hubVms, svg, seed);
                return "Java layout; Graphviz sfdp failed: " + e.getMessage();
            }
        }
        javaLayout(graph, hubVms, svg, seed);
        return "Java force-directed layout; install Graphviz for a better picture";
    }

    static Path onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    static String dot(EstateGraph graph, Set<Integer> hubVms, Map<String, HubTreatment> decisions) {
        Inventory inventory = graph.inventory();
        PairTraffic pairs = graph.pairs();
        StringBuilder dot = new StringBuilder("graph skylift {\n  graph [overlap=false, outputorder=edgesfirst];\n"
                + "  node [shape=ellipse, fontsize=10, style=filled, fillcolor=\"#dde8f5\"];\n  edge [color=\"#7a869a\"];\n");
        for (int v = 0; v < inventory.size(); v++) {
            String name = inventory.vm(v).name();
            dot.append("  ").append(quote(name));
            if (hubVms.contains(v) || decisions.containsKey(name)) {
                HubTreatment decision = decisions.get(name);
                dot.append(" [fillcolor=\"#f4b6b6\", label=").append(quote(name + (decision == null ? " (hub)" : " (" + decision + ")")))
                        .append("]");
            }
            dot.append(";\n");
        }
        double max = maxWeight(graph);
        for (int i = 0; i < pairs.size(); i++) {
            dot.append("  ").append(quote(inventory.vm(pairs.a(i)).name())).append(" -- ")
                    .append(quote(inventory.vm(pairs.b(i)).name()))
                    .append(String.format(Locale.ROOT, " [penwidth=%.2f];%n", width(graph.weightOf(i), max)));
        }
        return dot.append("}\n").toString();
    }

    private static void graphviz(Path sfdp, EstateGraph graph, Set<Integer> hubVms, Map<String, HubTreatment> decisions,
                                 Path svg) throws IOException {
        Process process = new ProcessBuilder(sfdp.toString(), "-Tsvg", "-o", svg.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(dot(graph, hubVms, decisions).getBytes(StandardCharsets.UTF_8));
        }
        try {
            if (!process.waitFor(GRAPHVIZ_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("took longer than " + GRAPHVIZ_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        if (process.exitValue() != 0 || !Files.isRegularFile(svg)) {
            throw new IOException("exit code " + process.exitValue());
        }
    }

    /** Lays the graph out in Java and writes the SVG. */
    static void javaLayout(EstateGraph graph, Set<Integer> hubVms, Path svg, long seed) {
        int n = graph.inventory().size();
        double[] x = new double[n];
        double[] y = new double[n];
        layout(graph, seed, x, y);
        try {
            Files.writeString(svg, svg(graph, hubVms, x, y), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + svg + ": " + e.getMessage(), e);
        }
    }

    /** Fruchterman–Reingold in a square of side 100·√n, seeded, with grid-limited repulsion. */
    static void layout(EstateGraph graph, long seed, double[] x, double[] y) {
        PairTraffic pairs = graph.pairs();
        int[] a = new int[pairs.size()];
        int[] b = new int[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            a[i] = pairs.a(i);
            b[i] = pairs.b(i);
        }
        layout(a, b, seed, x, y);
    }

    /**
     * Where to draw each vertex of {@code graph}, as {x, y} arrays indexed by vertex: Graphviz sfdp's
     * layout when it is on the PATH, otherwise the seeded Java layout. Also returns how it was laid
     * out, for the reader. What the HTML report draws its graph view from.
     */
    public static Positions positions(CommGraph graph, long seed) {
        int n = graph.vertexCount();
        var a = new ArrayList<Integer>();
        var b = new ArrayList<Integer>();
        for (int u = 0; u < n; u++) {
            for (int arc = graph.firstArc(u); arc < graph.endArc(u); arc++) {
                if (graph.target(arc) > u) {
                    a.add(u);
                    b.add(graph.target(arc));
                }
            }
        }
        int[] as = a.stream().mapToInt(Integer::intValue).toArray();
        int[] bs = b.stream().mapToInt(Integer::intValue).toArray();
        double[] x = new double[n];
        double[] y = new double[n];
        Path sfdp = onPath("sfdp");
        if (sfdp != null && n > 0) {
            try {
                sfdpPositions(sfdp, n, as, bs, x, y);
                return new Positions(x, y, "Graphviz sfdp");
            } catch (IOException e) {
                layout(as, bs, seed, x, y);
                return new Positions(x, y, "Java layout; Graphviz sfdp failed: " + e.getMessage());
            }
        }
        layout(as, bs, seed, x, y);
        return new Positions(x, y, "Java force-directed layout");
    }

    /** Vertex coordinates, indexed by vertex, in the layout's own units; {@code how} names the layout. */
    public record Positions(double[] x, double[] y, String how) {
    }

    /** Runs sfdp on the vertices named n0..n(k-1) (so no VM name reaches Graphviz) and reads its plain output. */
    private static void sfdpPositions(Path sfdp, int n, int[] a, int[] b, double[] x, double[] y) throws IOException {
        StringBuilder dot = new StringBuilder("graph g {\n  graph [overlap=false];\n");
        for (int v = 0; v < n; v++) {
            dot.append("  n").append(v).append(";\n");
        }
        for (int i = 0; i < a.length; i++) {
            dot.append("  n").append(a[i]).append(" -- n").append(b[i]).append(";\n");
        }
        Process process = new ProcessBuilder(sfdp.toString(), "-Tplain").redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        var writer = new Thread(() -> {
            try (OutputStream in = process.getOutputStream()) {
                in.write(dot.append("}\n").toString().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // sfdp closed its input early; its exit code tells
            }
        });
        writer.start();
        boolean[] seen = new boolean[n];
        int found = 0;
        try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] fields = line.split(" ");
                if (fields.length >= 4 && fields[0].equals("node") && fields[1].startsWith("n")) {
                    int v = Integer.parseInt(fields[1].substring(1));
                    x[v] = Double.parseDouble(fields[2]);
                    y[v] = -Double.parseDouble(fields[3]); // Graphviz's y grows upwards
                    if (!seen[v]) {
                        seen[v] = true;
                        found++;
                    }
                }
            }
        } catch (NumberFormatException e) {
            throw new IOException("unreadable output: " + e.getMessage());
        }
        try {
            if (!process.waitFor(GRAPHVIZ_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("took longer than " + GRAPHVIZ_SECONDS + " s");
            }
            writer.join();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        if (process.exitValue() != 0 || found < n) {
            throw new IOException("exit code " + process.exitValue() + ", " + found + " of " + n + " VMs placed");
        }
    }

    /** The Java layout of n = x.length vertices and the edges a[i]–b[i]. */
    static void layout(int[] a, int[] b, long seed, double[] x, double[] y) {
        int n = x.length;
        if (n == 0) {
            return;
        }
        double side = 100 * Math.sqrt(n);
        double k = side / Math.sqrt(n);
        SplittableRandom random = new SplittableRandom(seed);
        for (int v = 0; v < n; v++) {
            x[v] = random.nextDouble() * side;
            y[v] = random.nextDouble() * side;
        }
        int cells = Math.max(1, (int) (side / (2 * k)));
        double cellSize = side / cells;
        int iterations = n <= 2000 ? 300 : 100;
        double[] dx = new double[n];
        double[] dy = new double[n];
        int[] head = new int[cells * cells];
        int[] next = new int[n];
        for (int iteration = 0; iteration < iterations; iteration++) {
            double temperature = side / 10 * (1 - iteration / (double) iterations) + 1e-3;
            java.util.Arrays.fill(dx, 0);
            java.util.Arrays.fill(dy, 0);
            java.util.Arrays.fill(head, -1);
            for (int v = 0; v < n; v++) {
                int c = cell(x[v], cellSize, cells) * cells + cell(y[v], cellSize, cells);
                next[v] = head[c];
                head[c] = v;
            }
            for (int v = 0; v < n; v++) {
                int cx = cell(x[v], cellSize, cells);
                int cy = cell(y[v], cellSize, cells);
                for (int i = Math.max(0, cx - 1); i <= Math.min(cells - 1, cx + 1); i++) {
                    for (int j = Math.max(0, cy - 1); j <= Math.min(cells - 1, cy + 1); j++) {
                        for (int u = head[i * cells + j]; u >= 0; u = next[u]) {
                            if (u == v) {
                                continue;
                            }
                            double ddx = x[v] - x[u];
                            double ddy = y[v] - y[u];
                            double d2 = ddx * ddx + ddy * ddy;
                            if (d2 < 1e-6) {
                                ddx = random.nextDouble() - 0.5;
                                ddy = random.nextDouble() - 0.5;
                                d2 = ddx * ddx + ddy * ddy;
                            }
                            double force = k * k / d2;
                            dx[v] += ddx * force;
                            dy[v] += ddy * force;
                        }
                    }
                }
            }
            for (int i = 0; i < a.length; i++) {
                int u = a[i];
                int v = b[i];
                double ddx = x[u] - x[v];
                double ddy = y[u] - y[v];
                double d = Math.sqrt(ddx * ddx + ddy * ddy) + 1e-9;
                double force = d / k;
                dx[u] -= ddx * force;
                dy[u] -= ddy * force;
                dx[v] += ddx * force;
                dy[v] += ddy * force;
            }
            for (int v = 0; v < n; v++) {
                double d = Math.sqrt(dx[v] * dx[v] + dy[v] * dy[v]);
                if (d > 0) {
                    double step = Math.min(d, temperature) / d;
                    x[v] = Math.min(side, Math.max(0, x[v] + dx[v] * step));
                    y[v] = Math.min(side, Math.max(0, y[v] + dy[v] * step));
                }
            }
        }
    }

    private static int cell(double coordinate, double cellSize, int cells) {
        return Math.min(cells - 1, Math.max(0, (int) (coordinate / cellSize)));
    }

    private static String svg(EstateGraph graph, Set<Integer> hubVms, double[] x, double[] y) {
        Inventory inventory = graph.inventory();
        PairTraffic pairs = graph.pairs();
        int n = inventory.size();
        double minX = 0;
        double minY = 0;
        double maxX = 1;
        double maxY = 1;
        for (int v = 0; v < n; v++) {
            minX = v == 0 ? x[v] : Math.min(minX, x[v]);
            minY = v == 0 ? y[v] : Math.min(minY, y[v]);
            maxX = v == 0 ? x[v] + 1 : Math.max(maxX, x[v]);
            maxY = v == 0 ? y[v] + 1 : Math.max(maxY, y[v]);
        }
        double size = 1000;
        double scale = size / Math.max(maxX - minX, maxY - minY);
        double margin = 60;
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" "
                + "viewBox=\"0 0 %.0f %.0f\" font-family=\"sans-serif\">%n", size + 2 * margin, size + 2 * margin,
                size + 2 * margin, size + 2 * margin));
        out.append("<title>skylift graph: ").append(n).append(" VMs, ").append(pairs.size()).append(" pairs</title>\n");
        out.append("<g stroke=\"#7a869a\" stroke-opacity=\"0.6\">\n");
        double max = maxWeight(graph);
        for (int i = 0; i < pairs.size(); i++) {
            int a = pairs.a(i);
            int b = pairs.b(i);
            out.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke-width=\"%.2f\"/>%n",
                    margin + (x[a] - minX) * scale, margin + (y[a] - minY) * scale, margin + (x[b] - minX) * scale,
                    margin + (y[b] - minY) * scale, width(graph.weightOf(i), max)));
        }
        out.append("</g>\n<g font-size=\"9\">\n");
        for (int v = 0; v < n; v++) {
            boolean hub = hubVms.contains(v);
            double cx = margin + (x[v] - minX) * scale;
            double cy = margin + (y[v] - minY) * scale;
            out.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%d\" fill=\"%s\" stroke=\"#333\">"
                    + "<title>%s</title></circle>%n", cx, cy, hub ? 7 : 4, hub ? "#d9534f" : "#4a7ab7",
                    escape(inventory.vm(v).name())));
            if (n <= 300 || hub) {
                out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">%s</text>%n", cx + 6, cy - 6,
                        escape(inventory.vm(v).name())));
            }
        }
        return out.append("</g>\n</svg>\n").toString();
    }

    private static double maxWeight(EstateGraph graph) {
        double max = 0;
        for (int i = 0; i < graph.pairs().size(); i++) {
            max = Math.max(max, graph.weightOf(i));
        }
        return max;
    }

    private static double width(double weight, double max) {
        return max <= 0 ? 1 : 0.5 + 3.5 * Math.log1p(weight) / Math.log1p(max);
    }

    private static String quote(String name) {
        return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
