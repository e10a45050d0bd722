package dev.skylift.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skylift.graph.CommGraph;
import dev.skylift.inventory.Inventory;
import dev.skylift.io.AffinityReader;
import dev.skylift.io.FlowCsvReader;
import dev.skylift.io.InputFormatException;
import dev.skylift.io.InventoryReader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Affinity rules: reading and checking them, and how they merge with observed flows. */
class EstateGraphTest {

    @TempDir
    Path dir;

    private static Path resource(String name) {
        try {
            return Path.of(EstateGraphTest.class.getClassLoader().getResource("traffic/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private final Inventory inventory = InventoryReader.read(resource("inventory.yaml"));

    @Test
    void readsEveryKindOfRule() {
        AffinityRules rules = AffinityReader.read(resource("affinity.yaml"), inventory);

        assertThat(rules.groups()).containsExactly(new AffinityRules.Group("shop", List.of("web-1", "app-1", "db-1"), 100));
        assertThat(rules.pairs()).containsExactly(new AffinityRules.Pair("app-1", "dns-1", 7));
        assertThat(rules.sharedServices()).containsExactly(new AffinityRules.SharedService("dns-1", 2));
        assertThat(rules.before()).containsExactly(new AffinityRules.Precedence("db-1", "app-1"),
                new AffinityRules.Precedence("app-1", "web-1"));
        assertThat(rules.together()).containsExactly(List.of("web-1", "dns-1"));
        assertThat(rules.hubs()).isEqualTo(Map.of("dns-1", HubTreatment.FIRST));
    }

    @Test
    void affinityAloneBuildsAGraph() {
        AffinityRules rules = AffinityReader.read(resource("affinity.yaml"), inventory);

        EstateGraph graph = EstateGraph.ofRules(inventory, rules, Weight.BYTES);
        CommGraph g = graph.graph();

        // The shop clique (3 pairs) and dns-1 with everyone (3 pairs, one of them also a named pair).
        assertThat(g.edgeCount()).isEqualTo(6);
        assertThat(weight(g, "app-1", "dns-1")).isEqualTo(7 + 2);
        assertThat(weight(g, "web-1", "db-1")).isEqualTo(100);
        assertThat(weight(g, "web-1", "dns-1")).isEqualTo(2);
    }

    @Test
    void observedAndAffinityWeightsAddWithTheScale() {
        AffinityRules rules = AffinityReader.read(resource("affinity.yaml"), inventory);
        FlowAggregator aggregator = new FlowAggregator(inventory, false, false);
        FlowCsvReader.read(resource("flows.csv"), aggregator);

        CommGraph g = EstateGraph.of(aggregator, rules, Weight.BYTES, 10).graph();

        assertThat(weight(g, "web-1", "app-1")).isEqualTo(1500 + 10 * 100);   // observed and in the group
        assertThat(weight(g, "app-1", "dns-1")).isEqualTo(200 + 10 * (7 + 2)); // observed, a pair, a shared service
        assertThat(weight(g, "web-1", "db-1")).isEqualTo(10 * 100);            // only in the rules
        CommGraph packets = EstateGraph.of(aggregator, AffinityRules.none(), Weight.PACKETS, 1).graph();
        assertThat(weight(packets, "app-1", "db-1")).isEqualTo(70);
        assertThat(packets.edgeCount()).isEqualTo(4);
    }

    @Test
    void hubsMovedFirstLastOrExcludedLeaveTheOrderedGraph() {
        AffinityRules rules = AffinityReader.read(resource("affinity.yaml"), inventory);
        EstateGraph graph = EstateGraph.ofRules(inventory, rules, Weight.BYTES);

        CommGraph ordered = graph.orderedGraph(Map.of("dns-1", HubTreatment.FIRST, "web-1", HubTreatment.ORDER));

        assertThat(ordered.vertexCount()).isEqualTo(3);
        assertThat(ordered.labels().indexOf("dns-1")).isEqualTo(-1);
        assertThat(ordered.edgeCount()).isEqualTo(3);
    }

    @Test
    void anUnknownVmInARuleNamesItsLine() throws IOException {
        Path file = Files.writeString(dir.resolve("rules.yaml"), "groups:\n  - name: g\n    vms: [web-1,\n          web-9]\n");

        assertThatThrownBy(() -> AffinityReader.read(file, inventory)).isInstanceOf(InputFormatException.class)
                .hasMessage(file + ":4: VM 'web-9' is not in the inventory");
    }

    @Test
    void aPrecedenceCycleIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("rules.yaml"), "before:\n  - [web-1, app-1]\n  - [app-1, web-1]\n");

        assertThatThrownBy(() -> AffinityReader.read(file, inventory))
                .hasMessageStartingWith(file + ":2: 'before' rules form a cycle through web-1 and app-1");
    }

    @Test
    void unknownFieldsAndBadDecisionsAreRefused() throws IOException {
        Path unknown = Files.writeString(dir.resolve("a.yaml"), "pairs:\n  - vms: [web-1, app-1]\n    wieght: 5\n");
        Path decision = Files.writeString(dir.resolve("b.yaml"), "hubs:\n  dns-1: sometimes\n");

        assertThatThrownBy(() -> AffinityReader.read(unknown, inventory))
                .hasMessageStartingWith(unknown + ":3: unknown field 'wieght'");
        assertThatThrownBy(() -> AffinityReader.read(decision, inventory))
                .hasMessage(decision + ":2: hub decision 'sometimes' for dns-1 is not one of order, first, last, exclude");
    }

    private static double weight(CommGraph g, String a, String b) {
        int u = g.labels().indexOf(a);
        int v = g.labels().indexOf(b);
        for (int arc = g.firstArc(u); arc < g.endArc(u); arc++) {
            if (g.target(arc) == v) {
                return g.weight(arc);
            }
        }
        return -1;
    }
}
