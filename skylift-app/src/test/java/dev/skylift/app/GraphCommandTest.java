package dev.skylift.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.skylift.graph.CommGraph;
import dev.skylift.inventory.Inventory;
import dev.skylift.io.EdgeListReader;
import dev.skylift.io.FlowCsvReader;
import dev.skylift.io.InventoryReader;
import dev.skylift.traffic.AffinityRules;
import dev.skylift.traffic.EstateGraph;
import dev.skylift.traffic.FlowAggregator;
import dev.skylift.traffic.HubTreatment;
import dev.skylift.traffic.Weight;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code skylift graph} end to end on a small estate written for each test. */
class GraphCommandTest {

    @TempDir
    Path dir;

    private Path inventory;
    private Path flows;
    private Path rules;

    /** 12 VMs: three 3-tier apps, dns-1 that everyone asks, one idle VM; one IPv6 address. */
    @BeforeEach
    void writeEstate() throws IOException {
        StringBuilder yaml = new StringBuilder("vms:\n");
        List<String> names = new ArrayList<>();
        for (String app : List.of("shop", "crm", "hr")) {
            for (String tier : List.of("web", "app", "db")) {
                names.add(app + "-" + tier);
            }
        }
        names.add("dns-1");
        names.add("idle-1");
        names.add("batch-1");
        for (int v = 0; v < names.size(); v++) {
            String ip = names.get(v).equals("shop-db") ? "\"fd00::" + (v + 1) + "\"" : "10.0.0." + (v + 1);
            yaml.append("  - name: ").append(names.get(v)).append("\n    ips: [").append(ip)
                    .append("]\n    host: node-1\n    memory_mib: 2048\n    disk_gib: 20\n    labels: {app: ")
                    .append(names.get(v).split("-")[0]).append("}\n");
        }
        inventory = Files.writeString(dir.resolve("inventory.yaml"), yaml);
        StringBuilder csv = new StringBuilder(FlowCsvReader.HEADER + "\n");
        for (int app = 0; app < 3; app++) {
            int web = 3 * app + 1;
            flow(csv, "10.0.0." + web, app == 0 ? "10.0.0.2" : "10.0.0." + (web + 1), 5_000 * (app + 1));
            flow(csv, "10.0.0." + (web + 1), app == 0 ? "fd00::3" : "10.0.0." + (web + 2), 20_000 * (app + 1));
        }
        for (int v = 1; v <= 9; v++) {
            flow(csv, v == 3 ? "fd00::3" : "10.0.0." + v, "10.0.0.10", 100);
        }
        flow(csv, "203.0.113.7", "10.0.0.1", 7_777);
        flow(csv, "198.51.100.1", "203.0.113.7", 1);
        flows = Files.writeString(dir.resolve("flows.csv"), csv);
        rules = Files.writeString(dir.resolve("rules.yaml"), "pairs:\n  - vms: [batch-1, hr-db]\n    weight: 50\n");
    }

    private static void flow(StringBuilder csv, String src, String dst, long bytes) {
        csv.append("2026-11-25T10:00:00Z,2026-11-25T10:00:10.000Z,").append(src).append(",40000,").append(dst)
                .append(",443,6,").append(bytes).append(',').append(bytes / 100 + 1).append('\n');
    }

    @Test
    void writesJsonEdgesAndSvgAndTheEdgesReadBackAsTheGraphToOrder() throws IOException {
        Path json = dir.resolve("graph.json");
        Path edges = dir.resolve("graph.edges");
        Path svg = dir.resolve("graph.svg");

        CommandRunner.Result result = CommandRunner.run("graph", "--inventory", inventory.toString(), "--flows",
                flows.toString(), "--affinity", rules.toString(), "--out", json.toString(), "--edges", edges.toString(),
                "--svg", svg.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("12 VMs", "communicating pairs", "unmapped  1 with neither end",
                "external  1 with one end outside", "dns-1", "heaviest");
        assertThat(result.out()).containsPattern("hubs\\s+5 .*\\n\\s+dns-1\\s+degree 9 \\(81\\.8 % of the others\\)");

        // The edge list is exactly the graph Skylift would order, vertex for vertex and weight for weight.
        Inventory inv = InventoryReader.read(inventory);
        FlowAggregator aggregator = new FlowAggregator(inv, false, false);
        FlowCsvReader.read(flows, aggregator);
        CommGraph expected = EstateGraph.of(aggregator, new AffinityRules(List.of(),
                        List.of(new AffinityRules.Pair("batch-1", "hr-db", 50)), List.of(), List.of(), List.of(), Map.of()),
                Weight.BYTES, 1).graph();
        CommGraph readBack = EdgeListReader.read(edges);
        assertThat(describe(readBack)).isEqualTo(describe(expected));
        assertThat(readBack.labels().indexOf("idle-1")).isNotNegative();
        assertThat(readBack.vertexCount()).isEqualTo(12);

        CommandRunner.Result order = CommandRunner.run("order", "--graph", edges.toString(), "--method", "rcm", "--json");
        assertThat(order.exitCode()).as(order.err()).isZero();
        assertThat(JsonMapper.builder().build().readTree(order.out()).get("order")).hasSize(12);

        JsonNode doc = JsonMapper.builder().build().readTree(json.toFile());
        assertThat(doc.get("vms")).hasSize(12);
        assertThat(doc.get("edges")).hasSize(expected.edgeCount());
        assertThat(doc.get("summary").get("unmapped").asLong()).isEqualTo(1);
        assertThat(doc.get("vms").get(0).get("externalBytes").asLong()).isEqualTo(7_777);
        assertThat(doc.get("vms").get(0).get("labels").get("app").asString()).isEqualTo("shop");
        assertThat(doc.get("vms").get(2).get("ips").get(0).asString()).isEqualTo("fd00::3");
        assertThat(doc.get("hubs").get(0).get("vm").asString()).isEqualTo("dns-1");
        assertThat(doc.get("hubs").get(0).get("degree").asInt()).isEqualTo(9);
        JsonNode batch = null;
        for (JsonNode edge : doc.get("edges")) {
            if (edge.get("a").asString().equals("hr-db") && edge.get("b").asString().equals("batch-1")) {
                batch = edge;
            }
        }
        assertThat(batch).isNotNull();
        assertThat(batch.get("affinity").asDouble()).isEqualTo(50);
        assertThat(batch.get("bytes").asLong()).isZero();

        String picture = Files.readString(svg).replace("&#45;", "-"); // Graphviz escapes dashes
        assertThat(picture).contains("<svg").contains("shop-web", "dns-1", "idle-1");
    }

    @Test
    void aHubDecidedOnTheCommandLineLeavesTheEdgeList() throws IOException {
        Path json = dir.resolve("graph.json");
        Path edges = dir.resolve("graph.edges");

        CommandRunner.Result result = CommandRunner.run("graph", "--inventory", inventory.toString(), "--flows",
                flows.toString(), "--hub", "dns-1=exclude", "--out", json.toString(), "--edges", edges.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).containsPattern("dns-1 .*-> exclude");
        CommGraph readBack = EdgeListReader.read(edges);
        assertThat(readBack.vertexCount()).isEqualTo(11);
        assertThat(readBack.labels().indexOf("dns-1")).isEqualTo(-1);
        JsonNode doc = JsonMapper.builder().build().readTree(json.toFile());
        assertThat(doc.get("excluded").get(0).asString()).isEqualTo("dns-1");
        assertThat(doc.get("hubs").get(0).get("decision").asString()).isEqualTo(HubTreatment.EXCLUDE.toString());
    }

    @Test
    void aBadFlowLineExitsOneNamingFileLineFieldAndValue() throws IOException {
        Files.writeString(flows, Files.readString(flows).replace(",5000,", ",-5,"));

        CommandRunner.Result result = CommandRunner.run("graph", "--inventory", inventory.toString(), "--flows",
                flows.toString());

        assertThat(result.exitCode()).isEqualTo(SkyliftCommand.EXIT_BAD_INPUT);
        assertThat(result.err()).isEqualTo("skylift: " + flows + ":2: bytes '-5' is negative. "
                + "Maybe the column order differs from the header?\n");
    }

    @Test
    void skippedBadLinesAreReported() throws IOException {
        Files.writeString(flows, Files.readString(flows).replace(",5000,", ",-5,"));

        CommandRunner.Result result = CommandRunner.run("graph", "--inventory", inventory.toString(), "--flows",
                flows.toString(), "--skip-bad-lines");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("bad lines 1 skipped; the first:", flows + ":2: bytes '-5' is negative");
    }

    @Test
    void anAzureMigrateExportIsDetectedAndWeighsConnectionSlots() throws IOException {
        Path azure = Files.writeString(dir.resolve("azure.csv"), """
                Timeslot,Source server name,Source application,Source process,Destination server name,Destination IP,Destination application,Destination process,Destination port
                11/25/2026 10:00,SHOP-WEB,nginx,nginx,shop-app,10.0.0.2,shop,java,8080
                11/25/2026 11:00,shop-web,nginx,nginx,,10.0.0.2,shop,java,8080
                11/25/2026 10:00,shop-app,shop,java,db.corp.local,fd00::3,,postgres,5432
                """);

        CommandRunner.Result result = CommandRunner.run("graph", "--inventory", inventory.toString(), "--flows",
                azure.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("(azure-migrate)", "weight = flows", "shop-web -- shop-app  2 flows",
                "shop-app -- shop-db  1 flows");
    }

    @Test
    void anUnknownHubOrFormatIsABadCommandLine() {
        CommandRunner.Result hub = CommandRunner.run("graph", "--inventory", inventory.toString(), "--flows",
                flows.toString(), "--hub", "dns-9=first");
        CommandRunner.Result format = CommandRunner.run("graph", "--inventory", inventory.toString(), "--flows",
                flows.toString(), "--flows-format", "netflow");

        assertThat(hub.exitCode()).isEqualTo(2);
        assertThat(hub.err()).contains("no VM of the inventory is called dns-9");
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err()).contains("unknown flow format 'netflow'");
    }

    @Test
    void theJavaLayoutDrawsEveryVmWithoutGraphviz() throws IOException {
        Inventory inv = InventoryReader.read(inventory);
        FlowAggregator aggregator = new FlowAggregator(inv, false, false);
        FlowCsvReader.read(flows, aggregator);
        EstateGraph graph = EstateGraph.of(aggregator, AffinityRules.none(), Weight.BYTES, 1);
        Path svg = dir.resolve("java.svg");

        GraphPicture.javaLayout(graph, Set.of(9), svg, 1);

        String picture = Files.readString(svg);
        assertThat(Pattern.compile("<circle ").matcher(picture).results().count()).isEqualTo(12);
        assertThat(Pattern.compile("<line ").matcher(picture).results().count()).isEqualTo(graph.pairs().size());
        assertThat(picture).doesNotContain("NaN").doesNotContain("Infinity").contains("#d9534f");
        double[] x = new double[12];
        double[] y = new double[12];
        GraphPicture.layout(graph, 1, x, y);
        for (int u = 0; u < 12; u++) {
            for (int v = u + 1; v < 12; v++) {
                assertThat(Math.hypot(x[u] - x[v], y[u] - y[v])).as("VMs %d and %d overlap", u, v).isGreaterThan(1);
            }
        }
    }

    @Test
    void graphvizDrawsThePictureWhenInstalled() throws IOException {
        assumeTrue(GraphPicture.onPath("sfdp") != null, "Graphviz sfdp is not on the PATH");
        Path svg = dir.resolve("graph.svg");

        CommandRunner.Result result = CommandRunner.run("graph", "--inventory", inventory.toString(), "--flows",
                flows.toString(), "--svg", svg.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("(Graphviz sfdp)");
        assertThat(Files.readString(svg)).contains("<svg").contains("<title>dns&#45;1</title>");
    }

    /** Labels and weighted edges by name, independent of vertex numbering. */
    private static Map<String, Double> describe(CommGraph graph) {
        Map<String, Double> edges = new TreeMap<>();
        for (int u = 0; u < graph.vertexCount(); u++) {
            edges.put(graph.labels().label(u), -1.0);
            for (int arc = graph.firstArc(u); arc < graph.endArc(u); arc++) {
                String a = graph.labels().label(u);
                String b = graph.labels().label(graph.target(arc));
                edges.put(a.compareTo(b) < 0 ? a + " " + b : b + " " + a, graph.weight(arc));
            }
        }
        return edges;
    }
}
