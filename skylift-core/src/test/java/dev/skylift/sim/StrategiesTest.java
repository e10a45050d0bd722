package dev.skylift.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skylift.plan.MigrationStep;
import dev.skylift.plan.VmSize;
import dev.skylift.traffic.AffinityRules;
import java.util.Comparator;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StrategiesTest {

    @Test
    void registersTheNineStrategiesByName() {
        assertThat(Strategies.names()).containsExactly("random", "size", "rcm", "search", "stretch", "exposure", "peak",
                "online-degree", "online-traffic");
        for (String name : Strategies.names()) {
            assertThat(Strategies.byName(name).name()).isEqualTo(name);
        }
        assertThat(Strategies.byName("random").randomized()).isTrue();
        assertThat(Strategies.byName("online-degree").online()).isTrue();
        assertThat(Strategies.byName("search").randomized()).isFalse();
        assertThat(Strategies.byName("size").description()).contains("naive");
    }

    @Test
    void anUnknownNameFailsListingTheKnownOnes() {
        assertThatThrownBy(() -> Strategies.parse("random,bogus"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'bogus'")
                .hasMessageContaining("random, size, rcm, search, stretch, exposure, peak, online-degree, online-traffic");
    }

    @Test
    void aNameListedTwiceFails() {
        assertThatThrownBy(() -> Strategies.parse("rcm, search,rcm"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rcm is listed twice");
    }

    @Test
    void sizeMovesTheSmallestVmFirstWhenNoRuleIntervenes() {
        var estate = SimFixtures.random(new Random(5));
        var scenario = new Scenario(estate.scenario().graph(), estate.scenario().sizes(),
                AffinityRules.none(), estate.scenario().planner(), estate.scenario().options());
        var plan = Strategies.byName("size").plan(scenario, 1);
        var bytes = plan.steps().stream().map(MigrationStep::vm)
                .map(vm -> scenario.sizes().stream().filter(s -> s.name().equals(vm)).findFirst().orElseThrow())
                .map(VmSize::totalBytes).toList();
        assertThat(bytes).isSortedAccordingTo(Comparator.naturalOrder());
    }
}
