package dev.skylift.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skylift.graph.CommGraph;
import dev.skylift.graph.VertexLabels;
import dev.skylift.plan.MigrationPlan;
import dev.skylift.plan.Objective;
import dev.skylift.plan.PlanConstraints;
import dev.skylift.plan.PlanMetrics;
import dev.skylift.plan.PlannedMigration;
import dev.skylift.plan.Planner;
import dev.skylift.plan.PreCopy;
import dev.skylift.plan.VmSize;
import dev.skylift.plan.WanModel;
import dev.skylift.traffic.AffinityRules;
import dev.skylift.traffic.AffinityRules.Precedence;
import dev.skylift.traffic.HubTreatment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class PlanJsonTest {

    private static final long MB = 1_000_000;

    @TempDir
    Path dir;

    private static PlannedMigration planned(boolean waves) {
        var names = List.of("web", "app", "db", "cache", "batch");
        var sizes = List.of(new VmSize("web", 512 * MB, 3_000 * MB, 2 * MB), new VmSize("app", 2_048 * MB, 9_000 * MB, 40 * MB),
                new VmSize("db", 8_192 * MB, 50_000 * MB, 90 * MB), new VmSize("cache", 4_096 * MB, 0, 300 * MB),
                new VmSize("batch", 1_024 * MB, 20_000 * MB, 0));
        CommGraph graph = CommGraph.builder(5).addEdge(0, 1, 7e9).addEdge(1, 2, 3e10).addEdge(1, 3, 1e9)
                .addEdge(2, 4, 5e8).build(VertexLabels.of(names));
        var wan = WanModel.parse("1Gbps", "40ms", waves ? "300Mbps" : null);
        Planner planner = waves ? Planner.waves(wan, 2, PreCopy.defaults()) : Planner.rollingWindow(wan, 3, PreCopy.defaults());
        MigrationPlan plan = planner.plan(graph, new int[] {4, 0, 1, 3, 2}, sizes, AffinityRules.none());
        var constraints = new PlanConstraints(List.of(new Precedence("batch", "db")), List.of(List.of("app", "cache")),
                Map.of("web", HubTreatment.FIRST, "db", HubTreatment.EXCLUDE));
        return new PlannedMigration(plan, PlanMetrics.of(plan, graph), Objective.EXPOSURE, "auto", constraints);
    }

    @Test
    void aPlanReadBackEqualsThePlanWritten() {
        for (boolean waves : new boolean[] {false, true}) {
            PlannedMigration written = planned(waves);
            Path file = dir.resolve("plan-" + waves + ".json");

            PlanJson.write(file, written);
            PlannedMigration read = PlanJson.read(file);

            assertThat(read).isEqualTo(written);
            assertThat(read.inWaves()).isEqualTo(waves);
            assertThat(read.metrics().crossWanCurve()).hasSizeGreaterThan(2);
        }
    }

    @Test
    void aBadFileFailsNamingTheFileAndTheField() throws Exception {
        String good = PlanJson.toJson(planned(true));

        assertBad("missing.json", good.replace("\"cutover\"", "\"cutoverTime\""), "missing.json: field steps[0].cutover is missing");
        assertBad("version.json", good.replace("\"version\" : 1", "\"version\" : 2"), "field version is 2 but this skylift reads version 1");
        assertBad("format.json", good.replace("skylift-plan", "skylift-graph"), "field format is 'skylift-graph'");
        assertBad("reason.json", good.replaceFirst("\"stopReason\" : \"[a-z-]+\"", "\"stopReason\" : \"tired\""),
                "field steps[0].stopReason is 'tired'");
        assertBad("wave.json", good.replaceFirst("\"wave\" : 0", "\"wave\" : -1"), "field steps[0].wave is -1");
        assertBad("twice.json", good.replace("\"vm\" : \"web\"", "\"vm\" : \"batch\""), "field steps[1].vm names VM batch a second time");
        assertBad("objective.json", good.replace("\"exposure\"", "\"speed\""), "field objective unknown objective 'speed'");
        assertBad("rtt.json", good.replace("PT0.04S", "40ms"), "field wan.rtt is '40ms'; expected an ISO-8601 duration");
        assertBad("broken.json", good.substring(0, good.length() / 2), "broken.json:");
        assertBad("broken.json", good.substring(0, good.length() / 2), "is not valid JSON");
        String late = good.replaceFirst("\"start\" : 0.0", "\"start\" : 1.0E9");
        assertBad("early.json", late, "before the start 1.0E9");
        assertBad("stranger.json", good.replace("\"then\" : \"db\"", "\"then\" : \"mail\""),
                "field constraints.before[0].then names VM mail, which is not in the steps");
        assertBad("reversed.json", good.replaceFirst("\"first\" : \"batch\",(\\s+)\"then\" : \"db\"",
                "\"first\" : \"db\",$1\"then\" : \"batch\""),
                "field constraints.before[0] says db moves before batch but the steps start batch first");
        assertBad("group.json", good.replaceFirst("\\[ \"app\"", "[ 7"), "field constraints.together[0][0] is 7");
        assertBad("hub.json", good.replace("\"web\" : \"first\"", "\"web\" : \"soon\""),
                "field constraints.hubs.web is \"soon\"; expected \"first\"");
    }

    @Test
    void aPlanWrittenBeforePlansCarriedTheirRulesReadsWithNone() throws Exception {
        PlannedMigration written = planned(false);
        var json = (ObjectNode) JsonMapper.builder().build().readTree(PlanJson.toJson(written));
        json.remove("constraints");
        Path file = Files.writeString(dir.resolve("old.json"), json.toString(), StandardCharsets.UTF_8);

        PlannedMigration read = PlanJson.read(file);

        assertThat(read.constraints()).isEqualTo(PlanConstraints.none());
        assertThat(read.plan()).isEqualTo(written.plan());
    }

    private void assertBad(String name, String text, String message) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        assertThat(text).isNotEqualTo(PlanJson.toJson(planned(true)));
        assertThatThrownBy(() -> PlanJson.read(file)).isInstanceOf(InputFormatException.class)
                .hasMessageContaining(name).hasMessageContaining(message);
    }

    @Test
    void writesTheFieldsTheExecutorReads() {
        String json = PlanJson.toJson(planned(true));

        assertThat(json).contains("\"format\" : \"skylift-plan\"", "\"version\" : 1", "\"schedule\" : \"waves\"",
                "\"concurrency\" : 2", "\"objective\" : \"exposure\"", "\"method\" : \"auto\"", "\"wave\" : 0",
                "\"stopReason\"", "\"exposureBytes\"", "\"bytesPerSecond\" : 1.25E8", "\"constraints\"",
                "\"first\" : \"batch\"", "\"web\" : \"first\"");
    }
}
