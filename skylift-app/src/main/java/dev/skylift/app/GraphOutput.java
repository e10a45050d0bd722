package dev.skylift.app;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.skylift.graph.CommGraph;
import dev.skylift.graph.ConnectedComponents;
import dev.skylift.inventory.Inventory;
import dev.skylift.inventory.Vm;
import dev.skylift.traffic.EstateGraph;
import dev.skylift.traffic.FlowSummary;
import dev.skylift.traffic.Hub;
import dev.skylift.traffic.HubTreatment;
import dev.skylift.traffic.PairTraffic;
import dev.skylift.traffic.SharedServiceInspector;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * How {@code skylift graph} shows an estate graph: the readable summary, the JSON document (field
 * names are an interface) and the edge list {@code skylift order --graph} reads.
 */
final class GraphOutput {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** One flow file and the format it was read as. */
    record Source(String file, String format) {
    }

    @JsonPropertyOrder({"inventory", "flows", "weight", "affinityScale", "summary", "vms", "edges", "hubs", "orderFirst",
            "orderLast", "excluded"})
    record Json(String inventory, List<Source> flows, String weight, double affinityScale, JsonSummary summary,
                List<JsonVm> vms, List<JsonEdge> edges, List<JsonHub> hubs, List<String> orderFirst,
                List<String> orderLast, List<String> excluded) {
    }

    @JsonPropertyOrder({"vms", "pairs", "components", "totalWeight", "records", "mapped", "sameVm", "external", "unmapped",
            "rejected", "noData", "skipData", "badLines", "badLineExamples", "mappedBytes", "externalBytes",
            "unmappedBytes", "rejectedBytes", "first", "last"})
    record JsonSummary(int vms, int pairs, int components, double totalWeight, long records, long mapped, long sameVm,
                       long external, long unmapped, long rejected, long noData, long skipData, long badLines,
                       List<String> badLineExamples, long mappedBytes, long externalBytes, long unmappedBytes,
                       long rejectedBytes, String first, String last) {
    }

    @JsonPropertyOrder({"name", "ips", "host", "memoryMib", "diskGib", "dirtyMibPerSecond", "tags", "criticality", "labels",
            "degree", "externalBytes", "externalPackets", "hubDecision"})
    record JsonVm(String name, List<String> ips, String host, long memoryMib, double diskGib, Double dirtyMibPerSecond,
                  List<String> tags, String criticality, Map<String, String> labels, int degree, long externalBytes,
                  long externalPackets, String hubDecision) {
    }

    @JsonPropertyOrder({"a", "b", "bytes", "packets", "flows", "affinity", "weight"})
    record JsonEdge(String a, String b, long bytes, long packets, long flows, double affinity, double weight) {
    }

    @JsonPropertyOrder({"vm", "degree", "degreeShare", "weight", "weightShare", "byDegree", "byWeight", "decision"})
    record JsonHub(String vm, int degree, double degreeShare, double weight, double weightShare, boolean byDegree,
                   boolean byWeight, String decision) {
    }

    private final String inventoryName;
    private final List<Source> sources;
    private final EstateGraph graph;
    private final List<Hub> hubs;
    private final Map<String, HubTreatment> decisions;
    private final SharedServiceInspector.Thresholds thresholds;

    GraphOutput(String inventoryName, List<Source> sources, EstateGraph graph, List<Hub> hubs,
                Map<String, HubTreatment> decisions, SharedServiceInspector.Thresholds thresholds) {
        this.inventoryName = inventoryName;
        this.sources = List.copyOf(sources);
        this.graph = graph;
        this.hubs = List.copyOf(hubs);
        this.decisions = Map.copyOf(decisions);
        this.thresholds = thresholds;
    }

    void printSummary(PrintWriter out, double seconds, int top) {
        Inventory inventory = graph.inventory();
        FlowSummary s = graph.summary();
        PairTraffic pairs = graph.pairs();
        int components = ConnectedComponents.of(graph.graph()).count();
        out.printf("inventory   %s: %,d VMs%s%n", inventoryName, inventory.size(),
                inventory.nodes().isEmpty() ? "" : " on " + inventory.nodes().size() + " nodes");
        for (Source source : sources) {
            out.printf("flows       %s (%s)%n", source.file(), source.format());
        }
        if (!sources.isEmpty()) {
            out.printf(Locale.ROOT, "records     %,d read in %.1f s%n", s.records(), seconds);
            out.printf("  mapped    %,d between two VMs (%s)%n", s.mapped(), bytes(s.mappedBytes()));
            long externalVms = IntStream.range(0, inventory.size()).filter(v -> graph.externalBytes(v) > 0).count();
            out.printf("  external  %,d with one end outside the inventory (%s, %,d VMs)%n", s.external(),
                    bytes(s.externalBytes()), externalVms);
            out.printf("  unmapped  %,d with neither end in the inventory (%s)%n", s.unmapped(), bytes(s.unmappedBytes()));
            if (s.sameVm() > 0) {
                out.printf("  same VM   %,d between two addresses of one VM (not edges)%n", s.sameVm());
            }
            if (s.rejected() > 0) {
                out.printf("  rejected  %,d REJECT records (%s), not in the graph (--keep-rejected adds them)%n",
                        s.rejected(), bytes(s.rejectedBytes()));
            }
            if (s.noData() + s.skipData() > 0) {
                out.printf("  no data   %,d NODATA, %,d SKIPDATA lines%s%n", s.noData(), s.skipData(),
                        s.skipData() > 0 ? " (SKIPDATA: the log lost records; some traffic is missing)" : "");
            }
            if (s.badLines() > 0) {
                out.printf("  bad lines %,d skipped; the first:%n", s.badLines());
                s.badLineExamples().forEach(example -> out.printf("            %s%n", example));
            }
            if (s.first().isPresent()) {
                out.printf("  span      %s .. %s%n", s.first().get(), s.last().get());
            }
        }
        out.printf(Locale.ROOT, "graph       %,d VMs, %,d communicating pairs, %d component%s; weight = %s, total %s%n",
                inventory.size(), pairs.size(), components, components == 1 ? "" : "s", graph.weight(),
                amount(graph.totalWeight()));
        if (hubs.isEmpty()) {
            out.printf(Locale.ROOT, "hubs        none (degree ≥ %.0f %% of the other VMs or ≥ %.0f %% of the total weight)%n",
                    100 * thresholds.degreeShare(), 100 * thresholds.weightShare());
        } else {
            out.printf(Locale.ROOT, "hubs        %d (degree ≥ %.0f %% of the other VMs or ≥ %.0f %% of the total weight):%n",
                    hubs.size(), 100 * thresholds.degreeShare(), 100 * thresholds.weightShare());
            for (Hub hub : hubs) {
                HubTreatment decision = decisions.get(hub.name());
                out.printf(Locale.ROOT, "  %-20s degree %,d (%.1f %% of the others), %s (%.1f %% of all) -> %s%n", hub.name(),
                        hub.degree(), 100 * hub.degreeShare(), amount(hub.weight()), 100 * hub.weightShare(),
                        decision == null ? "report only (decide with --hub " + hub.name() + "=order|first|last|exclude)"
                                : decision.toString());
            }
        }
        for (Map.Entry<String, HubTreatment> decision : decisions.entrySet()) {
            if (hubs.stream().noneMatch(h -> h.name().equals(decision.getKey()))) {
                out.printf("  %-20s not detected as a hub; the operator's decision applies: %s%n", decision.getKey(),
                        decision.getValue());
            }
        }
        List<Integer> heaviest = heaviest(top);
        if (!heaviest.isEmpty()) {
            out.printf("heaviest    %d pair%s by %s:%n", heaviest.size(), heaviest.size() == 1 ? "" : "s", graph.weight());
            int rank = 0;
            for (int i : heaviest) {
                out.printf(Locale.ROOT, "  %2d. %s -- %s  %s (%s, %,d packets, %,d flows%s)%n", ++rank,
                        inventory.vm(pairs.a(i)).name(), inventory.vm(pairs.b(i)).name(), amount(graph.weightOf(i)),
                        bytes(pairs.bytes(i)), pairs.packets(i), pairs.flows(i),
                        pairs.affinity(i) > 0 ? ", affinity " + amount(pairs.affinity(i)) : "");
            }
        }
        out.flush();
    }

    private List<Integer> heaviest(int top) {
        if (top <= 0) {
            return List.of();
        }
        return IntStream.range(0, graph.pairs().size()).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> graph.weightOf(i)).reversed())
                .limit(Math.max(0, top)).toList();
    }

    private String amount(double value) {
        return switch (graph.weight()) {
            case BYTES -> bytes(value);
            case PACKETS -> String.format(Locale.ROOT, "%,.0f packets", value);
            case FLOWS -> String.format(Locale.ROOT, "%,.0f flows", value);
        };
    }

    static String bytes(double value) {
        String[] units = {"B", "kB", "MB", "GB", "TB", "PB", "EB"};
        int unit = 0;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return unit == 0 ? String.format(Locale.ROOT, "%.0f B", value) : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    Json json() {
        Inventory inventory = graph.inventory();
        FlowSummary s = graph.summary();
        PairTraffic pairs = graph.pairs();
        int[] degrees = graph.degrees();
        List<JsonVm> vms = new ArrayList<>();
        for (int v = 0; v < inventory.size(); v++) {
            Vm vm = inventory.vm(v);
            HubTreatment decision = decisions.get(vm.name());
            vms.add(new JsonVm(vm.name(), vm.ips(), vm.host(), vm.memoryMib(), vm.diskGib(),
                    vm.dirtyMibPerSecond().isPresent() ? vm.dirtyMibPerSecond().getAsDouble() : null, vm.tags(),
                    vm.criticality().map(Object::toString).orElse(null), vm.labels(), degrees[v], graph.externalBytes(v),
                    graph.externalPackets(v), decision == null ? null : decision.toString()));
        }
        List<JsonEdge> edges = new ArrayList<>(pairs.size());
        for (int i = 0; i < pairs.size(); i++) {
            edges.add(new JsonEdge(inventory.vm(pairs.a(i)).name(), inventory.vm(pairs.b(i)).name(), pairs.bytes(i),
                    pairs.packets(i), pairs.flows(i), pairs.affinity(i), graph.weightOf(i)));
        }
        List<JsonHub> jsonHubs = hubs.stream().map(h -> new JsonHub(h.name(), h.degree(), h.degreeShare(), h.weight(),
                h.weightShare(), h.byDegree(), h.byWeight(),
                decisions.containsKey(h.name()) ? decisions.get(h.name()).toString() : null)).toList();
        var summary = new JsonSummary(inventory.size(), pairs.size(), ConnectedComponents.of(graph.graph()).count(),
                graph.totalWeight(), s.records(), s.mapped(), s.sameVm(), s.external(), s.unmapped(), s.rejected(),
                s.noData(), s.skipData(), s.badLines(), s.badLineExamples(), s.mappedBytes(), s.externalBytes(),
                s.unmappedBytes(), s.rejectedBytes(), s.first().map(Object::toString).orElse(null),
                s.last().map(Object::toString).orElse(null));
        return new Json(inventoryName, sources, graph.weight().toString(), graph.affinityScale(), summary, vms, edges,
                jsonHubs, decided(HubTreatment.FIRST), decided(HubTreatment.LAST), decided(HubTreatment.EXCLUDE));
    }

    private List<String> decided(HubTreatment treatment) {
        return graph.inventory().names().stream().filter(name -> decisions.get(name) == treatment).toList();
    }

    void writeJson(Path file) {
        try {
            Files.writeString(file, JSON.writeValueAsString(json()) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the graph to order as an edge list: first every vertex declared by a line pairing it with
     * itself (so isolated VMs survive and the vertex numbering is the graph's), then one line per edge.
     */
    void writeEdges(Path file, CommGraph ordered) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("# skylift graph: the communication graph of " + inventoryName + "; weight = " + graph.weight() + "\n");
            out.write("# first every VM is declared ('name name'), so that VMs without traffic are ordered too\n");
            for (Map.Entry<String, HubTreatment> decision : decisions.entrySet()) {
                if (decision.getValue() != HubTreatment.ORDER) {
                    out.write("# hub " + decision.getKey() + " is left out: " + decision.getValue() + "\n");
                }
            }
            for (int v = 0; v < ordered.vertexCount(); v++) {
                String name = ordered.labels().label(v);
                out.write(name + " " + name + "\n");
            }
            for (int u = 0; u < ordered.vertexCount(); u++) {
                for (int arc = ordered.firstArc(u); arc < ordered.endArc(u); arc++) {
                    int v = ordered.target(arc);
                    if (u < v) {
                        out.write(ordered.labels().label(u) + " " + ordered.labels().label(v) + " "
                                + number(ordered.weight(arc)) + "\n");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e18) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    /** The hub decisions other than {@code order}, by decision then name: {@code exclude: a, b; first: c}. */
    static String decisions(Map<String, HubTreatment> decisions) {
        return decisions.entrySet().stream().filter(e -> e.getValue() != HubTreatment.ORDER)
                .sorted(Map.Entry.comparingByKey())
                .collect(Collectors.groupingBy(e -> e.getValue().toString(), TreeMap::new,
                        Collectors.mapping(Map.Entry::getKey, Collectors.joining(", "))))
                .entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; "));
    }
}
