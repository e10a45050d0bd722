package dev.skylift.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.skylift.graph.CommGraph;
import dev.skylift.inventory.Inventory;
import dev.skylift.io.AffinityReader;
import dev.skylift.io.FlowReaders;
import dev.skylift.io.InventoryReader;
import dev.skylift.io.PlanJson;
import dev.skylift.plan.HubPlacement;
import dev.skylift.plan.PlanMetrics;
import dev.skylift.plan.PlannedMigration;
import dev.skylift.traffic.AffinityRules;
import dev.skylift.traffic.Weight;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code skylift plan} end to end on the bundled sample estate. */
class PlanCommandTest {

    @TempDir
    Path dir;

    @BeforeEach
    void copySampleEstate() throws IOException {
        for (String name : DemoCommand.FILES) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(DemoCommand.ESTATE + "/" + name)) {
                Files.copy(in, dir.resolve(name));
            }
        }
    }

    private CommandRunner.Result plan(String... extra) {
        var args = new ArrayList<>(List.of("plan", "--inventory", dir.resolve("inventory.yaml").toString(),
                "--flows", dir.resolve("flows.csv.gz").toString(), "--affinity", dir.resolve("affinity.yaml").toString(),
                "--wan", "1Gbps", "--rtt", "40ms", "--concurrency", "4", "--time-limit", "2s", "--seed", "1"));
        args.addAll(List.of(extra));
        return CommandRunner.run(args.toArray(String[]::new));
    }

    @Test
    void plansEveryVmOfTheSampleEstateAndTheFileAgreesWithItsSteps() {
        Path file = dir.resolve("plan.json");

        CommandRunner.Result result = plan("--objective", "exposure", "--out", file.toString(), "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode root = JsonMapper.builder().build().readTree(result.out());
        assertThat(root.get("format").stringValue()).isEqualTo("skylift-plan");
        assertThat(root.get("objective").stringValue()).isEqualTo("exposure");
        assertThat(root.get("method").stringValue()).isEqualTo("auto");
        assertThat(root.get("concurrency").intValue()).isEqualTo(4);
        JsonNode steps = root.get("steps");
        assertThat(steps.size()).isEqualTo(82);
        var names = new ArrayList<String>();
        Map<String, Double> cutover = new HashMap<>();
        for (JsonNode step : steps) {
            names.add(step.get("vm").stringValue());
            assertThat(step.get("cutover").doubleValue()).isGreaterThanOrEqualTo(step.get("start").doubleValue());
            cutover.put(step.get("vm").stringValue(), step.get("cutover").doubleValue());
        }
        Inventory inventory = InventoryReader.read(dir.resolve("inventory.yaml"));
        assertThat(names).containsExactlyInAnyOrderElementsOf(inventory.names());

        // Hubs: the directory first, then the ordered VMs, then the monitoring and logs, then the excluded ones.
        assertThat(names.subList(0, 2)).containsExactlyInAnyOrder("ldap-1", "ldap-2");
        assertThat(names.subList(76, 78)).containsExactlyInAnyOrder("mon-1", "logs-1");
        assertThat(names.subList(78, 82)).containsExactlyInAnyOrder("backup-1", "backup-2", "dns-1", "dns-2");

        // The metrics in the file are those of its steps: recomputed on the estate's graph, pair by pair.
        AffinityRules rules = AffinityReader.read(dir.resolve("affinity.yaml"), inventory);
        CommGraph graph = HubPlacement.measured(GraphCommand.Estate.read(inventory, rules,
                List.of(dir.resolve("flows.csv.gz")), FlowReaders.Format.CSV, false, false, Weight.BYTES, 1)
                .graph().graph(), rules.hubs());
        // The rules travel with the plan, for the executor to keep if it has to change it.
        JsonNode constraints = root.get("constraints");
        assertThat(constraints.get("before").size()).isEqualTo(rules.before().size()).isPositive();
        assertThat(constraints.get("together").size()).isEqualTo(rules.together().size()).isPositive();
        assertThat(constraints.get("hubs").get("ldap-1").stringValue()).isEqualTo("first");
        assertThat(constraints.get("hubs").get("dns-1").stringValue()).isEqualTo("exclude");
        double exposure = 0;
        double maxStretch = 0;
        for (int u = 0; u < graph.vertexCount(); u++) {
            for (int arc = graph.firstArc(u); arc < graph.endArc(u); arc++) {
                int v = graph.target(arc);
                double split = Math.abs(cutover.get(graph.labels().label(u)) - cutover.get(graph.labels().label(v)));
                if (u < v) {
                    exposure += graph.weight(arc) / PlanMetrics.SECONDS_PER_DAY * split;
                    maxStretch = Math.max(maxStretch, split);
                }
            }
        }
        JsonNode metrics = root.get("metrics");
        assertThat(exposure).isCloseTo(metrics.get("exposureBytes").doubleValue(), within(1e-6 * metrics.get("exposureBytes").doubleValue()));
        assertThat(maxStretch).isEqualTo(metrics.get("maxStretch").doubleValue());
        double makespan = cutover.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        assertThat(makespan).isEqualTo(metrics.get("makespan").doubleValue());

        PlannedMigration read = PlanJson.read(file);
        assertThat(PlanMetrics.of(read.plan(), graph)).isEqualTo(read.metrics());
        assertThat(PlanJson.toJson(read)).isEqualTo(result.out().strip());
    }

    @Test
    void tellsTheStretchTheOrderDecidesFromTheOneTheHubRulesMake() {
        CommandRunner.Result result = plan("--objective", "stretch");

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        int at = lines.indexOf(lines.stream().filter(line -> line.startsWith("max stretch")).findFirst().orElseThrow());
        // The sample moves ldap first and mon/logs last; they talk to nearly everyone.
        assertThat(lines.get(at)).endsWith("of the pairs the order decides").doesNotContain("ldap", "mon-1", "logs-1");
        assertThat(lines.get(at + 1)).endsWith("with the pairs of hubs the rules move first or last").containsPattern("ldap|mon-1|logs-1");
    }

    @Test
    void printsASummaryAndWavesWhenAsked() {
        CommandRunner.Result result = plan("--objective", "peak", "--waves");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("82 VMs", "in waves", "makespan", "max stretch", "exposure", "peak",
                "downtime     longest", "first steps", "wave", "ldap-1");
    }

    @Test
    void refusesAnUnknownObjectiveBeforeReadingTheEstate() {
        CommandRunner.Result result = plan("--objective", "speed");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("unknown objective 'speed'. Use stretch, exposure or peak");
        assertThat(Set.of(dir.toFile().list())).doesNotContain("plan.json");
    }
}
