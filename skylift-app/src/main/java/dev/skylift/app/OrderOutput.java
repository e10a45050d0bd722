package dev.skylift.app;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.skylift.graph.CommGraph;
import dev.skylift.graph.ConnectedComponents;
import dev.skylift.order.Ordering;
import java.io.PrintWriter;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** How an ordering is shown: a readable summary, or the one JSON object scripts rely on. */
final class OrderOutput {

    private static final int SHOWN_IN_TEXT = 40;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The {@code order --json} object. Field names are an interface: scripts depend on them. */
    @JsonPropertyOrder({"graph", "vertices", "edges", "method", "bandwidth", "lowerBound", "optimal", "millis", "order"})
    record Json(String graph, int vertices, int edges, String method, int bandwidth, int lowerBound,
                boolean optimal, long millis, List<String> order) {
    }

    private OrderOutput() {
    }

    static void printJson(PrintWriter out, String graphName, String method, CommGraph graph, Ordering ordering) {
        var json = new Json(graphName, graph.vertexCount(), graph.edgeCount(), method, ordering.bandwidth(),
                ordering.lowerBound().value(), ordering.optimal(), ordering.elapsed().toMillis(),
                ordering.labels(graph.labels()));
        out.println(JSON.writeValueAsString(json));
        out.flush();
    }

    static void printText(PrintWriter out, String graphName, String method, CommGraph graph, Ordering ordering) {
        printText(out, graphName, method, graph, ordering, SHOWN_IN_TEXT);
    }

    /** The text form, listing at most {@code listed} VMs of the order. */
    static void printText(PrintWriter out, String graphName, String method, CommGraph graph, Ordering ordering,
                          int listed) {
        int components = ConnectedComponents.of(graph).count();
        out.printf("graph       %s: %,d VMs, %,d communicating pairs, %d component%s%s%n", graphName,
                graph.vertexCount(), graph.edgeCount(), components, components == 1 ? "" : "s",
                graph.isWeighted() ? ", weighted" : "");
        out.printf("method      %s%s%n", method, method.equals(ordering.method()) ? "" : " (" + ordering.method() + ")");
        out.printf("bandwidth   %d   (the largest distance in the order between two VMs that communicate)%n",
                ordering.bandwidth());
        out.printf("lower bound %d   (%s)%n", ordering.lowerBound().value(), ordering.lowerBound().reason());
        out.printf("optimal     %s%n", ordering.optimal()
                ? "yes: the bandwidth meets the lower bound"
                : "not proven (at most " + (ordering.bandwidth() - ordering.lowerBound().value()) + " above optimal)");
        out.printf("time        %d ms%n", ordering.elapsed().toMillis());
        out.println("order       first to migrate first:");
        List<String> labels = ordering.labels(graph.labels());
        int shown = Math.min(labels.size(), listed);
        int width = Integer.toString(labels.size()).length();
        for (int i = 0; i < shown; i++) {
            out.printf("  %" + width + "d. %s%n", i + 1, labels.get(i));
        }
        if (shown < labels.size()) {
            out.printf("  ... %,d more (use --json or --out FILE for the whole order)%n", labels.size() - shown);
        }
        out.flush();
    }
}
