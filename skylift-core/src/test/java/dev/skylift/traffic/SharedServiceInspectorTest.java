package dev.skylift.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skylift.inventory.Inventory;
import dev.skylift.inventory.Vm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class SharedServiceInspectorTest {

    private static Inventory estate(int n) {
        List<Vm> vms = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            vms.add(new Vm("vm-" + v, List.of("10.0.0." + (v + 1)), "n", 1, 1, OptionalDouble.empty(), List.of(),
                    Optional.empty(), Map.of()));
        }
        return new Inventory(vms, List.of());
    }

    /** 20 VMs in a ring, vm-0 talking to everyone lightly, vm-10 and vm-11 exchanging most bytes. */
    private static EstateGraph ringWithDnsAndABackupPair() {
        Inventory inventory = estate(20);
        FlowAggregator aggregator = new FlowAggregator(inventory, false, false);
        for (int v = 1; v < 20; v++) {
            aggregator.add(v, v % 19 + 1, 1_000, 10, 1);
            aggregator.add(0, v, 10, 1, 1);
        }
        aggregator.add(10, 11, 100_000, 100, 1);
        return EstateGraph.of(aggregator, AffinityRules.none(), Weight.BYTES, 1);
    }

    @Test
    void findsTheVmTalkingToEveryoneAndTheHeavyPairWithEvidence() {
        List<Hub> hubs = SharedServiceInspector.hubs(ringWithDnsAndABackupPair(), SharedServiceInspector.Thresholds.defaults());

        assertThat(hubs).extracting(Hub::name).containsExactly("vm-0", "vm-10", "vm-11");
        Hub dns = hubs.get(0);
        assertThat(dns.degree()).isEqualTo(19);
        assertThat(dns.degreeShare()).isEqualTo(1.0);
        assertThat(dns.byDegree()).isTrue();
        assertThat(dns.byWeight()).isFalse();
        assertThat(dns.weight()).isEqualTo(190);
        Hub backup = hubs.get(1);
        assertThat(backup.byDegree()).isFalse();
        assertThat(backup.byWeight()).isTrue();
        assertThat(backup.weight()).isEqualTo(100_000 + 2 * 1_000 + 10);
        assertThat(backup.weightShare()).isEqualTo(backup.weight() / (100_000 + 19 * 1_000 + 190.0));
    }

    @Test
    void anApplicationGroupInTheRulesDoesNotMakeItsMembersHubs() {
        Inventory inventory = estate(20);
        FlowAggregator aggregator = new FlowAggregator(inventory, false, false);
        for (int v = 1; v < 20; v++) {
            aggregator.add(v, v % 19 + 1, 1_000, 10, 1);
            aggregator.add(0, v, 10, 1, 1);
        }
        List<String> app = new ArrayList<>();
        for (int v = 1; v <= 8; v++) {
            app.add("vm-" + v);
        }
        var rules = new AffinityRules(List.of(new AffinityRules.Group("app", app, 5)), List.of(), List.of(), List.of(),
                List.of(), Map.of());
        EstateGraph graph = EstateGraph.of(aggregator, rules, Weight.BYTES, 1);

        // vm-4 talks to vm-0, vm-3 and vm-5; the group adds vm-1, 2, 6, 7, 8: 8 of 19 (42 %) in the
        // merged graph, above the 30 % hub threshold, but only 3 were ever seen talking.
        assertThat(graph.degrees()[4]).isEqualTo(8);
        assertThat(graph.observedDegrees()[4]).isEqualTo(3);
        assertThat(SharedServiceInspector.hubs(graph, SharedServiceInspector.Thresholds.defaults()))
                .extracting(Hub::name).containsExactly("vm-0");
    }

    @Test
    void stricterThresholdsFindFewerHubs() {
        var strict = new SharedServiceInspector.Thresholds(1.0, 1.0, 10);

        assertThat(SharedServiceInspector.hubs(ringWithDnsAndABackupPair(), strict)).extracting(Hub::name)
                .containsExactly("vm-0");
    }

    @Test
    void smallEstatesHaveNoHubs() {
        Inventory inventory = estate(5);
        FlowAggregator aggregator = new FlowAggregator(inventory, false, false);
        for (int v = 1; v < 5; v++) {
            aggregator.add(0, v, 1, 1, 1);
        }

        assertThat(SharedServiceInspector.hubs(EstateGraph.of(aggregator, AffinityRules.none(), Weight.BYTES, 1),
                SharedServiceInspector.Thresholds.defaults())).isEmpty();
    }
}
